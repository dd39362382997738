import { insertSegment, setTiming } from '../../../shared/model/project';
import type { Project, Segment, SegmentId } from '../../../shared/model/types';

/**
 * Keeping one waveform region per timed segment in step with the document, by id: a keystroke
 * changes one label, a drag one region, and nothing is rebuilt wholesale.
 */

/** What a region shows of its segment; times in integer ms like the model. */
export interface RegionSpec {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

/** The regions on screen: each with the segment object it was last made from. */
export type ShownRegions = Map<SegmentId, { segment: Segment; spec: RegionSpec }>;

export interface RegionChange {
  readonly id: SegmentId;
  readonly spec: RegionSpec;
  readonly times: boolean;
  readonly label: boolean;
}

export interface RegionDiff {
  readonly add: readonly { id: SegmentId; spec: RegionSpec }[];
  readonly update: readonly RegionChange[];
  readonly remove: readonly SegmentId[];
}

/** Longest region label, in characters; the region clips it further when it is narrow. */
export const LABEL_MAX = 40;

/** The first line of the source text, cut to `max` characters with an ellipsis. */
export function regionLabel(source: string, max = LABEL_MAX): string {
  const line = source.trim().split('\n', 1)[0]?.trim() ?? '';
  const chars = Array.from(line);
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}

export function regionSpec(segment: Segment): RegionSpec | null {
  if (segment.start === null || segment.end === null) return null;
  return { start: segment.start, end: segment.end, label: regionLabel(segment.source) };
}

/**
 * What to add, update and remove so the regions show `segments`. Segments whose object is the one
 * last shown are skipped without a look: after a text edit only that segment is compared.
 */
export function diffRegions(shown: ShownRegions, segments: readonly Segment[]): RegionDiff {
  const add: { id: SegmentId; spec: RegionSpec }[] = [];
  const update: RegionChange[] = [];
  const seen = new Set<SegmentId>();
  for (const segment of segments) {
    const before = shown.get(segment.id);
    if (before?.segment === segment) {
      seen.add(segment.id);
      continue;
    }
    const spec = regionSpec(segment);
    if (!spec) continue;
    seen.add(segment.id);
    if (!before) {
      add.push({ id: segment.id, spec });
      continue;
    }
    const times = before.spec.start !== spec.start || before.spec.end !== spec.end;
    const label = before.spec.label !== spec.label;
    if (times || label) update.push({ id: segment.id, spec, times, label });
  }
  const remove = [...shown.keys()].filter((id) => !seen.has(id));
  return { add, update, remove };
}

/** Record that the regions now show `segments` (after applying diffRegions' answer). */
export function markShown(shown: ShownRegions, segments: readonly Segment[], diff: RegionDiff): void {
  for (const id of diff.remove) shown.delete(id);
  for (const segment of segments) {
    if (shown.get(segment.id)?.segment === segment) continue;
    const spec = regionSpec(segment);
    if (spec) shown.set(segment.id, { segment, spec });
  }
}

/** A region's times in seconds as the model's integer milliseconds. */
export function timesFromRegion(startSec: number, endSec: number): { start: number; end: number } {
  const start = Math.max(0, Math.round(startSec * 1000));
  return { start, end: Math.max(start, Math.round(endSec * 1000)) };
}

/**
 * Where a new segment starting at `startMs` goes so the list stays in time order: after the last
 * timed segment that starts no later than it (null = at the top).
 */
export function insertionPoint(project: Project, startMs: number): SegmentId | null {
  let after: SegmentId | null = null;
  for (const segment of project.segments) {
    if (segment.start !== null && segment.start <= startMs) after = segment.id;
  }
  return after;
}

/** A new segment with these times, inserted in time order; one pure step for one edit. */
export function insertTimedSegment(project: Project, start: number, end: number): { project: Project; id: SegmentId } {
  const inserted = insertSegment(project, insertionPoint(project, start));
  return { project: setTiming(inserted.project, inserted.id, start, end), id: inserted.id };
}

/**
 * Most regions handed to wavesurfer at a time. Each region checks its own visibility (a layout) on
 * every scroll and zoom, so thousands of them (a three-hour talk at the whole-file zoom, where they
 * would be slivers anyway) freeze the window: beyond this the waveform shows the segments as a strip
 * and asks to zoom in.
 */
export const MAX_WINDOW_REGIONS = 150;

/** The time, in ms, whose segments get regions: the view and one view-width on either side. */
export interface RegionWindow {
  readonly start: number;
  readonly end: number;
}

export function regionWindow(viewStart: number, viewEnd: number, durationMs: number): RegionWindow {
  const width = Math.max(0, viewEnd - viewStart);
  return { start: Math.max(0, viewStart - width), end: Math.min(durationMs, viewEnd + width) };
}

/** Whether `window` still has at least half a view-width to spare on both sides of the view. */
export function windowCovers(window: RegionWindow, viewStart: number, viewEnd: number, durationMs: number): boolean {
  const half = Math.max(0, viewEnd - viewStart) / 2;
  const startOk = window.start <= 0 || window.start <= viewStart - half;
  const endOk = window.end >= durationMs || window.end >= viewEnd + half;
  return startOk && endOk;
}

/** The shown segments overlapping `window`, or null when there are more than `max` of them. */
export function idsInWindow(shown: ShownRegions, window: RegionWindow, max = MAX_WINDOW_REGIONS): SegmentId[] | null {
  const ids: SegmentId[] = [];
  for (const [id, { spec }] of shown) {
    if (spec.end >= window.start && spec.start <= window.end) {
      if (ids.length === max) return null;
      ids.push(id);
    }
  }
  return ids;
}
