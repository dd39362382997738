import { readingSpeed, scriptOf } from '../../../shared/text/count';

/**
 * Reading speed of a subtitle text: characters per second of its display time, counted as the QA
 * rules count them (shared/text/count.ts): line breaks are not read; every other character,
 * spaces and punctuation included, counts, a half-width one 0.5 in Chinese text. `language` is the
 * side's BCP 47 tag. Null when the segment is untimed or has no duration.
 */
export function charsPerSecond(text: string, start: number | null, end: number | null, language = 'en'): number | null {
  return readingSpeed(text, start, end, scriptOf(language));
}

/** One decimal, as the grid shows it. */
export function formatCps(cps: number | null): string {
  return cps === null || cps === 0 ? '–' : cps.toFixed(1);
}

/** Seconds with two decimals for the duration column. */
export function formatDuration(start: number | null, end: number | null): string {
  return start === null || end === null ? '–' : ((end - start) / 1000).toFixed(2);
}
