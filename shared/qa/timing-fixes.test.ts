import { describe, expect, it } from 'vitest';
import { applyChanges } from './changes';
import { project } from './testing/qa';
import { addLeadInOut, closeGaps, extendShort, trimOverlaps } from './timing-fixes';

const seg = (start: number, end: number, extra: { flags?: ('locked' | 'auto-timed')[] } = {}) => ({
  start,
  end,
  source: '好',
  ...extra,
});
const moves = (changes: { segment: string; after: { start: number; end: number } }[]) =>
  changes.map((c) => [c.segment, c.after.start, c.after.end]);

describe('closeGaps', () => {
  it('closes gaps under the threshold to the gap to keep, and leaves larger ones', () => {
    const p = project([seg(0, 1000), seg(1300, 2000), seg(3000, 4000)]);
    const changes = closeGaps(p, { gapMs: 80, maxGapMs: 500 });
    expect(changes).toEqual([
      {
        kind: 'timing',
        segment: 's1',
        before: { start: 0, end: 1000 },
        after: { start: 0, end: 1220 },
        rule: 'close-gaps',
      },
    ]);
  });

  it('widens a gap smaller than the one to keep, touching segments included', () => {
    const p = project([seg(0, 1000), seg(1000, 2000)]);
    expect(moves(closeGaps(p, { gapMs: 80, maxGapMs: 80 }))).toEqual([['s1', 0, 920]]);
  });

  it('never moves a locked segment, and moves only the ids given', () => {
    const p = project([seg(0, 1000, { flags: ['locked'] }), seg(1100, 2000), seg(2100, 3000)]);
    expect(moves(closeGaps(p, { gapMs: 0, maxGapMs: 500 }))).toEqual([['s2', 1100, 2100]]);
    expect(closeGaps(p, { gapMs: 0, maxGapMs: 500, ids: ['s1'] })).toEqual([]);
  });
});

describe('addLeadInOut', () => {
  it('adds lead-in and lead-out within the free time, keeping the gap', () => {
    const p = project([seg(1000, 2000), seg(5000, 6000)]);
    expect(moves(addLeadInOut(p, { gapMs: 80, leadInMs: 200, leadOutMs: 300 }))).toEqual([
      ['s1', 800, 2300],
      ['s2', 4800, 6300],
    ]);
  });

  it('shares short free time between a lead-out and the next lead-in, never overlapping', () => {
    const p = project([seg(0, 1000), seg(1180, 2000)]);
    const changes = addLeadInOut(p, { gapMs: 80, leadInMs: 100, leadOutMs: 100 });
    const after = applyChanges(p, changes).segments;
    expect((after[1]?.start ?? 0) - (after[0]?.end ?? 0)).toBeGreaterThanOrEqual(80);
    expect(moves(changes)).toEqual([
      ['s1', 0, 1050],
      ['s2', 1130, 2100],
    ]);
  });

  it('stops at the start of the media and at the end given', () => {
    const p = project([seg(100, 1000)]);
    expect(moves(addLeadInOut(p, { gapMs: 0, leadInMs: 500, leadOutMs: 500, mediaDurationMs: 1200 }))).toEqual([
      ['s1', 0, 1200],
    ]);
  });
});

describe('trimOverlaps', () => {
  it('ends the earlier segment the gap before the later one starts', () => {
    const p = project([seg(0, 1500), seg(1000, 2000)]);
    expect(moves(trimOverlaps(p, { gapMs: 80 }))).toEqual([['s1', 0, 920]]);
  });

  it('starts the later one after the earlier when trimming would empty the earlier', () => {
    const p = project([seg(1000, 1500), seg(1000, 3000)]);
    expect(moves(trimOverlaps(p, { gapMs: 80 }))).toEqual([['s2', 1580, 3000]]);
  });
});

describe('extendShort', () => {
  it('extends the end into free time, then the start, keeping gaps', () => {
    const p = project([seg(0, 1000), seg(1500, 1900), seg(2500, 4000)]);
    // After s2 up to 2420; 833 ms needs a start at 1587 at the latest: 1500 stays.
    expect(moves(extendShort(p, { gapMs: 80, minDurationMs: 833 }))).toEqual([['s2', 1500, 2333]]);
    const tight = project([seg(0, 1000), seg(1500, 1900), seg(2100, 4000)]);
    expect(moves(extendShort(tight, { gapMs: 80, minDurationMs: 833 }))).toEqual([['s2', 1187, 2020]]);
  });

  it('proposes nothing when the free time is too short, and takes a person’s retiming flag off', () => {
    const p = project([seg(0, 1000), seg(1100, 1300, { flags: ['auto-timed'] }), seg(1500, 2000)]);
    expect(extendShort(p, { gapMs: 80, minDurationMs: 833, ids: ['s2'] })).toEqual([]);
    const roomy = project([seg(1100, 1300, { flags: ['auto-timed'] })]);
    const fixed = applyChanges(roomy, extendShort(roomy, { gapMs: 80, minDurationMs: 833 }));
    expect(fixed.segments[0]).toMatchObject({ start: 1100, end: 1933, flags: [] });
  });
});

describe('applyChanges', () => {
  it('skips a change whose segment was edited since the preview', () => {
    const p = project([seg(0, 1500), seg(1000, 2000)]);
    const changes = trimOverlaps(p, { gapMs: 0 });
    const edited = applyChanges(p, [
      { kind: 'timing', segment: 's1', before: { start: 0, end: 1500 }, after: { start: 0, end: 1400 }, rule: 'x' },
    ]);
    expect(applyChanges(edited, changes).segments[0]?.end).toBe(1400);
  });
});
