import { describe, expect, it } from 'vitest';
import { applyChanges } from '../qa/changes';
import { problems, project } from '../qa/testing/qa';
import { proposeAsrFixes, suggestTerms } from './apply';
import { compileGlossary } from './compile';
import { parseGlossaryCsv, serializeGlossaryCsv } from './csv';
import { containsPhrase, type Glossary, mergeGlossaries, termPairs } from './model';

const glossary: Glossary = {
  entries: [
    { kind: 'term', source: '智源研究院', target: 'BAAI' },
    { kind: 'term', source: '具身智能', target: 'embodied AI' },
    { kind: 'term', source: '悟道', target: 'WuDao' },
    { kind: 'term', source: '智能', target: 'intelligence' },
    { kind: 'asr-fix', source: '志愿大会', target: '智源大会' },
    { kind: 'asr-fix', source: '聚生', target: '具身' },
    { kind: 'asr-fix', source: 'skin low', target: 'scaling law' },
  ],
};

describe('glossary model', () => {
  it('gives machine translation the term pairs alone', () => {
    expect(termPairs(glossary)).toEqual([
      { source: '智源研究院', target: 'BAAI' },
      { source: '具身智能', target: 'embodied AI' },
      { source: '悟道', target: 'WuDao' },
      { source: '智能', target: 'intelligence' },
    ]);
    expect(termPairs(null)).toEqual([]);
  });

  it('merges project over user glossary', () => {
    const user: Glossary = {
      entries: [
        { kind: 'term', source: '悟道', target: 'Wudao' },
        { kind: 'term', source: '大模型', target: 'large model' },
      ],
    };
    expect(termPairs(mergeGlossaries(glossary, user)).map((p) => p.target)).toContain('WuDao');
    expect(termPairs(mergeGlossaries(glossary, user)).map((p) => p.target)).toContain('large model');
    expect(termPairs(mergeGlossaries(glossary, user)).map((p) => p.target)).not.toContain('Wudao');
  });

  it('matches English whole words in any case', () => {
    expect(containsPhrase('Embodied AI is here', 'embodied AI')).toBe(true);
    expect(containsPhrase('BAAI’s new model', 'BAAI')).toBe(true);
    expect(containsPhrase('BAAIX', 'BAAI')).toBe(false);
    expect(containsPhrase('embodied\nAI', 'embodied AI')).toBe(true);
  });
});

describe('ASR fixes', () => {
  it('proposes per-segment changes, longest wrong form first, Latin as whole words', () => {
    const p = project([
      { source: '欢迎来到志愿大会' },
      { source: '聚生智能的skin low' },
      { source: '我是志愿者' },
      { source: 'the skin lowers' },
    ]);
    const changes = proposeAsrFixes(p, glossary);
    expect(changes.map((c) => [c.segment, c.before, c.after])).toEqual([
      ['s1', '欢迎来到志愿大会', '欢迎来到智源大会'],
      ['s2', '聚生智能的skin low', '具身智能的scaling law'],
    ]);
    const fixed = applyChanges(p, changes);
    expect(fixed.segments.map((s) => s.source)).toEqual([
      '欢迎来到智源大会',
      '具身智能的scaling law',
      '我是志愿者',
      'the skin lowers',
    ]);
  });

  it('does not apply a fix to its own result again', () => {
    const g: Glossary = { entries: [{ kind: 'asr-fix', source: '具', target: '具身' }] };
    expect(compileGlossary(g).fixAsr('具')).toBe('具身');
  });

  it('is a QA rule with a fix', () => {
    const found = problems(project([{ start: 0, end: 2000, source: '志愿大会' }]), 'glossary-asr-fix', { glossary });
    expect(found[0]?.params).toEqual({ before: '志愿大会', after: '智源大会' });
    expect(found[0]?.fixable).toBe(true);
  });
});

describe('glossary-term rule', () => {
  const check = (source: string, translation: string) =>
    problems(project([{ start: 0, end: 3000, source, translation }]), 'glossary-term', { glossary });

  it('flags a term whose English is missing from the translation', () => {
    expect(check('智源研究院发布了悟道', 'The institute released Wudao 3').map((p) => p.params)).toEqual([
      { term: '智源研究院', expected: 'BAAI' },
    ]);
    expect(check('具身智能', 'embodied intelligence').map((p) => p.params.term)).toEqual(['具身智能']);
  });

  it('passes translations that use the term in any case, and does not ask for a term inside a longer one', () => {
    expect(check('智源研究院发布了悟道', 'baai released WuDao')).toEqual([]);
    expect(check('具身智能很重要', 'Embodied AI matters')).toEqual([]);
    expect(check('智源研究院', '')).toEqual([]);
  });
});

describe('suggestTerms', () => {
  it('lists the terms of a segment in text order, marking those the translation uses', () => {
    expect(suggestTerms('悟道来自智源研究院', 'WuDao comes from', glossary)).toEqual([
      { source: '悟道', target: 'WuDao', index: 0, used: true },
      { source: '智源研究院', target: 'BAAI', index: 4, used: false },
    ]);
  });
});

describe('glossary CSV', () => {
  it('reads RFC 4180 with a header, BOM, quotes, commas and line breaks', () => {
    const csv =
      '\uFEFFkind,source,target,note\r\nterm,智源研究院,BAAI,"Beijing Academy of AI, founded 2018"\r\n' +
      'asr-fix,志愿大会,智源大会,\r\nterm,"具身智能","embodied AI","two\nlines, ""quoted"""\r\n';
    const read = parseGlossaryCsv(csv);
    expect(read.problems).toEqual([]);
    expect(read.glossary.entries).toEqual([
      { kind: 'term', source: '智源研究院', target: 'BAAI', note: 'Beijing Academy of AI, founded 2018' },
      { kind: 'asr-fix', source: '志愿大会', target: '智源大会' },
      { kind: 'term', source: '具身智能', target: 'embodied AI', note: 'two\nlines, "quoted"' },
    ]);
  });

  it('reads two-column term pairs and kind-first rows without a header, and Chinese headers', () => {
    expect(parseGlossaryCsv('悟道,WuDao\nasr-fix,聚生,具身\n').glossary.entries).toEqual([
      { kind: 'term', source: '悟道', target: 'WuDao' },
      { kind: 'asr-fix', source: '聚生', target: '具身' },
    ]);
    expect(parseGlossaryCsv('原文,译文\n悟道,WuDao\n').glossary.entries).toEqual([
      { kind: 'term', source: '悟道', target: 'WuDao' },
    ]);
  });

  it('reports bad rows with their line and keeps the rest', () => {
    const read = parseGlossaryCsv('kind,source,target\nterm,悟道,WuDao\nweird,a,b\nterm,,x\n"unclosed,x\n');
    expect(read.glossary.entries).toHaveLength(1);
    expect(read.problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'glossary-csv-unknown-kind'],
      [4, 'glossary-csv-no-source'],
      [5, 'glossary-csv-unclosed-quote'],
      [5, 'glossary-csv-unknown-kind'],
    ]);
  });

  it('round-trips', () => {
    const text = serializeGlossaryCsv({
      entries: [
        ...glossary.entries,
        { kind: 'term', source: '大会', target: 'conference', note: 'a "note", with comma' },
      ],
    });
    expect(text.startsWith('kind,source,target,note\r\n')).toBe(true);
    expect(parseGlossaryCsv(text).glossary.entries).toEqual([
      ...glossary.entries,
      { kind: 'term', source: '大会', target: 'conference', note: 'a "note", with comma' },
    ]);
  });
});
