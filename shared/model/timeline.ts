import type { Project, Segment } from './types';

/** Is `ms` inside the segment's [start, end) span? Untimed segments contain nothing. */
export function segmentContains(seg: Segment, ms: number): boolean {
  return seg.start !== null && seg.end !== null && ms >= seg.start && ms < seg.end;
}

/**
 * The segment playing at `ms`: the last-starting timed segment that contains it.
 * Linear in the segment count; called on time updates (a few per second), so it is cheap enough
 * even at 5,000 segments and stays right for unsorted or overlapping documents.
 */
export function segmentAt(project: Project, ms: number): Segment | undefined {
  let best: Segment | undefined;
  for (const seg of project.segments) {
    if (segmentContains(seg, ms) && (best === undefined || (seg.start ?? 0) >= (best.start ?? 0))) best = seg;
  }
  return best;
}
