import { describe, expect, it } from 'vitest';
import { createProject } from '../model/project';
import { groupSentences, joinPhrases } from './sentences';

const timed = (parts: [string, number, number][]) =>
  createProject({ segments: parts.map(([source, start, end]) => ({ source, start, end })) }).segments;

describe('groupSentences', () => {
  it('joins phrase fragments until the punctuation of the text ends the sentence', () => {
    const segments = timed([
      ['尊敬的各位领导', 0, 1000],
      ['各位来宾', 1100, 2000],
      ['大家上午好。', 2100, 3000],
      ['我是王仲远', 3100, 4000],
      ['非常荣幸！', 4100, 5000],
    ]);
    const sentences = groupSentences(segments);
    expect(sentences.map((s) => s.segmentIds)).toEqual([
      ['s1', 's2', 's3'],
      ['s4', 's5'],
    ]);
    expect(sentences[0]).toMatchObject({
      id: 's1',
      indexes: [0, 1, 2],
      text: '尊敬的各位领导，各位来宾，大家上午好。',
    });
  });

  it('ends a sentence at a long pause and at an empty segment', () => {
    const segments = timed([
      ['第一句', 0, 1000],
      ['还是第一句', 1200, 2000],
      ['停顿之后', 3500, 4000],
      ['', 4100, 4200],
      ['空段之后', 4300, 5000],
    ]);
    expect(groupSentences(segments).map((s) => s.segmentIds)).toEqual([['s1', 's2'], ['s3'], ['s5']]);
  });

  it('cuts a run that is too long at its longest pause, not just at the limit', () => {
    const parts: [string, number, number][] = [];
    let t = 0;
    for (let i = 0; i < 10; i++) {
      const gap = i === 6 ? 700 : 200; // the pause before the 8th phrase is the longest
      parts.push([`短语${'的'.repeat(6)}${i}`, t, t + 1000]);
      t += 1000 + gap;
    }
    const groups = groupSentences(timed(parts), { pauseMs: 800, maxChars: 80, maxSegments: 8 }).map((s) => s.indexes);
    expect(groups).toEqual([
      [0, 1, 2, 3, 4, 5, 6],
      [7, 8, 9],
    ]);
  });

  it('respects the maximum length on untimed text, cutting after a comma', () => {
    const segments = createProject({
      segments: ['一二三四五六七八九十', '一二三四五六七八九十，', '一二三四五六七八九十', '一二三四五六七八九十'].map(
        (source) => ({ source }),
      ),
    }).segments;
    const groups = groupSentences(segments, { pauseMs: 800, maxChars: 25, maxSegments: 8 });
    expect(groups.map((g) => g.indexes)).toEqual([
      [0, 1],
      [2, 3],
    ]);
    for (const g of groups) expect(g.text.replace(/[，,]/g, '').length).toBeLessThanOrEqual(25);
  });

  it('never loses or repeats a segment with text', () => {
    const segments = timed(
      Array.from({ length: 200 }, (_, i) => [i % 7 === 0 ? `句子${i}。` : `短语${i}`, i * 1000, i * 1000 + 800]),
    );
    const ids = groupSentences(segments).flatMap((s) => s.segmentIds);
    expect(ids).toEqual(segments.map((s) => s.id));
  });
});

describe('joinPhrases', () => {
  it('puts a comma between Chinese phrases, a space between Latin ones, nothing after punctuation', () => {
    expect(joinPhrases(['各位来宾', '各位专家，', '大家好'])).toBe('各位来宾，各位专家，大家好');
    expect(joinPhrases(['scaling', 'law'])).toBe('scaling law');
    expect(joinPhrases(['它叫 GPT', '很厉害'])).toBe('它叫 GPT，很厉害');
    expect(joinPhrases(['Hello,', 'world'])).toBe('Hello, world');
  });
});
