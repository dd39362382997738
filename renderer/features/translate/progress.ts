import type { Segment, SegmentId } from '../../../shared/model/types';

export function isTranslated(segment: Segment): boolean {
  return segment.translation.trim() !== '';
}

/** How many segments have a translation. */
export function translatedCount(segments: readonly Segment[]): number {
  let n = 0;
  for (const s of segments) if (isTranslated(s)) n++;
  return n;
}

/**
 * The next untranslated segment after index `from`, wrapping round to the top; null when every
 * other segment is translated.
 */
export function nextUntranslated(segments: readonly Segment[], from: number): SegmentId | null {
  const n = segments.length;
  for (let step = 1; step <= n; step++) {
    const segment = segments[(from + step) % n];
    if (segment && !isTranslated(segment) && (from + step) % n !== from) return segment.id;
  }
  return null;
}
