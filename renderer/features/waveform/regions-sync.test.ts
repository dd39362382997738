import { describe, expect, it } from 'vitest';
import { createProject, setText, setTiming } from '../../../shared/model/project';
import {
  diffRegions,
  idsInWindow,
  insertionPoint,
  insertTimedSegment,
  markShown,
  regionLabel,
  regionWindow,
  type ShownRegions,
  timesFromRegion,
  windowCovers,
} from './regions-sync';

const project = createProject({
  segments: [
    { start: 0, end: 1000, source: '尊敬的各位领导' },
    { start: 1000, end: 2500, source: '各位来宾\n第二行' },
    { source: '未定时的一句' },
    { start: 3000, end: 4000, source: '欢迎来到智源大会' },
  ],
});

function shownFor(p = project): ShownRegions {
  const shown: ShownRegions = new Map();
  const diff = diffRegions(shown, p.segments);
  markShown(shown, p.segments, diff);
  return shown;
}

describe('region labels', () => {
  it('are the first line of the source, truncated by characters', () => {
    expect(regionLabel('各位来宾\n第二行')).toBe('各位来宾');
    expect(regionLabel('一二三四五六', 4)).toBe('一二三…');
    expect(regionLabel('  ')).toBe('');
  });
});

describe('diffRegions', () => {
  it('adds one region per timed segment at first', () => {
    const diff = diffRegions(new Map(), project.segments);
    expect(diff.add.map((a) => a.id)).toEqual(['s1', 's2', 's4']);
    expect(diff.add[1]?.spec).toEqual({ start: 1000, end: 2500, label: '各位来宾' });
    expect(diff.update).toEqual([]);
    expect(diff.remove).toEqual([]);
  });

  it('after a text edit, changes that one label only', () => {
    const shown = shownFor();
    const edited = setText(project, 's4', 'source', '欢迎');
    const diff = diffRegions(shown, edited.segments);
    expect(diff.add).toEqual([]);
    expect(diff.remove).toEqual([]);
    expect(diff.update).toEqual([
      { id: 's4', spec: { start: 3000, end: 4000, label: '欢迎' }, times: false, label: true },
    ]);
  });

  it('ignores edits that do not show (a translation)', () => {
    const shown = shownFor();
    const edited = setText(project, 's1', 'translation', 'Leaders');
    const diff = diffRegions(shown, edited.segments);
    expect(diff).toEqual({ add: [], update: [], remove: [] });
    markShown(shown, edited.segments, diff);
    expect(shown.get('s1')?.segment).toBe(edited.segments[0]);
  });

  it('moves a retimed region, adds a newly timed one and removes an untimed or deleted one', () => {
    const shown = shownFor();
    let p = setTiming(project, 's2', 1200, 2600);
    p = setTiming(p, 's3', 2600, 2900);
    p = setTiming(p, 's1', null, null);
    p = { ...p, segments: p.segments.filter((s) => s.id !== 's4') };
    const diff = diffRegions(shown, p.segments);
    expect(diff.update).toEqual([
      { id: 's2', spec: { start: 1200, end: 2600, label: '各位来宾' }, times: true, label: false },
    ]);
    expect(diff.add.map((a) => a.id)).toEqual(['s3']);
    expect([...diff.remove].sort()).toEqual(['s1', 's4']);
    markShown(shown, p.segments, diff);
    expect([...shown.keys()].sort()).toEqual(['s2', 's3']);
  });
});

describe('regions back to the model', () => {
  it('rounds region seconds to integer ms, never end before start', () => {
    expect(timesFromRegion(1.23456, 2.0004)).toEqual({ start: 1235, end: 2000 });
    expect(timesFromRegion(-0.001, 0.5)).toEqual({ start: 0, end: 500 });
    expect(timesFromRegion(2, 1.9999)).toEqual({ start: 2000, end: 2000 });
  });

  it('inserts a new segment in time order, timed, in one step', () => {
    expect(insertionPoint(project, 500)).toBe('s1');
    expect(insertionPoint(project, 2700)).toBe('s2');
    expect(insertionPoint(project, 5000)).toBe('s4');
    expect(insertionPoint(project, -1)).toBe(null);
    const { project: p, id } = insertTimedSegment(project, 2600, 2900);
    expect(id).toBe('s5');
    expect(p.segments.map((s) => s.id)).toEqual(['s1', 's2', 's5', 's3', 's4']);
    expect(p.segments[2]).toMatchObject({ start: 2600, end: 2900, source: '', translation: '' });
    const first = insertTimedSegment(project, 0, 0).project;
    expect(first.segments[1]?.id).toBe('s5');
  });
});

describe('the region window', () => {
  it('spans the view and a view-width either side, within the media', () => {
    expect(regionWindow(10_000, 20_000, 60_000)).toEqual({ start: 0, end: 30_000 });
    expect(regionWindow(40_000, 55_000, 60_000)).toEqual({ start: 25_000, end: 60_000 });
  });

  it('is kept while the view stays half a view-width inside it', () => {
    const w = regionWindow(20_000, 30_000, 100_000);
    expect(windowCovers(w, 20_000, 30_000, 100_000)).toBe(true);
    expect(windowCovers(w, 24_000, 34_000, 100_000)).toBe(true);
    expect(windowCovers(w, 26_000, 36_000, 100_000)).toBe(false);
    // At the ends of the media there is nothing more to cover.
    expect(windowCovers(regionWindow(0, 10_000, 10_000), 0, 10_000, 10_000)).toBe(true);
  });

  it('lists the segments in it, or none when there are too many for regions', () => {
    const shown = shownFor();
    expect(idsInWindow(shown, { start: 2600, end: 5000 })).toEqual(['s4']);
    expect(idsInWindow(shown, { start: 0, end: 5000 })).toEqual(['s1', 's2', 's4']);
    expect(idsInWindow(shown, { start: 0, end: 5000 }, 2)).toBe(null);
  });
});
