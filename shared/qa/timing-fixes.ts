import type { Project, Segment, SegmentId } from '../model/types';
import type { TimingChange } from './types';

/**
 * Timing fixes in the spirit of Aegisub's timing post-processor, as pure functions that propose
 * retimings (what moves: segment, old and new start and end) for a preview before applying them
 * with applyChanges. They work on the timed segments in time order; locked segments never move but
 * still count as neighbours; `ids` limits which segments may move (default: all).
 */
export interface TimingFixOptions {
  /** Gap to keep between two subtitles, ms (the profile's frames at the frame rate). */
  readonly gapMs: number;
  /** Never make a segment longer than this. */
  readonly maxDurationMs?: number;
  /** End of the media: nothing moves past it. */
  readonly mediaDurationMs?: number;
  /** Only these segments may move. */
  readonly ids?: readonly SegmentId[];
}

interface Slot {
  readonly segment: Segment;
  start: number;
  end: number;
  readonly movable: boolean;
}

function timeline(project: Project, ids: readonly SegmentId[] | undefined): Slot[] {
  const only = ids ? new Set(ids) : null;
  const slots: { slot: Slot; index: number }[] = [];
  project.segments.forEach((segment, index) => {
    if (segment.start === null || segment.end === null) return;
    const movable = !segment.flags.includes('locked') && (only === null || only.has(segment.id));
    slots.push({ slot: { segment, start: segment.start, end: segment.end, movable }, index });
  });
  slots.sort((a, b) => a.slot.start - b.slot.start || a.slot.end - b.slot.end || a.index - b.index);
  return slots.map((s) => s.slot);
}

function changesOf(slots: readonly Slot[], rule: string): TimingChange[] {
  const out: TimingChange[] = [];
  for (const s of slots) {
    const { start, end } = s.segment as { start: number; end: number };
    if (s.start !== start || s.end !== end) {
      out.push({
        kind: 'timing',
        segment: s.segment.id,
        before: { start, end },
        after: { start: s.start, end: s.end },
        rule,
      });
    }
  }
  return out;
}

const fitsMax = (start: number, end: number, max: number | undefined) => max === undefined || end - start <= max;

/**
 * Close gaps under `maxGapMs` to exactly the gap to keep (Netflix: "chain" subtitles less than half
 * a second apart), and widen gaps smaller than it, by moving the earlier segment's end.
 */
export function closeGaps(project: Project, options: TimingFixOptions & { readonly maxGapMs: number }): TimingChange[] {
  const slots = timeline(project, options.ids);
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i] as Slot;
    const b = slots[i + 1] as Slot;
    const gap = b.start - a.end;
    if (gap < 0 || gap >= options.maxGapMs || gap === options.gapMs) continue;
    const end = b.start - options.gapMs;
    if (a.movable && end > a.start && fitsMax(a.start, end, options.maxDurationMs)) a.end = end;
    else if (b.movable && gap < options.gapMs && a.end + options.gapMs < b.end) b.start = a.end + options.gapMs;
  }
  return changesOf(slots, 'close-gaps');
}

/**
 * Lead-in and lead-out: start earlier and end later by these amounts, within the free time around
 * each segment (keeping the gap), shared between two neighbours in proportion when it is short.
 */
export function addLeadInOut(
  project: Project,
  options: TimingFixOptions & { readonly leadInMs: number; readonly leadOutMs: number },
): TimingChange[] {
  const slots = timeline(project, options.ids);
  const { leadInMs, leadOutMs, gapMs } = options;
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as Slot;
    const prev = slots[i - 1];
    const next = slots[i + 1];
    // Lead-in: what the previous segment's lead-out (its share, taken first) left of the free time.
    if (s.movable && leadInMs > 0) {
      const room = prev ? s.start - prev.end - gapMs : s.start;
      const move = Math.max(0, Math.min(leadInMs, room));
      if (fitsMax(s.start - move, s.end, options.maxDurationMs)) s.start -= move;
    }
    if (s.movable && leadOutMs > 0) {
      const limit = next ? next.start - gapMs : (options.mediaDurationMs ?? Number.POSITIVE_INFINITY);
      let room = limit - s.end;
      // Short free time is shared with the next segment's lead-in in proportion.
      if (next?.movable && leadInMs > 0 && room < leadInMs + leadOutMs)
        room = Math.floor((room * leadOutMs) / (leadInMs + leadOutMs));
      const move = Math.max(0, Math.min(leadOutMs, room));
      const max = options.maxDurationMs;
      s.end += max === undefined ? move : Math.max(0, Math.min(move, max - (s.end - s.start)));
    }
  }
  return changesOf(slots, 'lead-in-out');
}

/** Overlaps trimmed: the earlier segment ends the gap before the later one starts (or, when that would empty it, the later one starts after it). */
export function trimOverlaps(project: Project, options: TimingFixOptions): TimingChange[] {
  const slots = timeline(project, options.ids);
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i] as Slot;
    const b = slots[i + 1] as Slot;
    if (a.end <= b.start) continue;
    const end = b.start - options.gapMs;
    if (a.movable && end > a.start) a.end = end;
    else if (b.movable && a.end + options.gapMs < b.end) b.start = a.end + options.gapMs;
  }
  return changesOf(slots, 'trim-overlaps');
}

/**
 * Segments shorter than wanted made longer into free time: the end moves later up to the gap
 * before the next segment, then the start earlier down to the gap after the previous one. Only
 * segments that reach their length are proposed. `wanted` gives each segment's length (null: leave it).
 */
export function extendInto(
  project: Project,
  wanted: (segment: Segment) => number | null,
  options: TimingFixOptions,
  rule: string,
): TimingChange[] {
  const slots = timeline(project, options.ids);
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i] as Slot;
    const target = s.movable ? wanted(s.segment) : null;
    if (target === null || s.end - s.start >= target) continue;
    if (options.maxDurationMs !== undefined && target > options.maxDurationMs) continue;
    const prev = slots[i - 1];
    const next = slots[i + 1];
    const latestEnd = next ? next.start - options.gapMs : (options.mediaDurationMs ?? Number.POSITIVE_INFINITY);
    const earliestStart = prev ? prev.end + options.gapMs : 0;
    const end = Math.max(s.end, Math.min(latestEnd, s.start + target));
    const start = Math.min(s.start, Math.max(earliestStart, end - target));
    if (end - start >= target) {
      s.start = start;
      s.end = end;
    }
  }
  return changesOf(slots, rule);
}

/** Segments shorter than the minimum duration extended into free time. */
export function extendShort(
  project: Project,
  options: TimingFixOptions & { readonly minDurationMs: number },
): TimingChange[] {
  return extendInto(project, () => options.minDurationMs, options, 'extend-short');
}
