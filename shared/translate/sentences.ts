import type { Segment } from '../model/types';

/**
 * ASR segments are phrase fragments (尊敬的各位领导 / 各位来宾 / 各位专家): translated one by one they
 * give broken English. Consecutive segments are grouped into sentences — ended by the text's own
 * punctuation, a long pause or an empty segment — and runs longer than a sentence may be are cut at
 * their most natural point (the longest pause, a comma) until each fits.
 */

export interface SentenceOptions {
  /** A pause at least this long between two timed segments ends a sentence. */
  readonly pauseMs: number;
  /** Most characters (without spaces) in one sentence. */
  readonly maxChars: number;
  readonly maxSegments: number;
}

export const DEFAULT_SENTENCE_OPTIONS: SentenceOptions = { pauseMs: 800, maxChars: 80, maxSegments: 8 };

export interface Sentence {
  /** The first segment's id: stable across runs, unique in the project. */
  readonly id: string;
  /** Positions of its segments in the project, consecutive. */
  readonly indexes: readonly number[];
  readonly segmentIds: readonly string[];
  /** The segments' source texts joined as one sentence. */
  readonly text: string;
}

const FINAL = /[。！？!?；;…]["'”’」』）)]*$|[A-Za-z0-9][.]["'”’)]*$/;
const SOFT = /[，,、：:]["'”’」』）)]*$/;
const PUNCT_END = /[\p{P}]$/u;
const LATIN_END = /[A-Za-z0-9]$/;
const LATIN_START = /^[A-Za-z0-9]/;

/** Characters that count towards a sentence's length: everything but white space. */
export function textLength(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== ' ' && ch !== '\n' && ch !== '\t') n++;
  return n;
}

/** Phrases as one sentence: Chinese phrases with a comma where they had no punctuation, Latin ones with a space. */
export function joinPhrases(phrases: readonly string[]): string {
  let out = '';
  for (const raw of phrases) {
    const phrase = raw.replace(/\s*\n\s*/g, ' ').trim();
    if (phrase === '') continue;
    if (out === '') out = phrase;
    else if (PUNCT_END.test(out)) out += LATIN_START.test(phrase) && /[.,;:!?]$/.test(out) ? ` ${phrase}` : phrase;
    else if (LATIN_END.test(out) && LATIN_START.test(phrase)) out += ` ${phrase}`;
    else out += `，${phrase}`;
  }
  return out;
}

function gapAfter(segments: readonly Segment[], i: number): number | null {
  const a = segments[i];
  const b = segments[i + 1];
  if (!a || !b || a.end === null || b.start === null) return null;
  return b.start - a.end;
}

/** Split [from, to] (inclusive indexes into `run`) until every piece fits the limits. */
function splitRun(
  segments: readonly Segment[],
  run: readonly number[],
  lengths: readonly number[],
  options: SentenceOptions,
  out: number[][],
): void {
  const total = lengths.reduce((a, b) => a + b, 0);
  if (run.length <= 1 || (run.length <= options.maxSegments && total <= options.maxChars)) {
    out.push([...run]);
    return;
  }
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  let left = 0;
  for (let k = 0; k < run.length - 1; k++) {
    left += lengths[k] as number;
    const index = run[k] as number;
    const gap = gapAfter(segments, index) ?? 0;
    const soft = SOFT.test((segments[index] as Segment).source.trim()) ? 1 : 0;
    // Prefer the longest pause and a comma; among equals, the most even halves.
    const score = Math.min(Math.max(gap, 0), 2000) / 1000 + soft - Math.abs(2 * left - total) / Math.max(total, 1);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  splitRun(segments, run.slice(0, best + 1), lengths.slice(0, best + 1), options, out);
  splitRun(segments, run.slice(best + 1), lengths.slice(best + 1), options, out);
}

/**
 * Group the segments into sentences. Segments with an empty source belong to none (there is
 * nothing to translate) and end the sentence before them.
 */
export function groupSentences(
  segments: readonly Segment[],
  options: SentenceOptions = DEFAULT_SENTENCE_OPTIONS,
): Sentence[] {
  const groups: number[][] = [];
  let run: number[] = [];
  let lengths: number[] = [];
  const close = () => {
    if (run.length > 0) splitRun(segments, run, lengths, options, groups);
    run = [];
    lengths = [];
  };
  segments.forEach((segment, i) => {
    const text = segment.source.trim();
    if (text === '') {
      close();
      return;
    }
    run.push(i);
    lengths.push(textLength(text));
    const gap = gapAfter(segments, i);
    if (FINAL.test(text) || (gap !== null && gap >= options.pauseMs)) close();
  });
  close();
  return groups.map((indexes) => {
    const segs = indexes.map((i) => segments[i] as Segment);
    return {
      id: (segs[0] as Segment).id,
      indexes,
      segmentIds: segs.map((s) => s.id),
      text: joinPhrases(segs.map((s) => s.source)),
    };
  });
}
