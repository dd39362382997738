import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffTexts, MemoryIndex, normalizeSource } from './memory-index';
import { similarity } from './similarity';

describe('MemoryIndex', () => {
  it('finds exact matches regardless of width, case, spaces and edge punctuation; the last pair added wins', () => {
    const m = new MemoryIndex();
    m.add({ source: '各位来宾，', target: 'guests' }, 1);
    m.add({ source: 'Scaling Law', target: 'scaling law' }, 1);
    expect(m.exact('各位来宾')?.target).toBe('guests');
    expect(m.exact('  scaling  law。')?.target).toBe('scaling law');
    expect(m.exact('ＳＣＡＬＩＮＧ law')?.target).toBe('scaling law');
    expect(m.add({ source: '各位来宾', target: 'honoured guests' }, 2)).toBe(true);
    expect(m.exact('各位来宾')).toEqual({ source: '各位来宾', target: 'honoured guests', updated: 2 });
    expect(m.size).toBe(2);
    expect(m.add({ source: '  ', target: 'x' })).toBe(false);
    expect(normalizeSource('「你好」 ')).toBe('你好');
  });

  it('suggests fuzzy matches at 75 % or more, most similar first, with the differences', () => {
    const m = new MemoryIndex();
    m.add({ source: '欢迎大家来参加今天的智源大会', target: "Welcome to today's BAAI Conference" });
    m.add({ source: '欢迎大家来参加明天的智源大会', target: "Welcome to tomorrow's BAAI Conference" });
    m.add({ source: '今天天气很好', target: 'Nice weather today' });
    const matches = m.fuzzy('欢迎大家来参加今天的志愿大会');
    expect(matches.map((x) => [x.target, Number(x.similarity.toFixed(3))])).toEqual([
      ["Welcome to today's BAAI Conference", Number((12 / 14).toFixed(3))],
      ["Welcome to tomorrow's BAAI Conference", Number((11 / 14).toFixed(3))],
    ]);
    expect(matches[0]?.diff).toEqual([
      { op: 'equal', text: '欢迎大家来参加今天的' },
      { op: 'delete', text: '智源' },
      { op: 'insert', text: '志愿' },
      { op: 'equal', text: '大会' },
    ]);
    expect(m.fuzzy('欢迎你们来这里参加会议')).toEqual([]);
    expect(m.fuzzy('今天天气很好')[0]?.similarity).toBe(1);
  });

  it('forgets a removed pair', () => {
    const m = new MemoryIndex();
    m.add({ source: '各位专家', target: 'experts' });
    expect(m.remove('各位专家。')).toBe(true);
    expect(m.exact('各位专家')).toBeUndefined();
    expect(m.fuzzy('各位专家')).toEqual([]);
    expect(m.size).toBe(0);
  });

  it('finds every entry a brute-force scan finds at the threshold (the bigram filter loses none)', () => {
    const text = fc.stringMatching(/^[一二三四五六七八九十]{1,14}$/);
    fc.assert(
      fc.property(fc.uniqueArray(text, { minLength: 1, maxLength: 60 }), text, (sources, query) => {
        const m = new MemoryIndex();
        for (const s of sources) m.add({ source: s, target: `t-${s}` });
        const expected = sources.filter((s) => similarity(s, query) >= 0.75).sort();
        const found = m
          .fuzzy(query, { limit: 1000 })
          .map((x) => x.source)
          .sort();
        expect(found).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('diffTexts', () => {
  it('rebuilds both texts from its parts', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[ab中文x]{0,12}$/), fc.stringMatching(/^[ab中文y]{0,12}$/), (from, to) => {
        const parts = diffTexts(from, to);
        expect(
          parts
            .filter((p) => p.op !== 'insert')
            .map((p) => p.text)
            .join(''),
        ).toBe(from);
        expect(
          parts
            .filter((p) => p.op !== 'delete')
            .map((p) => p.text)
            .join(''),
        ).toBe(to);
        for (let k = 1; k < parts.length; k++) expect(parts[k]?.op).not.toBe(parts[k - 1]?.op);
      }),
      { numRuns: 300 },
    );
    expect(diffTexts('', '')).toEqual([]);
  });
});
