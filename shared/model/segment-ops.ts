import { indexOfSegment, insertSegment, type SegmentInit, setTiming, updateSegment } from './project';
import type { Flag, Project, Segment, SegmentId, Side } from './types';

/**
 * Segment operations of the editor: insert, split, merge, retime. All pure: they return a new
 * project (or the same one when nothing changes) plus the ids the UI should select afterwards.
 */

export interface OpResult {
  readonly project: Project;
  /** What to select afterwards (the new or surviving segments). */
  readonly select: readonly SegmentId[];
}

const unchanged = (project: Project, select: readonly SegmentId[] = []): OpResult => ({ project, select });

/** A new segment is given at most this much time, in the gap beside its neighbour. */
export const NEW_SEGMENT_MS = 2000;
/** A gap shorter than this is too small for a new timed segment: it starts untimed instead. */
export const MIN_NEW_GAP_MS = 200;

const timed = (s: Segment | undefined): s is Segment & { start: number; end: number } =>
  s !== undefined && s.start !== null && s.end !== null;

/**
 * Insert an empty segment before or after `id` (at the end or start when `id` is null or the
 * project is empty). It is timed in the gap next to its neighbour when there is room, else untimed.
 */
export function insertNear(project: Project, id: SegmentId | null, where: 'before' | 'after'): OpResult {
  const index = id === null ? -1 : indexOfSegment(project, id);
  if (id !== null && index < 0) return unchanged(project);
  const segs = project.segments;
  let afterId: SegmentId | null;
  let init: SegmentInit = {};
  if (index < 0) {
    // No anchor: at the end (after the last timed time) or at the start of an empty project.
    const last = segs.at(-1);
    afterId = last?.id ?? null;
    const from = segs.reduce((m, s) => (s.end !== null && s.end > m ? s.end : m), 0);
    init = { start: from, end: from + NEW_SEGMENT_MS };
  } else if (where === 'after') {
    const seg = segs[index] as Segment;
    const next = segs[index + 1];
    afterId = seg.id;
    if (timed(seg)) {
      const limit = timed(next) ? next.start : Number.POSITIVE_INFINITY;
      const end = Math.min(seg.end + NEW_SEGMENT_MS, limit);
      if (end - seg.end >= MIN_NEW_GAP_MS) init = { start: seg.end, end };
    }
  } else {
    const seg = segs[index] as Segment;
    const prev = segs[index - 1];
    afterId = prev?.id ?? null;
    if (timed(seg)) {
      const floor = timed(prev) ? prev.end : 0;
      const start = Math.max(seg.start - NEW_SEGMENT_MS, floor, 0);
      if (seg.start - start >= MIN_NEW_GAP_MS) init = { start, end: seg.start };
    }
  }
  const inserted = insertSegment(project, afterId, init);
  return { project: inserted.project, select: [inserted.id] };
}

/** CJK characters and full-width punctuation: no space is written next to them when joining. */
const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\uac00-\ud7af]/u;

/** Join two texts of one language: CJK without a space, Latin with one; empty parts vanish. */
export function joinText(a: string, b: string): string {
  const left = a.trimEnd();
  const right = b.trimStart();
  if (left === '') return right;
  if (right === '') return left;
  const tight = CJK_EDGE.test(left.at(-1) ?? '') || CJK_EDGE.test(right[0] ?? '');
  return tight ? `${left}${right}` : `${left} ${right}`;
}

/** Text split at `offset`; whitespace at the cut is dropped and nothing (no hyphen, no space) added. */
export function splitTextAt(text: string, offset: number): [string, string] {
  const at = Math.max(0, Math.min(text.length, offset));
  return [text.slice(0, at).trimEnd(), text.slice(at).trimStart()];
}

/**
 * Where to cut `text` so its first part holds about `ratio` of it: for CJK text any character
 * boundary (preferring just after punctuation nearby), for Latin text the nearest word boundary.
 * Returns null when there is no sensible cut (empty text, a single word): the text stays whole.
 */
export function proportionalCut(text: string, ratio: number): number | null {
  const trimmed = text.trim();
  if (trimmed === '' || !(ratio > 0 && ratio < 1)) return null;
  const target = Math.round(text.length * ratio);
  const candidates: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const prev = text[i - 1] as string;
    const here = text[i] as string;
    const cjk = CJK_EDGE.test(prev) || CJK_EDGE.test(here);
    if (/\s/.test(here) && !/\s/.test(prev)) candidates.push(i);
    else if (cjk && !/\s/.test(prev) && !/\s/.test(here)) candidates.push(i);
  }
  if (candidates.length === 0) return null;
  const score = (i: number) => Math.abs(i - target) - (/[，。！？；、,.!?;:：]/u.test(text[i - 1] ?? '') ? 2 : 0);
  return candidates.reduce((best, i) => (score(i) < score(best) ? i : best));
}

export interface SplitAt {
  /** The side the text cursor is in. */
  side: Side;
  /** Cursor offset in that side's text (UTF-16 units, as textarea.selectionStart). */
  offset: number;
  /** The playhead, if media is loaded; used for the time when it is strictly inside the segment. */
  playheadMs: number | null;
}

/**
 * Split `id` at the text cursor. The cursor's side is cut at the cursor; the other side is cut in
 * the same proportion at a word boundary (Latin) or character boundary (CJK), or kept whole on the
 * first part when it cannot be cut (one word, empty). Times: at the playhead when it is inside the
 * segment, else in proportion to the characters before the cursor. Untimed segments stay untimed.
 * A cut with nothing on one side of the cursor changes nothing.
 */
export function splitSegment(project: Project, id: SegmentId, at: SplitAt): OpResult {
  const index = indexOfSegment(project, id);
  const seg = project.segments[index];
  if (!seg) return unchanged(project);
  const text = seg[at.side];
  const [firstText, secondText] = splitTextAt(text, at.offset);
  if (firstText === '' || secondText === '') return unchanged(project, [id]);
  const ratio = Math.max(0, Math.min(text.length, at.offset)) / text.length;
  const otherSide: Side = at.side === 'source' ? 'translation' : 'source';
  const other = seg[otherSide];
  const cut = proportionalCut(other, ratio);
  const [otherFirst, otherSecond] = cut === null ? [other.trim(), ''] : splitTextAt(other, cut);

  let firstTimes: { start: number | null; end: number | null } = { start: null, end: null };
  let secondTimes = firstTimes;
  if (timed(seg)) {
    const inside = at.playheadMs !== null && at.playheadMs > seg.start && at.playheadMs < seg.end;
    const mid = inside ? (at.playheadMs as number) : seg.start + Math.round((seg.end - seg.start) * ratio);
    firstTimes = { start: seg.start, end: mid };
    secondTimes = { start: mid, end: seg.end };
  }
  const first: Segment = {
    ...seg,
    ...firstTimes,
    [at.side]: firstText,
    [otherSide]: otherFirst,
  };
  const init: SegmentInit = {
    ...secondTimes,
    [at.side]: secondText,
    [otherSide]: otherSecond,
    flags: seg.flags,
    ...(seg.speaker !== undefined ? { speaker: seg.speaker } : {}),
  };
  const withFirst = updateSegment(project, id, () => first);
  const inserted = insertSegment(withFirst, id, init);
  return { project: inserted.project, select: [id, inserted.id] };
}

function mergeTwo(a: Segment, b: Segment): Segment {
  const starts = [a.start, b.start].filter((t): t is number => t !== null);
  const ends = [a.end, b.end].filter((t): t is number => t !== null);
  const flags: Flag[] = [...a.flags, ...b.flags.filter((f) => !a.flags.includes(f))];
  return {
    ...a,
    start: starts.length > 0 && ends.length > 0 ? Math.min(...starts) : null,
    end: starts.length > 0 && ends.length > 0 ? Math.max(...ends) : null,
    source: joinText(a.source, b.source),
    translation: joinText(a.translation, b.translation),
    flags,
    ...(a.note !== undefined || b.note !== undefined
      ? { note: [a.note, b.note].filter((n) => n !== undefined && n !== '').join('\n') }
      : {}),
  };
}

/**
 * Merge: one id merges with the next segment; several merge everything from the first to the last
 * of them (in document order) into the first. Texts are joined by joinText, times span all parts.
 */
export function mergeSegments(project: Project, ids: readonly SegmentId[]): OpResult {
  const indexes = ids.map((id) => indexOfSegment(project, id)).filter((i) => i >= 0);
  if (indexes.length === 0) return unchanged(project);
  const from = Math.min(...indexes);
  const to = indexes.length === 1 ? from + 1 : Math.max(...indexes);
  const first = project.segments[from] as Segment;
  if (to >= project.segments.length || to === from) return unchanged(project, [first.id]);
  let merged = first;
  for (let i = from + 1; i <= to; i++) merged = mergeTwo(merged, project.segments[i] as Segment);
  const segments = [...project.segments.slice(0, from), merged, ...project.segments.slice(to + 1)];
  return { project: { ...project, segments }, select: [first.id] };
}

/**
 * Set the start or end of `id` to `ms`, pushing the other edge along when it would cross (a zero-
 * length segment rather than an invalid one). An untimed segment gets NEW_SEGMENT_MS on the open side.
 */
export function setEdge(project: Project, id: SegmentId, edge: 'start' | 'end', ms: number): Project {
  const seg = project.segments[indexOfSegment(project, id)];
  if (!seg) return project;
  const t = Math.max(0, Math.round(ms));
  if (edge === 'start') {
    const end = seg.end === null ? t + NEW_SEGMENT_MS : Math.max(seg.end, t);
    return setTiming(project, id, t, end);
  }
  const start = seg.start === null ? Math.max(0, t - NEW_SEGMENT_MS) : Math.min(seg.start, t);
  return setTiming(project, id, start, t);
}

/** Move one edge by `deltaMs`, never below 0 nor past the other edge. Untimed segments are left alone. */
export function nudgeEdge(project: Project, id: SegmentId, edge: 'start' | 'end', deltaMs: number): Project {
  const seg = project.segments[indexOfSegment(project, id)];
  if (!timed(seg)) return project;
  if (edge === 'start') return setTiming(project, id, Math.max(0, Math.min(seg.end, seg.start + deltaMs)), seg.end);
  return setTiming(project, id, seg.start, Math.max(seg.start, seg.end + deltaMs));
}

/**
 * Snap an edge of `id` to the nearest edge (start or end) of any other timed segment, keeping the
 * segment valid (a start snaps only to times before its end, an end to times after its
 * start). Ties go to the earlier time. No other timed segment: unchanged.
 */
export function snapEdge(project: Project, id: SegmentId, edge: 'start' | 'end'): Project {
  const seg = project.segments[indexOfSegment(project, id)];
  if (!timed(seg)) return project;
  const here = seg[edge];
  let best: number | null = null;
  for (const other of project.segments) {
    if (other.id === id || !timed(other)) continue;
    for (const t of [other.start, other.end]) {
      if (edge === 'start' ? t >= seg.end : t <= seg.start) continue;
      const d = Math.abs(t - here);
      if (best === null || d < Math.abs(best - here) || (d === Math.abs(best - here) && t < best)) best = t;
    }
  }
  if (best === null || best === here) return project;
  return edge === 'start' ? setTiming(project, id, best, seg.end) : setTiming(project, id, seg.start, best);
}

export { deleteSegments, shiftTimes } from './project';
