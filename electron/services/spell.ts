/// <reference path="./nspell.d.ts" />
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';
import type { SpellChecker } from '../../shared/qa/types';

/**
 * English spell check with nspell (Hunspell-compatible) and the dictionary-en word list, read from
 * disk (no network). dictionary-en's own entry reads its files with a top-level await, which the
 * CommonJS build cannot load, so its two files are read here directly. Loading takes about half a
 * second and is done once, on first use; answers are cached per word.
 */
export interface SpellService {
  /** The words of `words` the dictionary does not know (each once, in order). */
  unknown(words: readonly string[]): Promise<string[]>;
  suggest(word: string): Promise<string[]>;
  /** A synchronous checker for the QA pass, once the dictionary is loaded. */
  checker(): Promise<SpellChecker>;
}

async function loadDictionary(): Promise<{ aff: Buffer; dic: Buffer }> {
  const dir = dirname(createRequire(import.meta.url).resolve('dictionary-en'));
  const [aff, dic] = await Promise.all([fs.readFile(join(dir, 'index.aff')), fs.readFile(join(dir, 'index.dic'))]);
  return { aff, dic };
}

export function createSpellService(): SpellService {
  let loading: Promise<SpellChecker> | null = null;

  function checker(): Promise<SpellChecker> {
    loading ??= loadDictionary().then(({ aff, dic }) => {
      const spell = nspell({ aff, dic });
      const cache = new Map<string, boolean>();
      return {
        isKnown(word: string): boolean {
          let known = cache.get(word);
          if (known === undefined) {
            known = spell.correct(word);
            cache.set(word, known);
          }
          return known;
        },
        suggestions: (word: string) => spell.suggest(word),
      } as SpellChecker & { suggestions(word: string): string[] };
    });
    // A failed load is retried on the next call rather than remembered.
    loading.catch(() => {
      loading = null;
    });
    return loading;
  }

  return {
    checker,
    async unknown(words) {
      const c = await checker();
      return [...new Set(words)].filter((w) => w.trim() !== '' && c.isKnown(w) === false);
    },
    async suggest(word) {
      const c = (await checker()) as SpellChecker & { suggestions(word: string): string[] };
      return c.suggestions(word).slice(0, 8);
    },
  };
}

/** One service per process: the dictionary is large. */
let shared: SpellService | null = null;
export function spellService(): SpellService {
  shared ??= createSpellService();
  return shared;
}
