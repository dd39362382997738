/**
 * A sentence's translation spread back over its segments: cut at word boundaries so each segment's
 * share of the words follows its share of the speech (duration where the segments are timed, and
 * source length), preferring cuts after punctuation and never after an article or preposition
 * when a neighbouring cut is about as good, and keeping each piece within the line length where
 * the words allow.
 */

export interface DistributionPart {
  readonly source: string;
  /** null when the segment is untimed: then only the source length counts. */
  readonly durationMs: number | null;
}

export interface DistributionOptions {
  /** Longest line, in characters (the QA profile's translation line length). */
  readonly maxLineLength: number;
  /** Lines a piece may be wrapped into; 1 keeps every piece on one line. */
  readonly maxLines: number;
}

export const DEFAULT_DISTRIBUTION: DistributionOptions = { maxLineLength: 42, maxLines: 1 };

const WEAK_END = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'and',
  'or',
  'but',
  'that',
  'our',
  'my',
  'your',
  'his',
  'her',
  'its',
  'their',
  'this',
  'these',
  'is',
  'are',
  'was',
  'were',
  'be',
  'will',
  'can',
  'i',
  'we',
  'you',
  'they',
]);

function sourceWeight(text: string): number {
  let n = 0;
  for (const ch of text) if (!/[\s\p{P}]/u.test(ch)) n++;
  return Math.max(n, 1);
}

/** Each part's share of the sentence, summing to 1. */
export function partShares(parts: readonly DistributionPart[]): number[] {
  const lengths = parts.map((p) => sourceWeight(p.source));
  const totalLength = lengths.reduce((a, b) => a + b, 0);
  const timed = parts.every((p) => p.durationMs !== null && p.durationMs > 0);
  const totalDuration = timed ? parts.reduce((a, p) => a + (p.durationMs as number), 0) : 0;
  return parts.map((p, i) => {
    const byLength = (lengths[i] as number) / totalLength;
    if (!timed || totalDuration <= 0) return byLength;
    return 0.5 * byLength + 0.5 * ((p.durationMs as number) / totalDuration);
  });
}

/** Cost of cutting after word k-1 (before word k): punctuation attracts, a dangling article repels. */
function boundaryCost(words: readonly string[], k: number): number {
  const prev = words[k - 1] ?? '';
  if (/[.!?;:]["')”’]*$/.test(prev)) return -0.04;
  if (/[,—–-]["')”’]*$/.test(prev)) return -0.025;
  if (WEAK_END.has(prev.toLowerCase())) return 0.03;
  return 0;
}

/** Wrap one piece into at most `maxLines` balanced lines at spaces (unchanged when it fits). */
export function wrapLines(text: string, maxLineLength: number, maxLines: number): string {
  if (maxLines <= 1 || text.length <= maxLineLength) return text;
  const words = text.split(' ');
  const lines = Math.min(maxLines, Math.ceil(text.length / maxLineLength), words.length);
  if (lines <= 1) return text;
  // Greedy on the balanced width, which is at most maxLineLength when the words allow it.
  const width = Math.max(Math.ceil(text.length / lines), 1);
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > width && out.length < lines - 1) {
      out.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  out.push(line);
  return out.join('\n');
}

/**
 * Split `translation` over the parts. Every part gets at least one word when there are enough;
 * pieces join back (with single spaces) to the translation's words.
 */
export function distributeTranslation(
  translation: string,
  parts: readonly DistributionPart[],
  options: DistributionOptions = DEFAULT_DISTRIBUTION,
): string[] {
  const text = translation.replace(/\s+/g, ' ').trim();
  const m = parts.length;
  if (m === 0) return [];
  if (m === 1) return [wrapLines(text, options.maxLineLength, options.maxLines)];
  const words = text === '' ? [] : text.split(' ');
  const n = words.length;
  // chars[k] = length of words[0..k) joined by spaces (the position of cut k).
  const chars = new Float64Array(n + 1);
  for (let k = 1; k <= n; k++) chars[k] = (chars[k - 1] as number) + (words[k - 1] as string).length + (k > 1 ? 1 : 0);
  const total = Math.max(chars[n] as number, 1);
  const shares = partShares(parts);
  const targets: number[] = [];
  let acc = 0;
  for (let j = 0; j < m - 1; j++) {
    acc += shares[j] as number;
    targets.push(acc * total);
  }
  const pieceLength = (a: number, b: number) =>
    b > a ? (chars[b] as number) - (chars[a] as number) - (a > 0 ? 1 : 0) : 0;
  const limit = options.maxLineLength * Math.max(options.maxLines, 1);
  const pieceCost = (a: number, b: number) => {
    const len = pieceLength(a, b);
    if (b === a) return n >= m ? 10 : 0.2; // an empty piece only when words run short
    return len > limit ? 0.05 + ((len - limit) / total) ** 2 * 4 : 0;
  };
  const cutCost = (j: number, k: number) => {
    const dev = ((chars[k] as number) - (targets[j] as number)) / total;
    // The last term breaks exact ties towards later cuts: words then go with the earlier segment.
    return dev * dev + (k > 0 && k < n ? boundaryCost(words, k) : 0) - k * 1e-9;
  };
  // dp[j][k]: best cost with the j-th cut (0-based) at word k; from[j][k] its predecessor.
  const INF = Number.POSITIVE_INFINITY;
  const dp: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let j = 0; j < m - 1; j++) {
    const row = new Float64Array(n + 1).fill(INF);
    const back = new Int32Array(n + 1).fill(-1);
    for (let k = 0; k <= n; k++) {
      const cut = cutCost(j, k);
      if (j === 0) {
        row[k] = pieceCost(0, k) + cut;
        continue;
      }
      const prev = dp[j - 1] as Float64Array;
      for (let p = 0; p <= k; p++) {
        const base = prev[p] as number;
        if (base === INF) continue;
        const c = base + pieceCost(p, k) + cut;
        if (c < (row[k] as number)) {
          row[k] = c;
          back[k] = p;
        }
      }
    }
    dp.push(row);
    from.push(back);
  }
  let bestK = 0;
  let best = INF;
  const lastRow = dp[m - 2] as Float64Array;
  for (let k = 0; k <= n; k++) {
    const c = (lastRow[k] as number) + pieceCost(k, n);
    if (c < best) {
      best = c;
      bestK = k;
    }
  }
  const cuts: number[] = new Array(m - 1);
  let k = bestK;
  for (let j = m - 2; j >= 0; j--) {
    cuts[j] = k;
    k = j > 0 ? ((from[j] as Int32Array)[k] as number) : 0;
  }
  const bounds = [0, ...cuts, n];
  const pieces: string[] = [];
  for (let j = 0; j < m; j++) {
    const piece = words.slice(bounds[j] as number, bounds[j + 1] as number).join(' ');
    pieces.push(wrapLines(piece, options.maxLineLength, options.maxLines));
  }
  return pieces;
}
