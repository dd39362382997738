import type { SegmentInit } from '../model/project';
import type { Project, Segment } from '../model/types';

export interface TrackMatch {
  project: Project;
  /** Project segments that received a translation. */
  matched: number;
  /** Cues of the second file that overlapped no segment (their text is not placed). */
  unmatchedCues: number;
}

const LOOK_BACK_MS = 600_000;

function firstStartingAtOrAfter(list: readonly { seg: { start: number } }[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as { seg: { start: number } }).seg.start < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Put a second file's cues into the project's translations, matched by time overlap rather than by
 * index (the two files rarely have the same number of cues). Each cue goes to the segment it
 * overlaps most; cues landing on the same segment are joined in time order. Untimed segments and
 * cues take no part.
 */
export function mergeTranslationTrack(project: Project, cues: readonly SegmentInit[]): TrackMatch {
  const timed = project.segments
    .map((seg, index) => ({ seg, index }))
    .filter(
      (x): x is { seg: Segment & { start: number; end: number }; index: number } =>
        x.seg.start !== null && x.seg.end !== null,
    )
    .sort((a, b) => a.seg.start - b.seg.start);
  const texts = new Map<number, string[]>();
  let unmatchedCues = 0;
  const sortedCues = cues
    .filter(
      (c): c is SegmentInit & { start: number; end: number } =>
        typeof c.start === 'number' && typeof c.end === 'number',
    )
    .slice()
    .sort((a, b) => a.start - b.start);
  for (const cue of sortedCues) {
    // Candidates start before the cue ends; looking back 10 minutes covers any real segment.
    let best = -1;
    let bestOverlap = 0;
    for (let i = firstStartingAtOrAfter(timed, cue.end) - 1; i >= 0; i--) {
      const t = timed[i] as (typeof timed)[number];
      if (t.seg.start < cue.start - LOOK_BACK_MS) break;
      const o = overlap(t.seg, cue);
      if (o > bestOverlap || (o === bestOverlap && o > 0 && t.index < best)) {
        bestOverlap = o;
        best = t.index;
      }
    }
    const text = [cue.source, cue.translation].filter(Boolean).join('\n').trim();
    if (best < 0 || text === '') {
      if (text !== '') unmatchedCues++;
      continue;
    }
    const list = texts.get(best) ?? [];
    list.push(text);
    texts.set(best, list);
  }
  const segments = project.segments.map((seg, index) => {
    const list = texts.get(index);
    return list ? { ...seg, translation: list.join('\n') } : seg;
  });
  return { project: { ...project, segments }, matched: texts.size, unmatchedCues };
}
