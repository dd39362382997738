import { describe, expect, it } from 'vitest';
import {
  appendSegments,
  createProject,
  deleteSegments,
  getSegment,
  insertSegment,
  setText,
  setTiming,
  shiftTimes,
} from './project';
import { segmentAt } from './timeline';

const sample = () =>
  createProject({
    title: 'talk',
    segments: [
      { start: 0, end: 1000, source: '尊敬的各位领导', translation: 'Distinguished leaders' },
      { start: 1200, end: 2500, source: '各位来宾' },
      { source: '未定时的句子' },
    ],
  });

describe('createProject', () => {
  it('mints stable sequential ids and fills defaults', () => {
    const p = sample();
    expect(p.segments.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(p.nextId).toBe(4);
    expect(p.segments[2]).toEqual({
      id: 's3',
      start: null,
      end: null,
      source: '未定时的句子',
      translation: '',
      flags: [],
    });
    expect(p.languages).toEqual({ source: 'zh-CN', translation: 'en' });
  });

  it('never reuses an id after a delete', () => {
    const p = appendSegments(deleteSegments(sample(), ['s3']), [{ source: 'new' }]);
    expect(p.segments.map((s) => s.id)).toEqual(['s1', 's2', 's4']);
  });
});

describe('setText', () => {
  it('changes one side of one segment and shares the rest', () => {
    const before = sample();
    const after = setText(before, 's2', 'translation', 'Dear guests');
    expect(getSegment(after, 's2')?.translation).toBe('Dear guests');
    expect(getSegment(after, 's2')?.source).toBe('各位来宾');
    expect(after.segments[0]).toBe(before.segments[0]);
    expect(getSegment(before, 's2')?.translation).toBe('');
  });

  it('returns the same project when nothing changes or the id is unknown', () => {
    const p = sample();
    expect(setText(p, 's1', 'source', '尊敬的各位领导')).toBe(p);
    expect(setText(p, 'nope', 'source', 'x')).toBe(p);
  });
});

describe('setTiming', () => {
  it('times an untimed segment and clears needs-timing', () => {
    const p = createProject({ segments: [{ source: 'a', flags: ['needs-timing', 'reimported'] }] });
    const q = setTiming(p, 's1', 100, 900);
    expect(getSegment(q, 's1')).toMatchObject({ start: 100, end: 900, flags: ['reimported'] });
  });

  it('rejects half-timed, negative, reversed and fractional times', () => {
    const p = sample();
    expect(() => setTiming(p, 's1', 100, null)).toThrow(RangeError);
    expect(() => setTiming(p, 's1', -1, 10)).toThrow(RangeError);
    expect(() => setTiming(p, 's1', 500, 400)).toThrow(RangeError);
    expect(() => setTiming(p, 's1', 1.5, 400)).toThrow(RangeError);
  });
});

describe('insertSegment / deleteSegments', () => {
  it('inserts after a given id or at the start', () => {
    const { project, id } = insertSegment(sample(), 's1', { source: '插入' });
    expect(id).toBe('s4');
    expect(project.segments.map((s) => s.id)).toEqual(['s1', 's4', 's2', 's3']);
    const first = insertSegment(project, null);
    expect(first.project.segments[0]?.id).toBe('s5');
  });

  it('refuses to insert after an unknown id', () => {
    expect(() => insertSegment(sample(), 'missing')).toThrow(RangeError);
  });

  it('deletes by id and keeps order', () => {
    const p = deleteSegments(sample(), ['s1', 's3']);
    expect(p.segments.map((s) => s.id)).toEqual(['s2']);
  });
});

describe('shiftTimes', () => {
  it('shifts timed segments, leaves untimed ones, and clamps at zero', () => {
    const p = shiftTimes(sample(), -500);
    expect(p.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 1000],
      [700, 2000],
      [null, null],
    ]);
  });

  it('shifts only the given ids', () => {
    const p = shiftTimes(sample(), 250, ['s2']);
    expect(p.segments.map((s) => s.start)).toEqual([0, 1450, null]);
  });
});

describe('segmentAt', () => {
  it('finds the segment playing at a time, none in gaps', () => {
    const p = sample();
    expect(segmentAt(p, 0)?.id).toBe('s1');
    expect(segmentAt(p, 999)?.id).toBe('s1');
    expect(segmentAt(p, 1000)).toBeUndefined();
    expect(segmentAt(p, 1200)?.id).toBe('s2');
    expect(segmentAt(p, 99_999)).toBeUndefined();
  });

  it('prefers the later-starting of overlapping segments', () => {
    const p = createProject({
      segments: [
        { start: 0, end: 5000 },
        { start: 2000, end: 3000 },
      ],
    });
    expect(segmentAt(p, 2500)?.id).toBe('s2');
    expect(segmentAt(p, 3500)?.id).toBe('s1');
  });
});
