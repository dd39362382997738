import { lineLength, type Script } from './count';
import { chineseWords } from './words';

/**
 * Line breaking for display and export. Chinese text breaks between words (Intl.Segmenter) and
 * best after punctuation; Latin words, numbers and names inside it (GPT-4, 1.8, scaling law's
 * words) are never cut. English breaks between words, lines balanced, not after an article or a
 * preposition when another break is as good. No line starts with closing punctuation.
 */
export interface BreakOptions {
  readonly maxChars: number;
  readonly maxLines: number;
  readonly script: Script;
}

/** Closing punctuation that stays with the text before it. */
const CLOSING = /^[，。、；：！？,.;:!?…）》」』”’)\]}%]+$/u;
/** Opening punctuation that stays with the text after it. */
const OPENING = /^[（《「『“‘([{]+$/u;
/** Breaking after these reads well. */
const GOOD_BREAK_AFTER = /[，。、；：！？,.;:!?…]$/u;
/** English words a line should not end on. */
const WEAK_END = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'and',
  'or',
  'with',
  'by',
  'from',
  'my',
  'your',
  'our',
  'their',
  'his',
  'her',
  'its',
]);

interface Piece {
  readonly text: string;
  /** Counted length. */
  readonly length: number;
  /** A space separates it from the piece before (Latin text). */
  readonly spaced: boolean;
}

/** Does the text need breaking: a line too long, or too many lines? */
export function needsBreaking(text: string, options: BreakOptions): boolean {
  const lines = text.split('\n');
  return lines.length > options.maxLines || lines.some((l) => lineLength(l, options.script) > options.maxChars);
}

/**
 * The text re-broken into as few lines as its length needs (at most maxLines: when it cannot fit,
 * the lines are longer than allowed), lines as even as the word boundaries allow. Text that already fits is returned as it is.
 */
export function breakLines(text: string, options: BreakOptions): string {
  if (!needsBreaking(text, options)) return text;
  const pieces = options.script === 'cjk' ? chinesePieces(text) : latinPieces(text);
  if (pieces.length <= 1) return joinPieces(pieces, 0, pieces.length) || text;
  const total = joinedLength(pieces, 0, pieces.length, options.script);
  // As few lines as the length needs, never more than allowed (an over-long line is QA's to flag).
  const lines = Math.min(Math.max(1, Math.ceil(total / options.maxChars)), Math.max(1, options.maxLines));
  const layout = bestLayout(pieces, lines, options);
  return layout.map(([from, to]) => joinPieces(pieces, from, to)).join('\n');
}

function latinPieces(text: string): Piece[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w, i) => ({ text: w, length: w.length, spaced: i > 0 }));
}

/** Word tokens with Latin runs, numbers and attached punctuation glued into unbreakable pieces. */
function chinesePieces(text: string): Piece[] {
  const flat = text.replace(/\s*\n\s*/g, (m, at: number) => {
    // A line break between two Latin words was a space; between Chinese characters, nothing.
    const before = text.charAt(at - 1);
    const after = text.charAt(at + m.length);
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
  const tokens = chineseWords(flat).map((t) => t.text);
  const glued: string[] = [];
  for (const token of tokens) {
    const prev = glued[glued.length - 1];
    const latinJoin = prev !== undefined && /[A-Za-z0-9.\-_'’%+#&]$/.test(prev) && /^[A-Za-z0-9.\-_'’%+#&]/.test(token);
    const attach = prev !== undefined && (CLOSING.test(token) || OPENING.test(prev) || latinJoin);
    if (attach) glued[glued.length - 1] = prev + token;
    else glued.push(token);
  }
  // A space is a break opportunity of its own: it goes with the piece before and is trimmed at a line end.
  const out: Piece[] = [];
  for (const g of glued) {
    if (g.trim() === '') {
      const last = out[out.length - 1];
      if (last) out[out.length - 1] = { ...last, text: `${last.text} ` };
      continue;
    }
    out.push({ text: g, length: lineLength(g, 'cjk'), spaced: false });
  }
  return out;
}

function joinPieces(pieces: readonly Piece[], from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) {
    const p = pieces[i] as Piece;
    s += (i > from && p.spaced ? ' ' : '') + p.text;
  }
  return s.trim();
}

function joinedLength(pieces: readonly Piece[], from: number, to: number, script: Script): number {
  return lineLength(joinPieces(pieces, from, to), script);
}

/** Split pieces into `count` lines minimising unevenness, over-long lines and weak breaks (dynamic programming over word boundaries). */
function bestLayout(pieces: readonly Piece[], count: number, options: BreakOptions): [number, number][] {
  const n = pieces.length;
  const k = Math.min(count, n);
  const total = joinedLength(pieces, 0, n, options.script);
  const ideal = total / k;
  const lineCost = (from: number, to: number): number => {
    const len = joinedLength(pieces, from, to, options.script);
    let cost = Math.abs(len - ideal);
    if (len > options.maxChars) cost += 1e4 + (len - options.maxChars) * 1e3;
    return cost;
  };
  const breakCost = (at: number): number => {
    const last = (pieces[at - 1] as Piece).text.trim();
    // Style guides put a break after punctuation before an even split: worth a line's worth of imbalance.
    if (GOOD_BREAK_AFTER.test(last)) return -ideal;
    if (options.script === 'latin' && WEAK_END.has(last.toLowerCase())) return ideal * 0.5;
    return 0;
  };
  // best[j][i]: cost of the first i pieces in j lines; from[j][i]: where the j-th line starts.
  const best: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
  const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(0));
  (best[0] as number[])[0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= n - (k - j); i++) {
      for (let s = j - 1; s < i; s++) {
        const prev = (best[j - 1] as number[])[s] as number;
        if (!Number.isFinite(prev)) continue;
        const cost = prev + lineCost(s, i) + (s > 0 ? breakCost(s) : 0);
        if (cost < ((best[j] as number[])[i] as number)) {
          (best[j] as number[])[i] = cost;
          (from[j] as number[])[i] = s;
        }
      }
    }
  }
  const lines: [number, number][] = [];
  for (let j = k, i = n; j > 0; j--) {
    const s = (from[j] as number[])[i] as number;
    lines.unshift([s, i]);
    i = s;
  }
  return lines;
}
