/**
 * Chinese word boundaries from the platform's dictionary segmenter (`Intl.Segmenter`, ICU's: in
 * Node 20 and Chromium). It costs tens of microseconds per line, so callers first check cheaply
 * whether a line can need it at all.
 */

export interface WordToken {
  readonly text: string;
  /** UTF-16 offset in the segmented string. */
  readonly index: number;
  /** A word (Han, Latin or digits), not punctuation or space. */
  readonly wordLike: boolean;
}

let segmenter: Intl.Segmenter | null = null;
const zh = () => {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
};

/** Every word and gap of a text, in order. */
export function chineseWords(text: string): WordToken[] {
  const out: WordToken[] = [];
  const segmenter = zh();
  for (const s of segmenter.segment(text))
    out.push({ text: s.segment, index: s.index, wordLike: s.isWordLike === true });
  return out;
}

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** Han, kana, hangul, CJK symbols and punctuation, full-width forms: what does not belong in English text. */
export const CJK_CHAR = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60]/;

/**
 * The words of one text, asked about one position at a time: much cheaper than listing them all
 * when only a few places matter (a repeated character, a filler).
 */
export interface WordLookup {
  /** The word (or gap) that contains UTF-16 offset `index`; null past the end. */
  at(index: number): WordToken | null;
}

export function chineseWordLookup(text: string): WordLookup {
  const segments = zh().segment(text);
  return {
    at(index) {
      if (index < 0 || index >= text.length) return null;
      const s = segments.containing(index);
      return s ? { text: s.segment, index: s.index, wordLike: s.isWordLike === true } : null;
    },
  };
}
