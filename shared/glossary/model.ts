import { z } from 'zod';

/**
 * The glossary: term pairs (智源研究院 → BAAI: how a Chinese term is translated) and ASR fixes
 * (志愿大会 → 智源大会: what the speech recogniser gets wrong, and the right text). It is kept with a
 * project (the optional `glossary` field) and as a reusable user glossary in the profile folder; the
 * QA pass, the ASR-fix review list, the translation field and machine translation all read it.
 */

export const GlossaryKindSchema = z.enum(['term', 'asr-fix']);
export type GlossaryKind = z.output<typeof GlossaryKindSchema>;

export const GlossaryEntrySchema = z.object({
  kind: GlossaryKindSchema,
  /** `term`: the Chinese term. `asr-fix`: the wrong text as the recogniser writes it. */
  source: z.string().min(1),
  /** `term`: its English. `asr-fix`: the right text. */
  target: z.string(),
  note: z.string().optional(),
});
export type GlossaryEntry = z.output<typeof GlossaryEntrySchema>;

export const GlossarySchema = z.object({ entries: z.array(GlossaryEntrySchema).readonly() });
export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
}

export const EMPTY_GLOSSARY: Glossary = { entries: [] };

/** A term pair as machine translation and the translation field want it. */
export interface TermPair {
  readonly source: string;
  readonly target: string;
}

/** The term pairs of a glossary (ASR fixes left out), first entry of a source wins, in order. */
export function termPairs(glossary: Glossary | null | undefined): TermPair[] {
  const seen = new Set<string>();
  const pairs: TermPair[] = [];
  for (const e of glossary?.entries ?? []) {
    if (e.kind !== 'term' || e.target.trim() === '' || seen.has(e.source)) continue;
    seen.add(e.source);
    pairs.push({ source: e.source, target: e.target });
  }
  return pairs;
}

/** Entries of several glossaries, the first one's entry winning for the same kind and source (project over user). */
export function mergeGlossaries(...glossaries: (Glossary | null | undefined)[]): Glossary {
  const seen = new Set<string>();
  const entries: GlossaryEntry[] = [];
  for (const g of glossaries) {
    for (const e of g?.entries ?? []) {
      const key = `${e.kind}\u0000${e.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push(e);
    }
  }
  return { entries };
}

const LATIN_WORD = /[A-Za-z0-9]/;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression source for a phrase: Latin-script phrases match whole words,
 * case-insensitively (the caller adds the `i` flag); Chinese phrases match anywhere.
 */
export function phrasePattern(phrase: string): string {
  const p = escapeRegExp(phrase.trim()).replace(/\s+/g, '\\s+');
  const head = LATIN_WORD.test(phrase.trim().charAt(0)) ? '(?<![A-Za-z0-9])' : '';
  const tail = LATIN_WORD.test(phrase.trim().slice(-1)) ? '(?![A-Za-z0-9])' : '';
  return `${head}${p}${tail}`;
}

/** Does `text` contain `phrase` (whole words and any case for Latin text)? */
export function containsPhrase(text: string, phrase: string): boolean {
  if (phrase.trim() === '') return false;
  return new RegExp(phrasePattern(phrase), 'i').test(text);
}
