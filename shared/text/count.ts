/**
 * Counting characters the way subtitle style guides do (Netflix's Timed Text Style Guides): every
 * character counts, spaces and punctuation included, line breaks do not; in Chinese (and Japanese,
 * Korean) text a half-width character (ASCII letters, digits, spaces, punctuation) counts 0.5.
 */

/** How a side's text is counted and broken: CJK rules or Latin-script rules. */
export type Script = 'cjk' | 'latin';

/** The counting script of a BCP 47 language tag: Chinese, Japanese and Korean count as CJK. */
export function scriptOf(language: string): Script {
  return /^(zh|ja|ko|yue|cmn|wuu|hak|nan|gan)(\b|-|_|$)/i.test(language.trim()) ? 'cjk' : 'latin';
}

/** Half-width: ASCII printable characters and the half-width forms block (katakana, hangul, symbols). */
export function isHalfWidth(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xff61 && code <= 0xffdc) || (code >= 0xffe8 && code <= 0xffee);
}

/** The counted length of one line (no line breaks in it). A code unit loop: this runs on every line of every pass. */
export function lineLength(line: string, script: Script): number {
  let n = 0;
  const cjk = script === 'cjk';
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 10 || code === 13 || (code >= 0xdc00 && code <= 0xdfff)) continue; // a line break; a pair's second half
    n += cjk && isHalfWidth(code) ? 0.5 : 1;
  }
  return n;
}

/** The counted length of a whole text for reading speed: all its lines, line breaks not read. */
export function readingLength(text: string, script: Script): number {
  return lineLength(text, script);
}

/** The lines of a side's text (LF, CRLF or CR), without empty ones. */
export function textLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
}

/**
 * Reading speed in counted characters per second of display time; null when the segment is untimed
 * or has no duration (nothing can be read in no time).
 */
export function readingSpeed(text: string, start: number | null, end: number | null, script: Script): number | null {
  if (start === null || end === null || end <= start) return null;
  return readingLength(text, script) / ((end - start) / 1000);
}
