/**
 * Reading speed of a subtitle text: characters per second of its display time. Line breaks are not
 * read, so they do not count; every other character (spaces and punctuation included) does, as
 * subtitling style guides count them. Null when the segment is untimed or has no duration.
 */
export function charsPerSecond(text: string, start: number | null, end: number | null): number | null {
  if (start === null || end === null || end <= start) return null;
  let chars = 0;
  for (const ch of text) if (ch !== '\n' && ch !== '\r') chars++;
  return chars / ((end - start) / 1000);
}

/** One decimal, as the grid shows it. */
export function formatCps(cps: number | null): string {
  return cps === null || cps === 0 ? '–' : cps.toFixed(1);
}

/** Seconds with two decimals for the duration column. */
export function formatDuration(start: number | null, end: number | null): string {
  return start === null || end === null ? '–' : ((end - start) / 1000).toFixed(2);
}
