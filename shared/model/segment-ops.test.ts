import { describe, expect, it } from 'vitest';
import { createProject } from './project';
import {
  insertNear,
  joinText,
  MIN_NEW_GAP_MS,
  mergeSegments,
  NEW_SEGMENT_MS,
  nudgeEdge,
  proportionalCut,
  setEdge,
  shiftTimes,
  snapEdge,
  splitSegment,
  splitTextAt,
} from './segment-ops';
import type { Project } from './types';

const project = (): Project =>
  createProject({
    segments: [
      {
        start: 1000,
        end: 3000,
        source: '大家好，欢迎来到智源大会',
        translation: 'Hello everyone, welcome to the conference',
      },
      { start: 3000, end: 4000, source: '今天', translation: 'Today' },
      { start: 8000, end: 9000, source: 'second half', translation: '' },
      { source: '未定时', translation: 'untimed' },
    ],
  });
const seg = (p: Project, i: number) => {
  const s = p.segments[i];
  if (!s) throw new Error(`no segment ${i}`);
  return s;
};

describe('text joining and cutting', () => {
  it('joins CJK without a space and Latin with one, dropping empty parts', () => {
    expect(joinText('大家好，', '欢迎')).toBe('大家好，欢迎');
    expect(joinText('Hello', 'world')).toBe('Hello world');
    expect(joinText('Hello ', ' world')).toBe('Hello world');
    expect(joinText('AI', '时代')).toBe('AI时代');
    expect(joinText('', 'world')).toBe('world');
    expect(joinText('Hello', '')).toBe('Hello');
  });

  it('splits at an offset without adding a hyphen or space', () => {
    expect(splitTextAt('大家好欢迎', 3)).toEqual(['大家好', '欢迎']);
    expect(splitTextAt('Hello world', 5)).toEqual(['Hello', 'world']);
    expect(splitTextAt('Helloworld', 5)).toEqual(['Hello', 'world']);
  });

  it('cuts Latin text proportionally at a word boundary, CJK at any character', () => {
    const text = 'one two three four';
    const cut = proportionalCut(text, 0.5);
    expect(cut).not.toBeNull();
    expect(text[cut as number]).toBe(' ');
    expect(proportionalCut('single', 0.5)).toBeNull();
    expect(proportionalCut('', 0.5)).toBeNull();
    expect(proportionalCut('一二三四', 0.5)).toBe(2);
    // A comma nearby wins over the exact proportion.
    expect(proportionalCut('大家好，欢迎来到这里', 0.3)).toBe(4);
  });
});

describe('splitSegment', () => {
  it('splits CJK source at the cursor, times proportionally, translation at a word boundary', () => {
    const p = project();
    const { project: after, select } = splitSegment(p, 's1', { side: 'source', offset: 4, playheadMs: null });
    expect(after.segments).toHaveLength(5);
    const [a, b] = [seg(after, 0), seg(after, 1)];
    expect(a.id).toBe('s1');
    expect(select).toEqual(['s1', b.id]);
    expect(a.source).toBe('大家好，');
    expect(b.source).toBe('欢迎来到智源大会');
    // 4 of 12 characters: a third of 2000 ms.
    expect([a.start, a.end, b.start, b.end]).toEqual([1000, 1667, 1667, 3000]);
    expect(`${a.translation} ${b.translation}`).toBe('Hello everyone, welcome to the conference');
    expect(a.translation).not.toMatch(/\s$/);
    expect(b.translation).not.toMatch(/^\s/);
    expect(a.translation.length).toBeGreaterThan(0);
    expect(b.translation.length).toBeGreaterThan(0);
    // Ids are never reused.
    expect(after.nextId).toBe(p.nextId + 1);
  });

  it('splits at the playhead when it is inside the segment', () => {
    const { project: after } = splitSegment(project(), 's1', { side: 'source', offset: 4, playheadMs: 2500 });
    expect([seg(after, 0).end, seg(after, 1).start]).toEqual([2500, 2500]);
    const outside = splitSegment(project(), 's1', { side: 'source', offset: 4, playheadMs: 3000 }).project;
    expect(seg(outside, 0).end).toBe(1667);
  });

  it('splits from the translation side and keeps a one-word other side on the first part', () => {
    const { project: after } = splitSegment(project(), 's3', { side: 'source', offset: 6, playheadMs: null });
    expect([seg(after, 2).source, seg(after, 3).source]).toEqual(['second', 'half']);
    const t = splitSegment(project(), 's2', { side: 'translation', offset: 2, playheadMs: null }).project;
    expect([seg(t, 1).translation, seg(t, 2).translation]).toEqual(['To', 'day']);
    expect([seg(t, 1).source, seg(t, 2).source]).toEqual(['今', '天']);
  });

  it('keeps untimed segments untimed and refuses a cut with nothing on one side', () => {
    const { project: after } = splitSegment(project(), 's4', { side: 'source', offset: 2, playheadMs: 500 });
    expect([seg(after, 3).start, seg(after, 4).end]).toEqual([null, null]);
    expect([seg(after, 3).source, seg(after, 4).source]).toEqual(['未定', '时']);
    const p = project();
    expect(splitSegment(p, 's2', { side: 'source', offset: 0, playheadMs: null }).project).toBe(p);
    expect(splitSegment(p, 's2', { side: 'source', offset: 2, playheadMs: null }).project).toBe(p);
    expect(splitSegment(p, 'nope', { side: 'source', offset: 1, playheadMs: null }).project).toBe(p);
  });
});

describe('mergeSegments', () => {
  it('merges with the next segment: CJK joined tight, Latin with a space, times spanning both', () => {
    const { project: after, select } = mergeSegments(project(), ['s1']);
    expect(after.segments).toHaveLength(3);
    expect(select).toEqual(['s1']);
    const m = seg(after, 0);
    expect(m.source).toBe('大家好，欢迎来到智源大会今天');
    expect(m.translation).toBe('Hello everyone, welcome to the conference Today');
    expect([m.start, m.end]).toEqual([1000, 4000]);
  });

  it('merges a selected range into its first segment and keeps the timed part of an untimed pair', () => {
    const all = mergeSegments(project(), ['s4', 's2', 's3']).project;
    expect(all.segments.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(seg(all, 1).source).toBe('今天second half未定时');
    expect(seg(all, 1).translation).toBe('Today untimed');
    expect([seg(all, 1).start, seg(all, 1).end]).toEqual([3000, 9000]);
    const p = project();
    expect(mergeSegments(p, ['s4']).project).toBe(p);
  });
});

describe('insertNear', () => {
  it('inserts after a segment, timed into the gap when there is room', () => {
    const { project: after, select } = insertNear(project(), 's2', 'after');
    const s = seg(after, 2);
    expect(select).toEqual([s.id]);
    expect([s.start, s.end, s.source]).toEqual([4000, 4000 + NEW_SEGMENT_MS, '']);
  });

  it('inserts untimed where the gap is too small, and before a segment', () => {
    const tight = insertNear(project(), 's1', 'after').project;
    expect([seg(tight, 1).start, seg(tight, 1).end]).toEqual([null, null]);
    expect(MIN_NEW_GAP_MS).toBeGreaterThan(0);
    const before = insertNear(project(), 's1', 'before').project;
    expect(seg(before, 0).id).not.toBe('s1');
    expect([seg(before, 0).start, seg(before, 0).end]).toEqual([0, 1000]);
    const between = insertNear(project(), 's3', 'before').project;
    expect([seg(between, 2).start, seg(between, 2).end]).toEqual([6000, 8000]);
  });

  it('inserts into an empty project', () => {
    const { project: after } = insertNear(createProject(), null, 'after');
    expect(after.segments).toHaveLength(1);
    expect(seg(after, 0).start).toBe(0);
  });
});

describe('timing operations', () => {
  it('sets an edge at the playhead, pushing the other edge when they would cross', () => {
    expect([seg(setEdge(project(), 's1', 'start', 1500), 0).start]).toEqual([1500]);
    const crossed = seg(setEdge(project(), 's1', 'start', 3500), 0);
    expect([crossed.start, crossed.end]).toEqual([3500, 3500]);
    const end = seg(setEdge(project(), 's2', 'end', 2000), 1);
    expect([end.start, end.end]).toEqual([2000, 2000]);
    const untimed = seg(setEdge(project(), 's4', 'end', 1000), 3);
    expect([untimed.start, untimed.end]).toEqual([0, 1000]);
  });

  it('nudges an edge, clamped at zero and at the other edge', () => {
    expect(seg(nudgeEdge(project(), 's1', 'start', -100), 0).start).toBe(900);
    expect(seg(nudgeEdge(project(), 's1', 'start', -5000), 0).start).toBe(0);
    expect(seg(nudgeEdge(project(), 's1', 'end', -5000), 0).end).toBe(1000);
    expect(seg(nudgeEdge(project(), 's1', 'end', 10), 0).end).toBe(3010);
    const p = project();
    expect(nudgeEdge(p, 's4', 'end', 10)).toBe(p);
  });

  it('snaps an edge to the nearest edge of another segment', () => {
    expect(seg(snapEdge(project(), 's3', 'start'), 2).start).toBe(4000);
    // s2's own edges do not count; an end snaps only to times after its start (3000 would make it empty).
    expect(seg(snapEdge(project(), 's2', 'end'), 1).end).toBe(8000);
    // A start snaps only to times before its end: nothing for s1, which is left as it was.
    const p0 = project();
    expect(snapEdge(p0, 's1', 'start')).toBe(p0);
    const p = project();
    expect(snapEdge(p, 's4', 'start')).toBe(p);
  });

  it('shifts selected or all segments, clamping at zero and skipping untimed ones', () => {
    const all = shiftTimes(project(), -1500);
    expect(all.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 2000],
      [1500, 2500],
      [6500, 7500],
      [null, null],
    ]);
    const p = project();
    const some = shiftTimes(p, 250, ['s2']);
    expect([seg(some, 1).start, seg(some, 1).end]).toEqual([3250, 4250]);
    expect(some.segments[0]).toBe(p.segments[0]);
  });
});
