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

const WORD = /[A-Za-z]+(?:['’][A-Za-z]+)*/g;

export function checkableWords(text: string): WordAt[] {
  const out: WordAt[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index as number;
    const before = text.charAt(start - 1);
    const after = text.charAt(start + word.length);
    if (/[0-9_@/]/.test(before) || /[0-9_@]/.test(after)) continue; // part of GPT4, a handle, a path
    if (/^[A-Z]{2,}s?$/.test(word)) continue; // acronym (BAAI, LLMs)
    if (/[a-z][A-Z]/.test(word)) continue; // mixed case name (WuDao, iPhone)
    if (word.length === 1) continue;
    out.push({ word: word.replace(/’/g, "'"), start, end: start + word.length });
  }
  return out;
}
