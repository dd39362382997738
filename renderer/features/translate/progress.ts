import type { Segment, SegmentId } from '../../../shared/model/types';

export function isTranslated(segment: Segment): boolean {
  return segment.translation.trim() !== '';
}

const counted = new WeakMap<readonly Segment[], number>();

/** How many segments have a translation (remembered per segments array: stores ask often). */
export function translatedCount(segments: readonly Segment[]): number {
  const known = counted.get(segments);
  if (known !== undefined) return known;
  let n = 0;
  for (const s of segments) if (isTranslated(s)) n++;
  counted.set(segments, n);
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
