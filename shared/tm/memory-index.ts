import { diffChars } from 'diff';
import { codePoints, editDistance } from './similarity';

/**
 * The translation memory in memory: exact lookup by normalized source, and fuzzy lookup (similarity
 * at least 75 %) through an inverted index of character bigrams. A candidate within edit distance
 * k of a query with D distinct bigrams shares at least D − 2k of them (an edit breaks at most two),
 * so only the postings of the 2k + 1 rarest query bigrams need reading; candidates are then checked
 * with a banded edit distance. Short queries (where the bound says nothing) scan their length band.
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

/** The key sources are compared by: NFKC, lower case, no white space, no punctuation at the ends. */
export function normalizeSource(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(EDGE_PUNCTUATION, '').replace(/\s+/g, '');
}

function bigramKeys(points: readonly number[]): number[] {
  const keys = new Set<number>();
  for (let i = 0; i + 1 < points.length; i++) keys.add((points[i] as number) * 0x110000 + (points[i + 1] as number));
  return [...keys];
}

export function diffTexts(from: string, to: string): DiffPart[] {
  return diffChars(from, to).map((p) => ({ op: p.added ? 'insert' : p.removed ? 'delete' : 'equal', text: p.value }));
}

export class MemoryIndex {
  private readonly entries: (TmEntry | null)[] = [];
  private readonly points: (number[] | null)[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly postings = new Map<number, number[]>();
  /** Entry ids by normalized length, for short queries. */
  private readonly byLength = new Map<number, number[]>();
  private stamp = new Uint32Array(1024);
  private stampValue = 0;
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
    this.byKey.set(key, id);
    for (const k of bigramKeys(points)) {
      const list = this.postings.get(k);
      if (list) list.push(id);
      else this.postings.set(k, [id]);
    }
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
    const needShared = keys.length - 2 * kMax;
    if (needShared <= 0) {
      for (let len = minLength; len <= maxLength; len++) for (const id of this.byLength.get(len) ?? []) check(id);
    } else {
      const lists = keys.map((k) => this.postings.get(k) ?? []).sort((a, b) => a.length - b.length);
      const probe = lists.slice(0, keys.length - needShared + 1);
      this.nextStamp();
      for (const list of probe) {
        for (const id of list) {
          if (this.stamp[id] === this.stampValue) continue;
          this.stamp[id] = this.stampValue;
          check(id);
        }
      }
    }
    found.sort(
      (a, b) => b.similarity - a.similarity || (this.entries[b.id]?.updated ?? 0) - (this.entries[a.id]?.updated ?? 0),
    );
    return found.slice(0, limit).map(({ id, similarity }) => {
      const entry = this.entries[id] as TmEntry;
      return { ...entry, similarity, diff: diffTexts(entry.source, source.trim()) };
    });
  }

  private nextStamp(): void {
    if (this.stamp.length < this.entries.length) this.stamp = new Uint32Array(this.entries.length * 2);
    this.stampValue++;
    if (this.stampValue === 0xffffffff) {
      this.stamp.fill(0);
      this.stampValue = 1;
    }
  }
}
