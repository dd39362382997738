import { getSegment } from '../../../shared/model/project';
import { segmentAt } from '../../../shared/model/timeline';
import type { Project, SegmentId } from '../../../shared/model/types';

/**
 * "Loop current segment": while playing, the segment the playhead is in becomes the loop's target;
 * when playback runs past its end it jumps back to its start. A seek (click, list, scrubber) makes
 * the segment at the new time the target instead, so the loop never pulls the user back.
 */

/** Playback past the end by more than this was a jump, not the end of the segment being played. */
export const LOOP_SLACK_MS = 1000;

export interface LoopStep {
  readonly targetId: SegmentId | null;
  /** Where to jump to now, or null. */
  readonly seekTo: number | null;
}

/** One playback tick at `timeMs` with loop target `targetId`. */
export function loopTick(project: Project, targetId: SegmentId | null, timeMs: number): LoopStep {
  const target = targetId === null ? undefined : getSegment(project, targetId);
  if (target && target.start !== null && target.end !== null && target.end > target.start) {
    if (timeMs >= target.end && timeMs < target.end + LOOP_SLACK_MS) return { targetId, seekTo: target.start };
    if (timeMs >= target.start && timeMs < target.end) return { targetId, seekTo: null };
  }
  return { targetId: segmentAt(project, timeMs)?.id ?? null, seekTo: null };
}

/** After a seek to `timeMs`: the segment there is the new target. */
export function loopSeeked(project: Project, timeMs: number): SegmentId | null {
  return segmentAt(project, timeMs)?.id ?? null;
}
