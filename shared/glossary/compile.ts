import { type Glossary, type GlossaryEntry, phrasePattern } from './model';

/**
 * A glossary prepared for scanning many segments: one regular expression per entry kind, so a
 * segment is read once whatever the glossary's size. Compiled once per glossary object.
 */
export interface CompiledGlossary {
  readonly glossary: Glossary;
  /** Terms whose Chinese occurs in `text`, each once, in the glossary's order. */
  termsIn(text: string): GlossaryEntry[];
  /** The text with every ASR fix applied in one pass (longest wrong form first); the same string when none applies. */
  fixAsr(text: string): string;
  /** Does the translation contain this English (whole words, any case)? Patterns are cached. */
  translationHas(translation: string, target: string): boolean;
  /** Does a wrong form of an ASR fix occur in `text`? */
  hasAsrError(text: string): boolean;
  /** Lower-cased Latin words of the entries' targets (English terms, right forms): known to the spell check. */
  readonly knownWords: ReadonlySet<string>;
}

const cache = new WeakMap<Glossary, CompiledGlossary>();

function alternation(entries: readonly GlossaryEntry[]): RegExp | null {
  const sources = [...new Set(entries.map((e) => e.source.trim()).filter(Boolean))];
  if (sources.length === 0) return null;
  sources.sort((a, b) => b.length - a.length);
  return new RegExp(sources.map(phrasePattern).join('|'), 'gi');
}

const key = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const known = cache.get(glossary);
  if (known) return known;
  const terms = glossary.entries.filter((e) => e.kind === 'term' && e.target.trim() !== '');
  const fixes = glossary.entries.filter((e) => e.kind === 'asr-fix');
  const termRe = alternation(terms);
  const fixRe = alternation(fixes);
  const termBySource = new Map<string, GlossaryEntry[]>();
  for (const t of terms) termBySource.set(key(t.source), [...(termBySource.get(key(t.source)) ?? []), t]);
  const fixBySource = new Map<string, string>();
  for (const f of fixes) if (!fixBySource.has(key(f.source))) fixBySource.set(key(f.source), f.target);
  const knownWords = new Set<string>();
  for (const e of glossary.entries) {
    for (const w of e.target.match(/[A-Za-z][A-Za-z'’-]*/g) ?? []) knownWords.add(w.toLowerCase());
  }

  const targetPatterns = new Map<string, RegExp>();
  const compiled: CompiledGlossary = {
    glossary,
    knownWords,
    termsIn(text) {
      if (!termRe) return [];
      const found = new Set<GlossaryEntry>();
      // Longest match first: a term inside a longer one (智能 in 具身智能) is not asked for there.
      for (const m of text.matchAll(termRe)) for (const t of termBySource.get(key(m[0])) ?? []) found.add(t);
      return terms.filter((t) => found.has(t));
    },
    translationHas(translation, target) {
      let re = targetPatterns.get(target);
      if (!re) {
        re = new RegExp(phrasePattern(target), 'i');
        targetPatterns.set(target, re);
      }
      return re.test(translation);
    },
    fixAsr(text) {
      if (!fixRe) return text;
      return text.replace(fixRe, (m) => fixBySource.get(key(m)) ?? m);
    },
    hasAsrError(text) {
      if (!fixRe) return false;
      fixRe.lastIndex = 0;
      const hit = fixRe.test(text);
      fixRe.lastIndex = 0;
      return hit;
    },
  };
  cache.set(glossary, compiled);
  return compiled;
}
