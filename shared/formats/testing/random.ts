import type { SerializeOptions } from '../format';

/**
 * Test support (not a test file: vitest runs only `*.test.ts`). A seeded PRNG and random caption
 * text for the round-trip properties, so every run checks the same inputs and a failure can be
 * replayed from its seed.
 */

export type Random = () => number;

/** mulberry32: uniform in [0, 1), the same sequence for the same seed. */
export function prng(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `int(n)`: an integer in [0, n); `pick(xs)`: one element. Each takes one number from `r`. */
export function randomTools(r: Random) {
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]) => xs[int(xs.length)] as T;
  return { int, pick };
}

/** Common Chinese characters. */
export const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面';
export const MORE_HAN = `${HAN}而方后多定行学法所民得经`;
/** Words every format must carry; each test adds the ones that are tricky for its format. */
export const WORDS = ['scaling', 'law', 'model', 'the', 'data', "it's", 'GPT-4', 'café', 'OK,'] as const;

export interface TextShape {
  /** MORE_HAN by default. */
  han?: string;
  /** Characters mixed into Chinese lines (punctuation, emoji, the format's special characters). */
  extras: readonly string[];
  words: readonly string[];
  /** Share of Han characters in a Chinese line after its first character (0.8); the rest are extras. */
  hanShare?: number;
  /** One line in ten may be this long (60 characters, 25 words); the others have at most 12 and 6. */
  longHan?: number;
  longLatin?: number;
}

/** `randomTools`, and random lines: Chinese ones start with a Han character, Latin-script ones with `Word`. */
export function randomText(r: Random, shape: TextShape) {
  const { int, pick } = randomTools(r);
  const { extras, words, hanShare = 0.8, longHan = 60, longLatin = 25 } = shape;
  const han = [...(shape.han ?? MORE_HAN)];
  const hanLine = () => {
    let s = pick(han);
    for (let i = int(r() < 0.1 ? longHan : 12); i > 0; i--) s += r() < hanShare ? pick(han) : pick(extras);
    return s.trim();
  };
  const latinLine = () =>
    ['Word', ...Array.from({ length: int(r() < 0.1 ? longLatin : 6) }, () => pick(words))].join(' ');
  /** One line, or up to four in one case of five. */
  const lines = (make: () => string) => Array.from({ length: 1 + int(r() < 0.2 ? 3 : 1) }, make).join('\n');
  return { int, pick, hanLine, latinLine, lines };
}

/**
 * A seeded property: `check` runs on `runs` inputs made one after the other from one PRNG sequence,
 * and gets the same `r` for its own random choices (layout, line ending…).
 */
export function forRandomInputs<T>(
  seed: number,
  runs: number,
  make: (r: Random) => T,
  check: (input: T, r: Random) => void,
): void {
  const r = prng(seed);
  for (let run = 0; run < runs; run++) check(make(r), r);
}

/** Where a random project's first segment starts: at 0, past 100 hours, or in the first 10 minutes. */
export function randomStart(r: Random): number {
  const { int } = randomTools(r);
  return r() < 0.3 ? 0 : r() < 0.3 ? 100 * 3_600_000 + int(3_600_000) : int(600_000);
}

/** A bilingual layout (either order) and a line ending, half and half. */
export function bilingualOptions(r: Random): SerializeOptions {
  return {
    layout: r() < 0.5 ? 'bilingual' : 'bilingual-translation-first',
    lineEnding: r() < 0.5 ? 'lf' : 'crlf',
  };
}
