import { describe, expect, it } from 'vitest';
import { planFixes } from '../engine';
import { NETFLIX_PROFILE } from '../profile';
import { english, han, problems, project } from '../testing/qa';

describe('line-length (Netflix: zh 16, en 42, half-width 0.5 in Chinese)', () => {
  it('passes Chinese at 16 characters and flags 17', () => {
    expect(problems(project([{ start: 0, end: 3000, source: han(16) }]), 'line-length')).toEqual([]);
    const [p] = problems(project([{ start: 0, end: 3000, source: han(17) }]), 'line-length');
    expect(p).toMatchObject({ severity: 'error', side: 'source', params: { length: 17, max: 16, line: 1 } });
  });

  it('counts half-width characters in Chinese as 0.5: 15 + "AI" = 16 passes, 15 + "AI!" = 16.5 does not', () => {
    expect(problems(project([{ start: 0, end: 3000, source: `${han(15)}AI` }]), 'line-length')).toEqual([]);
    const [p] = problems(project([{ start: 0, end: 3000, source: `${han(15)}AI!` }]), 'line-length');
    expect(p?.params).toMatchObject({ length: 16.5 });
  });

  it('passes English at 42 characters and flags 43, spaces and punctuation counted', () => {
    expect(problems(project([{ start: 0, end: 5000, source: '好', translation: english(42) }]), 'line-length')).toEqual(
      [],
    );
    const [p] = problems(project([{ start: 0, end: 5000, source: '好', translation: english(43) }]), 'line-length');
    expect(p).toMatchObject({ side: 'translation', params: { length: 43, max: 42 } });
  });

  it('checks each line and names the longest', () => {
    const [p] = problems(project([{ start: 0, end: 5000, source: `${han(10)}\n${han(18)}` }]), 'line-length');
    expect(p?.params).toMatchObject({ line: 2, length: 18 });
  });

  it('fixes a long line by breaking it where it fits in two lines', () => {
    const p = project([{ start: 0, end: 5000, source: '智源研究院今天发布了悟道3.0大模型，参数规模达到1.8万亿' }]);
    const found = problems(p, 'line-length');
    expect(found[0]?.fixable).toBe(true);
    const { project: fixed, changes } = planFixes(p, found, { profile: NETFLIX_PROFILE });
    expect(changes).toHaveLength(1);
    const lines = fixed.segments[0]?.source.split('\n') ?? [];
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe('智源研究院今天发布了悟道3.0大模型，参数规模达到1.8万亿');
    expect(problems(fixed, 'line-length')).toEqual([]);
  });

  it('calls a line that cannot fit in two lines not fixable', () => {
    const [p] = problems(project([{ start: 0, end: 7000, source: han(40) }]), 'line-length');
    expect(p?.fixable).toBe(false);
  });
});

describe('line-count', () => {
  it('passes two lines and flags three, on either side', () => {
    expect(problems(project([{ start: 0, end: 4000, source: '一二\n三四' }]), 'line-count')).toEqual([]);
    const [p] = problems(project([{ start: 0, end: 4000, source: '一二\n三四\n五六' }]), 'line-count');
    expect(p).toMatchObject({ side: 'source', params: { lines: 3, max: 2 }, fixable: true });
    const [e] = problems(
      project([{ start: 0, end: 4000, source: '好', translation: 'one\ntwo\nthree' }]),
      'line-count',
    );
    expect(e?.side).toBe('translation');
  });

  it('fixes three short lines into fewer', () => {
    const p = project([{ start: 0, end: 4000, source: '好', translation: 'one\ntwo\nthree' }]);
    const { project: fixed } = planFixes(p, problems(p, 'line-count'), { profile: NETFLIX_PROFILE });
    expect(fixed.segments[0]?.translation).toBe('one two three');
  });
});

describe('cps (Netflix: zh 9, en 20)', () => {
  it('passes Chinese at 9 per second and flags 10', () => {
    expect(problems(project([{ start: 0, end: 1000, source: han(9) }]), 'cps')).toEqual([]);
    const [p] = problems(project([{ start: 0, end: 1000, source: han(10) }]), 'cps');
    expect(p).toMatchObject({ side: 'source', params: { cps: 10, max: 9 } });
  });

  it('counts half-width characters in Chinese as 0.5: 8 + "AI" passes, 8 + "GPT" does not', () => {
    expect(problems(project([{ start: 0, end: 1000, source: `${han(8)}AI` }]), 'cps')).toEqual([]);
    expect(problems(project([{ start: 0, end: 1000, source: `${han(8)}GPT` }]), 'cps')[0]?.params).toMatchObject({
      cps: 9.5,
    });
  });

  it('passes English at 20 per second and flags 21', () => {
    const at = (n: number) => project([{ start: 0, end: 2000, source: '好', translation: english(n) }]);
    expect(problems(at(40), 'cps')).toEqual([]);
    expect(problems(at(42), 'cps')[0]).toMatchObject({ side: 'translation', params: { cps: 21, max: 20 } });
  });

  it('does not count line breaks', () => {
    expect(problems(project([{ start: 0, end: 1000, source: `${han(4)}\n${han(5)}` }]), 'cps')).toEqual([]);
  });

  it('fixes by extending into free time, not past the next segment', () => {
    const p = project([
      { start: 0, end: 1000, source: han(18) },
      { start: 5000, end: 6000, source: '好' },
    ]);
    const { changes } = planFixes(p, problems(p, 'cps'), { profile: NETFLIX_PROFILE });
    expect(changes).toEqual([
      { kind: 'timing', segment: 's1', before: { start: 0, end: 1000 }, after: { start: 0, end: 2000 }, rule: 'cps' },
    ]);
  });
});
