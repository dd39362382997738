import type { Segment } from '../../shared/model/types';

export interface DocumentStats {
  segments: number;
  /** Segments with a non-blank translation. */
  translated: number;
  /** Segments without times. */
  untimed: number;
}

export function documentStats(segments: readonly Segment[]): DocumentStats {
  let translated = 0;
  let untimed = 0;
  for (const s of segments) {
    if (s.translation.trim() !== '') translated++;
    if (s.start === null || s.end === null) untimed++;
  }
  return { segments: segments.length, translated, untimed };
}
