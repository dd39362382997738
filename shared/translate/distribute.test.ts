import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeTranslation, partShares, wrapLines } from './distribute';

const words = (pieces: string[]) => pieces.join(' ').split(/\s+/).filter(Boolean);

describe('distributeTranslation', () => {
  it('gives each segment its share of the words, cutting at word boundaries after punctuation', () => {
    const pieces = distributeTranslation('Distinguished leaders, honoured guests, experts and friends, good morning.', [
      { source: '尊敬的各位领导', durationMs: 2954 },
      { source: '各位来宾', durationMs: 1620 },
      { source: '各位专家', durationMs: 1830 },
      { source: '各位朋友', durationMs: 1651 },
      { source: '大家上午好', durationMs: 2155 },
    ]);
    expect(pieces).toEqual(['Distinguished leaders,', 'honoured guests,', 'experts', 'and friends,', 'good morning.']);
  });

  it('follows duration: a long segment gets more of the words than a short one with the same text', () => {
    const text = 'one two three four five six seven eight nine ten eleven twelve';
    const [a, b] = distributeTranslation(text, [
      { source: '四个字儿', durationMs: 6000 },
      { source: '四个字儿', durationMs: 2000 },
    ]);
    expect(words([a ?? '']).length).toBeGreaterThan(words([b ?? '']).length * 1.5);
  });

  it('uses source length alone for untimed segments', () => {
    const [a, b] = distributeTranslation('aa bb cc dd ee ff gg hh', [
      { source: '一二三', durationMs: null },
      { source: '一二三四五六七八九', durationMs: 5000 },
    ]);
    expect(a).toBe('aa bb');
    expect(b).toBe('cc dd ee ff gg hh');
    expect(
      partShares([
        { source: '一二三', durationMs: null },
        { source: '一', durationMs: null },
      ]),
    ).toEqual([0.75, 0.25]);
  });

  it('prefers not to leave an article dangling at the end of a segment', () => {
    const [a] = distributeTranslation('we will build the foundation model for everyone', [
      { source: '我们要建设', durationMs: 1000 },
      { source: '基础模型给大家', durationMs: 1000 },
    ]);
    expect(a?.split(' ').at(-1)).not.toMatch(/^(the|a|of|for)$/);
  });

  it('keeps pieces within the line length where the words allow, and wraps into lines when allowed', () => {
    const text =
      'The Beijing Academy of Artificial Intelligence was founded in November 2018 as a new kind of research institute';
    const parts = [
      { source: '智源研究院是2018年11月份成立的', durationMs: 3000 },
      { source: '一家人工智能领域的新型研发机构', durationMs: 3000 },
    ];
    for (const piece of distributeTranslation(text, parts, { maxLineLength: 60, maxLines: 1 }))
      expect(piece.length).toBeLessThanOrEqual(60);
    const wrapped = distributeTranslation(text, parts, { maxLineLength: 42, maxLines: 2 });
    for (const piece of wrapped) for (const line of piece.split('\n')) expect(line.length).toBeLessThanOrEqual(42);
    expect(wrapped.some((p) => p.includes('\n'))).toBe(true);
    expect(wrapLines('short line', 42, 2)).toBe('short line');
  });

  it('one segment gets the whole text; fewer words than segments leaves the last ones empty', () => {
    expect(distributeTranslation('  Thank   you. ', [{ source: '谢谢', durationMs: 500 }])).toEqual(['Thank you.']);
    expect(
      distributeTranslation('Thanks.', [
        { source: '谢谢', durationMs: 500 },
        { source: '大家', durationMs: 500 },
      ]),
    ).toEqual(['Thanks.', '']);
  });

  it('never loses, repeats or reorders a word, and gives every segment a word when there are enough', () => {
    const word = fc.stringMatching(/^[A-Za-z]{1,12}[,.]?$/);
    const part = fc.record({
      source: fc.stringMatching(/^[\u4e00-\u4e20]{1,12}$/),
      durationMs: fc.option(fc.integer({ min: 1, max: 8000 }), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 60 }),
        fc.array(part, { minLength: 1, maxLength: 8 }),
        (ws, parts) => {
          const pieces = distributeTranslation(ws.join(' '), parts);
          expect(pieces).toHaveLength(parts.length);
          expect(words(pieces)).toEqual(ws);
          if (ws.length >= parts.length) for (const p of pieces) expect(p).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });
});
