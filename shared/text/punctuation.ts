/**
 * The Chinese subtitle punctuation convention: no ，or 。 at the end of a line, and a comma or full
 * stop inside a line shown as a space (所以，我们今天。→ 所以 我们今天). Question and exclamation
 * marks, quotes, brackets, 、 inside a line and points in numbers stay.
 */
export function subtitlePunctuation(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/[，。、；,;]+(?=\s*$)/u, '')
        .replace(/\s*[，。]+\s*/gu, ' ')
        .replace(/ {2,}/g, ' ')
        .trim(),
    )
    .join('\n');
}

/** Does a line of Chinese text break the convention? */
export function breaksSubtitlePunctuation(text: string): boolean {
  return /[，。]|[、；,;]\s*(\n|$)/u.test(text);
}
