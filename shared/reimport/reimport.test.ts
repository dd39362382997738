import { describe, expect, it } from 'vitest';
import { exportCorrectionText } from '../correction/export-text';
import { createProject } from '../model/project';
import { applyReimport, proposeReimport, summarize } from './reimport';

const project = createProject({
  title: '智源进展报告',
  segments: [
    { start: 0, end: 1000, source: '再次欢迎大家来参加今天的志愿大会', translation: 'Welcome to the conference' },
    { start: 1100, end: 2000, source: '我是王仲远', translation: "I'm Wang Zhongyuan." },
    { start: 2100, end: 3000, source: '实际上skin low并不是', translation: '' },
    { start: 3100, end: 4000, source: '一个新鲜的事物啊。', translation: '' },
    { start: 4100, end: 5000, source: '那么这就是聚生大模型', translation: '', flags: ['locked'] },
  ],
});
const ids = project.segments.map((s) => s.id);
const sources = (p: typeof project) => p.segments.map((s) => s.source);

describe('proposeReimport', () => {
  it('finds no change in an unchanged export, whatever its style', () => {
    for (const style of ['paragraphs', 'lines', 'tsv'] as const) {
      for (const field of ['text', 'translation'] as const) {
        const proposal = proposeReimport(project, exportCorrectionText(project, style, field), field, 'x');
        expect(proposal.changes, `${style} ${field}`).toEqual([]);
      }
    }
  });

  it('aligns a corrected paragraph export: fixes, a dropped filler, merged phrases', () => {
    const corrected = exportCorrectionText(project, 'paragraphs', 'text')
      .replace('志愿', '智源')
      .replace('skin low并不是，一个新鲜的事物啊', 'scaling law并不是一个新鲜的事物')
      .replace('聚生', '具身');
    const proposal = proposeReimport(project, corrected, 'text', 'c.txt');
    expect(proposal).toMatchObject({ kind: 'paragraphs', mode: 'aligned' });
    expect(sources(applyReimport(project, proposal))).toEqual([
      '再次欢迎大家来参加今天的智源大会',
      '我是王仲远',
      '实际上scaling law并不是',
      '一个新鲜的事物。',
      '那么这就是具身大模型',
    ]);
    expect(summarize(proposal)).toEqual({ changed: 4, flagged: 0 });
  });

  it('places TSV rows by id; an empty cell keeps the text; unknown ids are reported with their line', () => {
    const tsv = `id\ttext\n${ids[2]}\t实际上scaling law并不是\n${ids[0]}\t\nnope\t多余\n`;
    const proposal = proposeReimport(project, tsv, 'text', 'c.tsv');
    expect(proposal.mode).toBe('by-id');
    expect(proposal.changes.map((c) => [c.id, c.newText])).toEqual([[ids[2], '实际上scaling law并不是']]);
    expect(proposal.warnings).toEqual([
      expect.objectContaining({
        line: 4,
        code: 'correction-unknown-id',
        message: 'no segment has the id nope; its text was not used',
      }),
    ]);
  });

  it('places numbered lines by position and leaves missing numbers alone', () => {
    const proposal = proposeReimport(
      project,
      '1. 再次欢迎大家来参加今天的智源大会\n5. 那么这就是具身大模型\n',
      'text',
      'n.txt',
    );
    expect(proposal.mode).toBe('by-position');
    expect(proposal.changes.map((c) => c.index)).toEqual([0, 4]);
  });

  it('places lines by position when there are as many as segments and each resembles its segment', () => {
    const lines = project.segments.map((s) => s.translation);
    lines[1] = "I'm Wang Zhongyuan, from BAAI.";
    const proposal = proposeReimport(project, `${lines.join('\n')}\n`, 'translation', 'l.txt');
    expect(proposal.mode).toBe('by-position');
    expect(proposal.changes.map((c) => [c.index, c.newText])).toEqual([[1, "I'm Wang Zhongyuan, from BAAI."]]);
  });

  it('aligns lines that number the same but are shifted (one pair merged, another line split)', () => {
    const lines = [
      '再次欢迎大家',
      '来参加今天的智源大会',
      '我是王仲远实际上scaling law并不是',
      '一个新鲜的事物。',
      '那么这就是具身大模型',
    ];
    const proposal = proposeReimport(project, lines.join('\n'), 'text', 'l.txt');
    expect(proposal.mode).toBe('aligned');
    expect(sources(applyReimport(project, proposal))).toEqual([
      '再次欢迎大家\n来参加今天的智源大会',
      '我是王仲远',
      '实际上scaling law并不是',
      '一个新鲜的事物。',
      '那么这就是具身大模型',
    ]);
  });

  it('flags an emptied segment and keeps the segments of a missing run, flagged', () => {
    const proposal = proposeReimport(
      project,
      '再次欢迎大家来参加今天的智源大会\n那么这就是具身大模型\n',
      'text',
      'x.txt',
    );
    const flagged = proposal.changes.filter((c) => c.needsReview);
    expect(flagged.map((c) => c.index)).toEqual([1, 2, 3]);
    expect(flagged.every((c) => c.missing && c.newText === c.oldText)).toBe(true);
  });
});

describe('applyReimport', () => {
  const corrected = exportCorrectionText(project, 'lines', 'text').replace('志愿', '智源').replace('聚生', '具身');
  const proposal = proposeReimport(project, corrected, 'text', 'c.txt');

  it('applies the accepted changes only and flags them reimported, keeping other flags', () => {
    const next = applyReimport(project, proposal, new Set([ids[4] as string]));
    expect(sources(next)[0]).toBe('再次欢迎大家来参加今天的志愿大会');
    expect(next.segments[4]).toMatchObject({ source: '那么这就是具身大模型', flags: ['locked', 'reimported'] });
    expect(next.segments[0]).toBe(project.segments[0]);
  });

  it('returns the same project when nothing is accepted', () => {
    expect(applyReimport(project, proposal, new Set())).toBe(project);
  });

  it('writes the translation field when that is what was corrected', () => {
    const p = proposeReimport(
      project,
      `id\ttranslation\n${ids[2]}\tIn fact, scaling laws are not\n`,
      'translation',
      't.tsv',
    );
    const next = applyReimport(project, p);
    expect(next.segments[2]).toMatchObject({
      source: '实际上skin low并不是',
      translation: 'In fact, scaling laws are not',
    });
  });
});

describe('proposeReimport without text to align with', () => {
  it('warns instead of silently dropping the corrected text', () => {
    const untranslated = createProject({ segments: [{ source: '甲' }, { source: '乙' }, { source: '丙' }] });
    const proposal = proposeReimport(
      untranslated,
      'A, B and C, all in one paragraph，and more，and more\n',
      'translation',
      't.txt',
    );
    expect(proposal.changes).toEqual([]);
    expect(proposal.warnings[0]?.message).toMatch(/no segment has a translation/);
  });
});
