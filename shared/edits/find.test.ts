import { describe, expect, it } from 'vitest';
import { createProject } from '../model/project';
import { type FindQuery, findMatches, replaceAll, replaceMatch } from './find';

const project = () =>
  createProject({
    segments: [
      { source: '人工智能和人工智能', translation: 'AI and ai' },
      { source: '大模型', translation: 'Large models. AI.' },
      { source: '无关', translation: '' },
    ],
  });
const q = (text: string, extra: Partial<FindQuery> = {}): FindQuery => ({
  text,
  sides: ['source', 'translation'],
  matchCase: false,
  ...extra,
});

describe('find and replace', () => {
  it('finds every match in document order, source before translation', () => {
    const matches = findMatches(project(), q('ai'));
    expect(matches.map((m) => [m.id, m.side, m.index])).toEqual([
      ['s1', 'translation', 0],
      ['s1', 'translation', 7],
      ['s2', 'translation', 14],
    ]);
    expect(findMatches(project(), q('ai', { matchCase: true }))).toHaveLength(1);
    expect(findMatches(project(), q('人工智能', { sides: ['translation'] }))).toHaveLength(0);
    expect(findMatches(project(), q('人工智能', { sides: ['source'] })).map((m) => m.index)).toEqual([0, 5]);
    expect(findMatches(project(), q(''))).toEqual([]);
    // Regex characters are literal.
    expect(findMatches(project(), q('.'))).toHaveLength(2);
  });

  it('replaces all matches in one new project, leaving other segments shared', () => {
    const before = project();
    const { project: after, count, ids } = replaceAll(before, q('人工智能', { sides: ['source'] }), 'AI');
    expect(count).toBe(2);
    expect(ids).toEqual(['s1']);
    expect(after.segments[0]?.source).toBe('AI和AI');
    expect(after.segments[0]?.translation).toBe('AI and ai');
    expect(after.segments[1]).toBe(before.segments[1]);
    // `$&` in the replacement is literal text.
    expect(replaceAll(before, q('大'), '$&$&').project.segments[1]?.source).toBe('$&$&模型');
    expect(replaceAll(before, q('nothing'), 'x').project).toBe(before);
  });

  it('replaces one match only while the text there still matches', () => {
    const p = project();
    const [first] = findMatches(p, q('AI'));
    if (!first) throw new Error('no match');
    const once = replaceMatch(p, first, q('AI'), 'Artificial intelligence');
    expect(once.segments[0]?.translation).toBe('Artificial intelligence and ai');
    expect(replaceMatch(once, first, q('AI'), 'x')).toBe(once);
  });
});
