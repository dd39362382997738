/**
 * Similarity of two texts as CAT tools show it: 1 − edit distance / length of the longer, on
 * characters (code points), so 各位来宾 vs 各位嘉宾 is 75 %.
 */

/** Code points of a string (Han characters outside the BMP count as one). */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) as number);
  return out;
}

let row = new Int32Array(64);

/**
 * Levenshtein distance of a and b, or `limit + 1` as soon as it is certain to exceed `limit`
 * (the band check keeps a fuzzy lookup from paying for hopeless candidates).
 */
export function editDistance(a: readonly number[], b: readonly number[], limit = Number.POSITIVE_INFINITY): number {
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n - m > limit) return limit + 1;
  if (m === 0) return n;
  if (row.length < m + 1) row = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) row[j] = j;
  for (let i = 1; i <= n; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    let best = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j++) {
      const above = row[j] as number;
      const cost = ai === b[j - 1] ? 0 : 1;
      const value = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost);
      row[j] = value;
      diagonal = above;
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
  }
  return row[m] as number;
}

/** 0..1; 1 = identical. */
export function similarity(a: string, b: string): number {
  const x = codePoints(a);
  const y = codePoints(b);
  const longer = Math.max(x.length, y.length);
  if (longer === 0) return 1;
  return 1 - editDistance(x, y) / longer;
}
