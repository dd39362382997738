import { codePoints, editDistance } from './similarity';

/**
 * The translation memory in memory: exact lookup by normalized source, and fuzzy lookup (similarity
 * at least 75 %) through an inverted index of character bigrams. A candidate within edit distance
 * k of a query with D distinct bigrams shares at least D − 2k of them (an edit breaks at most two),
 * so entries are counted over the query's postings (all but the longest few lists) and only those
 * sharing enough are checked with a banded edit distance. Short queries (where the bound says nothing) scan their length band.
 * The postings are built on the first fuzzy lookup as one sorted typed array (no per-bigram arrays
 * for the garbage collector), and rebuilt when pairs added since outgrow a tenth of it; until then
 * those newer pairs are checked one by one.
 */

export interface TmPair {
  readonly source: string;
  readonly target: string;
}

export interface TmEntry extends TmPair {
  /** When it was last added or confirmed (ms since 1970). */
  readonly updated: number;
}

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  readonly op: DiffOp;
  readonly text: string;
}

export interface FuzzyMatch extends TmEntry {
  /** 0..1 (1 = same after normalization). */
  readonly similarity: number;
  /** From the memory's source to the text looked up: what differs. */
  readonly diff: DiffPart[];
}

export const FUZZY_THRESHOLD = 0.75;

const EDGE_PUNCTUATION = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

const HAN_ONLY = /^[\u4e00-\u9fff]*$/;

/** The key sources are compared by: NFKC, lower case, no white space, no punctuation at the ends. */
export function normalizeSource(text: string): string {
  if (HAN_ONLY.test(text)) return text; // the common case, already normal
  return text.normalize('NFKC').toLowerCase().replace(EDGE_PUNCTUATION, '').replace(/\s+/g, '');
}

/**
 * The distinct bigrams of a text as small-integer hashes (map keys V8 keeps unboxed). Two bigrams
 * sharing a hash only adds candidates, which the edit distance then rejects: the filter stays exact.
 */
function bigramKeys(points: readonly number[]): number[] {
  const keys: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const key = (Math.imul(points[i] as number, 0x9e3779b1) ^ (points[i + 1] as number)) & 0x3fffffff;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}

/**
 * Character differences from `from` to `to` (a longest common subsequence; deletions before
 * insertions in a changed run). Hand-written: memory texts are short, and this is many times
 * faster than a general diff library in a lookup of thousands of segments.
 */
export function diffTexts(from: string, to: string): DiffPart[] {
  const a = [...from];
  const b = [...to];
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // lcs[i * w + j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * w + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * w + j] as number, lcs[i * w + j + 1] as number);
    }
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.op === op) parts[parts.length - 1] = { op, text: last.text + text };
    else parts.push({ op, text });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      push('equal', a[i++] as string);
      j++;
    } else if (j >= m || (i < n && (lcs[(i + 1) * w + j] as number) >= (lcs[i * w + j + 1] as number)))
      push('delete', a[i++] as string);
    else push('insert', b[j++] as string);
  }
  return parts;
}

/** Entry ids per bigram hash: `ids[starts[k]..starts[k + 1])` hold the ids of `keys[k]`. */
interface Postings {
  readonly keys: Int32Array;
  readonly starts: Int32Array;
  readonly ids: Int32Array;
  /** Entries [0, covered) are in it. */
  readonly covered: number;
  range(key: number): readonly [number, number];
}

function buildPostings(points: readonly (number[] | null)[]): Postings {
  let total = 0;
  const perEntry: number[][] = points.map((p) => {
    const keys = p ? bigramKeys(p) : [];
    total += keys.length;
    return keys;
  });
  // (key, id) packed in one float64 (30 + 22 bits, exact), sorted natively.
  const packed = new Float64Array(total);
  let n = 0;
  perEntry.forEach((keys, id) => {
    for (const k of keys) packed[n++] = k * 4194304 + id;
  });
  if (points.length > 4194304) throw new RangeError('translation memory too large for one index');
  packed.sort();
  const ids = new Int32Array(total);
  const keyList: number[] = [];
  const startList: number[] = [];
  let last = -1;
  for (let i = 0; i < total; i++) {
    const v = packed[i] as number;
    const key = Math.floor(v / 4194304);
    ids[i] = v - key * 4194304;
    if (key !== last) {
      keyList.push(key);
      startList.push(i);
      last = key;
    }
  }
  startList.push(total);
  const keys = Int32Array.from(keyList);
  const starts = Int32Array.from(startList);
  return {
    keys,
    starts,
    ids,
    covered: points.length,
    range(key) {
      let lo = 0;
      let hi = keys.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const k = keys[mid] as number;
        if (k === key) return [starts[mid] as number, starts[mid + 1] as number];
        if (k < key) lo = mid + 1;
        else hi = mid - 1;
      }
      return [0, 0];
    },
  };
}

export class MemoryIndex {
  private readonly entries: (TmEntry | null)[] = [];
  private readonly points: (number[] | null)[] = [];
  private readonly byKey = new Map<string, number>();
  private postings: Postings | null = null;
  /** Entry ids by normalized length, for short queries. */
  private readonly byLength = new Map<number, number[]>();
  private counts = new Uint16Array(1024);
  /** Normalized length per entry id (0 once removed), packed so the counting loop stays in cache. */
  private lengths = new Int32Array(1024);
  private live = 0;

  get size(): number {
    return this.live;
  }

  /** Add or replace (same normalized source) a pair; empty sides are ignored. Returns whether it changed. */
  add(pair: TmPair, updated = Date.now()): boolean {
    const source = pair.source.trim();
    const target = pair.target.trim();
    const key = normalizeSource(source);
    if (key === '' || target === '') return false;
    const existing = this.byKey.get(key);
    if (existing !== undefined) {
      const old = this.entries[existing] as TmEntry;
      if (old.target === target && old.source === source) return false;
      // Same key: replace the texts in place; the index (built from the key) stays valid.
      this.entries[existing] = { source, target, updated };
      return true;
    }
    const id = this.entries.length;
    const points = codePoints(key);
    this.entries.push({ source, target, updated });
    this.points.push(points);
    if (id >= this.lengths.length) {
      const grown = new Int32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[id] = points.length;
    this.byKey.set(key, id);
    const band = this.byLength.get(points.length);
    if (band) band.push(id);
    else this.byLength.set(points.length, [id]);
    this.live++;
    return true;
  }

  remove(source: string): boolean {
    const key = normalizeSource(source);
    const id = this.byKey.get(key);
    if (id === undefined) return false;
    this.byKey.delete(key);
    this.entries[id] = null;
    this.points[id] = null;
    this.lengths[id] = 0;
    this.live--;
    return true;
  }

  exact(source: string): TmEntry | undefined {
    const id = this.byKey.get(normalizeSource(source));
    return id === undefined ? undefined : (this.entries[id] ?? undefined);
  }

  *all(): Generator<TmEntry> {
    for (const e of this.entries) if (e) yield e;
  }

  /** The best matches at or above `threshold`, most similar first (an exact match included, at 1). */
  fuzzy(source: string, options: { threshold?: number; limit?: number } = {}): FuzzyMatch[] {
    const threshold = options.threshold ?? FUZZY_THRESHOLD;
    const limit = options.limit ?? 3;
    const q = codePoints(normalizeSource(source));
    const L = q.length;
    if (L === 0) return [];
    const minLength = Math.ceil(threshold * L - 1e-9);
    const maxLength = Math.floor(L / threshold + 1e-9);
    const kMax = Math.floor((1 - threshold) * maxLength + 1e-9);
    const found: { id: number; similarity: number }[] = [];
    const check = (id: number) => {
      const p = this.points[id];
      if (!p || p.length < minLength || p.length > maxLength) return;
      const longer = Math.max(L, p.length);
      const allowed = Math.floor((1 - threshold) * longer + 1e-9);
      const d = editDistance(q, p, allowed);
      if (d <= allowed) found.push({ id, similarity: 1 - d / longer });
    };
    const keys = bigramKeys(q);
    if (keys.length - 2 * kMax <= 0) {
      for (let len = minLength; len <= maxLength; len++) for (const id of this.byLength.get(len) ?? []) check(id);
    } else {
      // Count, per entry in the length band, the query bigrams it has; verify only those with enough.
      const postings = this.currentPostings();
      const ids = postings.ids;
      if (this.counts.length < this.points.length) this.counts = new Uint16Array(this.points.length * 2);
      const counts = this.counts;
      const lengths = this.lengths;
      const touched: number[] = [];
      // The longest lists (the commonest bigrams) are skipped: an entry may hold up to `skip` of its
      // shared bigrams there, so it needs that many fewer in the lists read.
      const skip = Math.floor((keys.length - 2 * kMax - 1) / 2);
      const ranges = keys.map((k) => postings.range(k)).sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
      for (const [from, to] of ranges.slice(0, ranges.length - skip)) {
        for (let i = from; i < to; i++) {
          const id = ids[i] as number;
          const length = lengths[id] as number;
          if (length < minLength || length > maxLength) continue;
          const c = counts[id] as number;
          counts[id] = c + 1;
          if (c === 0) touched.push(id);
        }
      }
      for (const id of touched) {
        const longer = Math.max(L, lengths[id] as number);
        const allowed = Math.floor((1 - threshold) * longer + 1e-9);
        if ((counts[id] as number) >= keys.length - 2 * allowed - skip) check(id);
        counts[id] = 0;
      }
      for (let id = postings.covered; id < this.points.length; id++) check(id);
    }
    found.sort(
      (a, b) => b.similarity - a.similarity || (this.entries[b.id]?.updated ?? 0) - (this.entries[a.id]?.updated ?? 0),
    );
    return found.slice(0, limit).map(({ id, similarity }) => {
      const entry = this.entries[id] as TmEntry;
      return { ...entry, similarity, diff: diffTexts(entry.source, source.trim()) };
    });
  }

  /** The postings, rebuilt when the pairs added since the last build outgrow a tenth of them. */
  private currentPostings(): Postings {
    const p = this.postings;
    if (p && this.points.length - p.covered <= Math.max(1000, p.covered / 10)) return p;
    this.postings = buildPostings(this.points);
    return this.postings;
  }
}
