/** Han ideographs (CJK Unified, Extension A, Compatibility). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** A line in a Latin-script language: letters, no Han characters. */
export function isLatinLine(text: string): boolean {
  return LATIN.test(text) && !HAN.test(text);
}

/**
 * Split a bilingual cue's lines into source (Chinese) and translation (Latin-script) text, in
 * either order. A cue that is not one block of each stays entirely in the source.
 */
export function splitBilingual(text: string): { source: string; translation: string } {
  const lines = text.split('\n');
  if (!lines.some(isLatinLine) || !lines.some(hasHan)) return { source: text, translation: '' };
  const latin = lines.map(isLatinLine);
  // Accept exactly two runs: Han lines then Latin lines, or Latin lines then Han lines.
  const runs = latin.filter((v, i) => i === 0 || v !== latin[i - 1]).length;
  if (runs !== 2) return { source: text, translation: '' };
  return {
    source: lines.filter((_, i) => !latin[i]).join('\n'),
    translation: lines.filter((_, i) => latin[i]).join('\n'),
  };
}
