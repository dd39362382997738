/**
 * The English words a spell check looks at, with their offsets. Acronyms (BAAI, LLMs), words with
 * digits (GPT-4's parts), and mixed-case names (WuDao, iPhone) are left to the glossary and the
 * user's word list rather than flagged; hyphenated words are checked part by part.
 */
export interface WordAt {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigitOr = (ch: string) => /[0-9_@/]/.test(ch);

/** A scan by character codes rather than a regular expression: it runs on every English line of a pass. */
export function checkableWords(text: string): WordAt[] {
  const out: WordAt[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let upper = 0;
    let mixed = false;
    let curly = false;
    for (;;) {
      while (i < n && isLetter(text.charCodeAt(i))) {
        const c = text.charCodeAt(i);
        if (c <= 90) upper++;
        else if (i + 1 < n && text.charCodeAt(i + 1) >= 65 && text.charCodeAt(i + 1) <= 90) mixed = true;
        i++;
      }
      // An apostrophe between letters belongs to the word (don't, BAAI's).
      const q = text.charCodeAt(i);
      if ((q === 39 || q === 0x2019) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
        if (q === 0x2019) curly = true;
        i++;
        continue;
      }
      break;
    }
    const end = i;
    const length = end - start;
    const before = text.charAt(start - 1);
    const after = text.charAt(end);
    if (length < 2 || (before !== '' && isDigitOr(before)) || (after !== '' && /[0-9_@]/.test(after))) continue;
    let word = text.slice(start, end);
    // Acronyms (BAAI, LLMs) and mixed-case names (WuDao, iPhone) are the glossary's and the word list's.
    if (upper === length || (upper === length - 1 && word.endsWith('s') && upper >= 2)) continue;
    if (mixed) continue;
    if (curly) word = word.replace(/’/g, "'");
    out.push({ word, start, end });
  }
  return out;
}
