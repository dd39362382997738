import { describe, expect, it } from 'vitest';
import { planFixes } from '../engine';
import { BILIBILI_PROFILE, NETFLIX_PROFILE } from '../profile';
import { problems, project } from '../testing/qa';

const seg = (start: number | null, end: number | null, source = '好', translation = '') => ({
  start,
  end,
  source,
  translation,
});

describe('durations (Netflix: 833 ms to 7 s)', () => {
  it('passes 833 ms and flags 832 ms as too short', () => {
    expect(problems(project([seg(0, 833)]), 'duration-too-short')).toEqual([]);
    expect(problems(project([seg(0, 832)]), 'duration-too-short')[0]).toMatchObject({
      severity: 'error',
      params: { durationMs: 832, minMs: 833 },
    });
  });

  it('passes 7000 ms and flags 7001 ms as too long', () => {
    expect(problems(project([seg(0, 7000)]), 'duration-too-long')).toEqual([]);
    expect(problems(project([seg(0, 7001)]), 'duration-too-long')[0]?.params).toEqual({
      durationMs: 7001,
      maxMs: 7000,
    });
  });

  it('reports a zero duration as its own error, not as too short', () => {
    const p = project([seg(1000, 1000)]);
    expect(problems(p, 'duration-zero-or-negative')[0]?.params).toEqual({ durationMs: 0 });
    expect(problems(p, 'duration-too-short')).toEqual([]);
  });

  it('reports untimed segments and leaves them out of the timeline rules', () => {
    const p = project([seg(null, null), seg(0, 1000)]);
    expect(problems(p, 'untimed').map((x) => x.segments)).toEqual([['s1']]);
    expect(problems(p, 'overlap')).toEqual([]);
  });

  it('fixes a short segment into the free time after it, then before it', () => {
    const p = project([seg(0, 1000), seg(1100, 1500), seg(1700, 3000)]);
    // 540 ms of free time around s2 (80 ms gaps kept): it cannot reach 833 ms, so nothing is proposed.
    expect(planFixes(p, problems(p, 'duration-too-short'), { profile: NETFLIX_PROFILE }).changes).toEqual([]);
    const roomy = project([seg(0, 1000), seg(1100, 1500), seg(3000, 4000)]);
    const fix = planFixes(roomy, problems(roomy, 'duration-too-short'), { profile: NETFLIX_PROFILE });
    expect(fix.changes).toEqual([
      {
        kind: 'timing',
        segment: 's2',
        before: { start: 1100, end: 1500 },
        after: { start: 1100, end: 1933 },
        rule: 'duration-too-short',
      },
    ]);
  });

  it('fixes a long segment by ending it at the longest duration', () => {
    const p = project([seg(0, 9000)]);
    const { project: fixed } = planFixes(p, problems(p, 'duration-too-long'), { profile: NETFLIX_PROFILE });
    expect(fixed.segments[0]?.end).toBe(7000);
  });
});

describe('overlap and duplicate', () => {
  it('does not count touching segments as overlapping', () => {
    expect(problems(project([seg(0, 1000), seg(1000, 2000)]), 'overlap')).toEqual([]);
  });

  it('flags a 1 ms overlap as a pair in project order, whatever the time order', () => {
    const [p] = problems(project([seg(999, 2000, '后'), seg(0, 1000, '前')]), 'overlap');
    expect(p).toMatchObject({ segments: ['s1', 's2'], params: { overlapMs: 1 }, severity: 'error' });
  });

  it('finds a long segment overlapping several later ones', () => {
    const found = problems(project([seg(0, 5000, '长'), seg(1000, 2000, '一'), seg(3000, 4000, '二')]), 'overlap');
    expect(found.map((x) => x.segments)).toEqual([
      ['s1', 's2'],
      ['s1', 's3'],
    ]);
  });

  it('calls same times and text a duplicate, not an overlap; same times with other text overlap', () => {
    const dup = project([seg(0, 1000, '好', 'Good'), seg(0, 1000, '好', 'Good')]);
    expect(problems(dup, 'duplicate').map((x) => x.segments)).toEqual([['s1', 's2']]);
    expect(problems(dup, 'overlap')).toEqual([]);
    const other = project([seg(0, 1000, '好'), seg(0, 1000, '坏')]);
    expect(problems(other, 'duplicate')).toEqual([]);
    expect(problems(other, 'overlap')).toHaveLength(1);
  });

  it('fixes a duplicate by removing the later copy, and an overlap by trimming the earlier end', () => {
    const dup = project([seg(0, 1000, '好'), seg(0, 1000, '好')]);
    const fixedDup = planFixes(dup, problems(dup, 'duplicate'), { profile: NETFLIX_PROFILE });
    expect(fixedDup.project.segments.map((s) => s.id)).toEqual(['s1']);
    expect(fixedDup.changes).toEqual([{ kind: 'remove', segment: 's2', rule: 'duplicate' }]);
    const over = project([seg(0, 1500), seg(1000, 2000)]);
    const fixed = planFixes(over, problems(over, 'overlap'), { profile: NETFLIX_PROFILE });
    expect(fixed.project.segments[0]?.end).toBe(920);
    expect(problems(fixed.project, 'overlap')).toEqual([]);
  });
});

describe('gap-too-small (2 frames at the project frame rate)', () => {
  it('at 25 fps passes 80 ms and flags 79 ms and touching segments', () => {
    expect(problems(project([seg(0, 1000), seg(1080, 2000)]), 'gap-too-small')).toEqual([]);
    expect(problems(project([seg(0, 1000), seg(1079, 2000)]), 'gap-too-small')[0]?.params).toEqual({
      gapMs: 79,
      minGapMs: 80,
      minGapFrames: 2,
    });
    expect(problems(project([seg(0, 1000), seg(1000, 2000)]), 'gap-too-small')).toHaveLength(1);
  });

  it('uses the project frame rate: 2 frames at 24 fps are 84 ms', () => {
    const at = (gap: number) => project([seg(0, 1000), seg(1000 + gap, 2000)], { frameRate: 24 });
    expect(problems(at(84), 'gap-too-small')).toEqual([]);
    expect(problems(at(83), 'gap-too-small')).toHaveLength(1);
  });

  it('is off in a profile without a frame gap', () => {
    expect(problems(project([seg(0, 1000), seg(1001, 2000)]), 'gap-too-small', { profile: BILIBILI_PROFILE })).toEqual(
      [],
    );
  });

  it('fixes a small gap by ending the earlier segment 2 frames before the next', () => {
    const p = project([seg(0, 1000), seg(1030, 2000)]);
    const { project: fixed } = planFixes(p, problems(p, 'gap-too-small'), { profile: NETFLIX_PROFILE });
    expect(fixed.segments[0]?.end).toBe(950);
  });
});

describe('translation-too-long', () => {
  it('flags a translation that cannot be read before the next segment at 20 CPS', () => {
    const text = 'This translation is far too long to be read in the little time it has';
    // 69 characters need 3450 ms; the next segment starts 2000 ms later (less the 80 ms gap).
    const p = project([seg(0, 1500, '好', text), seg(2000, 3000, '好', 'ok')]);
    expect(problems(p, 'translation-too-long')[0]?.params).toEqual({ needMs: 3450, availableMs: 1920 });
    const roomy = project([seg(0, 1500, '好', text), seg(6000, 7000, '好', 'ok')]);
    expect(problems(roomy, 'translation-too-long')).toEqual([]);
    expect(problems(roomy, 'cps')).toHaveLength(1);
  });
});
