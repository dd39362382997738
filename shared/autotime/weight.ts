/**
 * How long a text takes to say, in syllables (a rough unit: only ratios between segments matter).
 * A Han, kana or Hangul character is one syllable; a Latin word counts its vowel groups (at least
 * one; an acronym one per letter), so "scaling" is 2 and "a" is 1, where counting letters would make Latin text 3–5 times too
 * long next to Chinese; a digit is read as about one syllable (二零一八, "twenty eighteen").
 * Punctuation and spaces cost nothing. Every segment weighs at least one syllable.
 */

const SYLLABIC = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;
const LATIN_WORD = /[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)*/g;
const VOWEL_GROUP = /[aeiouyàáâãäåèéêëìíîïòóôõöùúûüýÿ]+/gi;
const DIGIT = /[0-9０-９]/g;

export function latinSyllables(word: string): number {
  // An acronym is spelt out: "GPT" is three syllables.
  if (/^[A-Z]{2,5}$/.test(word)) return word.length;
  let n = word.match(VOWEL_GROUP)?.length ?? 0;
  // A final silent e ("make", "scale"), but not "the" or "be".
  if (n > 1 && /[^aeiouy]e$/i.test(word)) n--;
  return Math.max(1, n);
}

export function speechWeight(text: string): number {
  const syllabic = text.match(SYLLABIC)?.length ?? 0;
  const digits = text.match(DIGIT)?.length ?? 0;
  const latin = (text.match(LATIN_WORD) ?? []).reduce((sum, w) => sum + latinSyllables(w), 0);
  return Math.max(1, syllabic + digits + latin);
}
