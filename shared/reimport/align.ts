import { diffChars } from 'diff';

/**
 * Put a corrected text back onto the segments it came from, when the correction changed the
 * segmentation (merged or split phrases, dropped fillers, rewritten sentences).
 *
 * The old texts are joined into one string O with the joiners the export used (`，` between the
 * phrases of a paragraph, a blank line between paragraphs, a line break between lines), and O is
 * aligned with the corrected text C character by character (jsdiff's Myers diff). Every boundary
 * between two segments is then mapped through the alignment:
 * - its joiner was kept (matched as equal) → the cut is exactly there (confidence 1);
 * - otherwise the boundary lies in a changed region of C; the cut goes, in order of preference, to
 *   a joiner in that region (`，` or whitespace, consumed), after other punctuation
 *   (`。！？、；：,.!?`), or to an edge of the region where the old neighbourhood matches, whichever
 *   is nearest to the boundary's proportional position; with none of these the proportional
 *   position is used, with a low confidence.
 * Each segment gets the corrected text between its two cuts, trimmed.
 *
 * What is structure, not text: the consumed joiners at cuts and whitespace trimmed off pieces.
 * `structure` records it, so that `structure[0] + text[0] + structure[1] + … + text[n-1] +
 * structure[n]` is exactly C for the pieces that took corrected text (pieces marked `kept` keep
 * their old text and contribute '' to that concatenation): no character of C is dropped or doubled.
 *
 * Missing text: when two or more consecutive segments get nothing (a paragraph the corrected text
 * lacks), they keep their old text, marked `kept` with confidence 0, rather than being emptied. A
 * single segment that gets nothing is emptied with a low confidence.
 */

export interface AlignedPiece {
  /** The corrected text this segment gets (its old text when `kept`). */
  text: string;
  /** 0..1: how sure the placement is. */
  confidence: number;
  /** No corrected text could be placed here: the old text is kept. */
  kept: boolean;
}

export interface Alignment {
  pieces: AlignedPiece[];
  /** n + 1 runs of C that are structure (joiners, whitespace) around and between the pieces. */
  structure: string[];
}

/** Punctuation a cut may follow; the punctuation stays with the segment before the cut. */
const PUNCTUATION = new Set('。！？、；：,.!?…'.split(''));
const isSpace = (ch: string | undefined) => ch !== undefined && /\s/.test(ch);
const isJoiner = (ch: string | undefined) => ch === '，' || isSpace(ch);

/** Confidence by how a cut was found. */
const CONFIDENCE = {
  exact: 1,
  closed: 0.9,
  joiner: 0.9,
  punctuation: 0.8,
  anchored: 0.75,
  edge: 0.6,
  proportional: 0.3,
} as const;
/** Kind preference, added to the normalised distance from the proportional position. */
const PENALTY = { joiner: 0, anchored: 0.1, punctuation: 0.15, edge: 0.35, proportional: 0.6 } as const;

interface Cut {
  start: number;
  end: number;
  confidence: number;
}

/** Length of the joiner run at x: whitespace, at most one `，`, whitespace; never past `limit`. */
function joinerRun(c: string, x: number, limit: number): number {
  let k = x;
  while (k < limit && isSpace(c[k])) k++;
  if (k < limit && c[k] === '，') k++;
  while (k < limit && isSpace(c[k])) k++;
  return k - x;
}

/** Characters of o[from, to) that are not punctuation, joiners or whitespace. */
function countWords(o: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (!isJoiner(o[k]) && !PUNCTUATION.has(o[k] as string)) count++;
  return count;
}

function spaceRun(c: string, x: number, limit: number): number {
  let k = x;
  while (k < limit && isSpace(c[k])) k++;
  return k - x;
}

/** How good a place the boundary between `a` and `b` is for an edit to begin or end (higher is better). */
function boundaryScore(a: string, b: string): number {
  if (a === '' || b === '') return 6;
  const before = a[a.length - 1] as string;
  const after = b[0] as string;
  if (/\n\s*\n$/.test(a) || /^\s*\n\s*\n/.test(b)) return 5;
  if (before === '\n' || after === '\n') return 4;
  if (isJoiner(before) || PUNCTUATION.has(before)) return 3;
  if (isJoiner(after) || PUNCTUATION.has(after)) return 2;
  return 0;
}

interface Part {
  value: string;
  kind: 'equal' | 'removed' | 'added';
}

/**
 * Slide every lone insertion or deletion between two equal runs to the best place it can occupy
 * with the same result (as diff-match-patch's semantic lossless cleanup does): a deleted paragraph
 * `…。\n\n第二段…\n\n第三段` is then the paragraph, not `二段…\n\n第` starting inside a word.
 */
function slideEdits(parts: Part[]): void {
  for (let i = 1; i < parts.length - 1; i++) {
    const prev = parts[i - 1] as Part;
    const cur = parts[i] as Part;
    const next = parts[i + 1] as Part;
    if (prev.kind !== 'equal' || next.kind !== 'equal' || cur.kind === 'equal') continue;
    let eq1 = prev.value;
    let edit = cur.value;
    let eq2 = next.value;
    // Shift as far left as possible, then try every position to the right.
    let common = 0;
    while (
      common < eq1.length &&
      common < edit.length &&
      eq1[eq1.length - 1 - common] === edit[edit.length - 1 - common]
    )
      common++;
    if (common > 0) {
      const shared = edit.slice(edit.length - common);
      eq1 = eq1.slice(0, eq1.length - common);
      edit = shared + edit.slice(0, edit.length - common);
      eq2 = shared + eq2;
    }
    let best = { eq1, edit, eq2, score: boundaryScore(eq1, edit) + boundaryScore(edit, eq2) };
    while (edit.length > 0 && eq2.length > 0 && edit[0] === eq2[0]) {
      eq1 += edit[0];
      edit = edit.slice(1) + eq2[0];
      eq2 = eq2.slice(1);
      const score = boundaryScore(eq1, edit) + boundaryScore(edit, eq2);
      if (score >= best.score) best = { eq1, edit, eq2, score };
    }
    prev.value = best.eq1;
    cur.value = best.edit;
    next.value = best.eq2;
  }
}

/** Texts up to this many characters (both together) are diffed in one go. */
const DIRECT_DIFF_LIMIT = 6000;
/** Anchors: substrings of this length found once in each text, sampled this far apart in O. */
const ANCHOR_LENGTH = 16;
const ANCHOR_STEP = 48;

function charDiff(o: string, c: string): Part[] {
  if (o === '' && c === '') return [];
  if (o === '') return [{ value: c, kind: 'added' }];
  if (c === '') return [{ value: o, kind: 'removed' }];
  return diffChars(o, c).map((p) => ({ value: p.value, kind: p.added ? 'added' : p.removed ? 'removed' : 'equal' }));
}

/**
 * Pairs (O position, C position) of substrings that occur exactly once in each text, in the same
 * order in both (the longest increasing run of C positions, as patience diff does).
 */
function findAnchors(o: string, c: string): [number, number][] {
  // How often each sampled substring of O occurs in O and in C, and where in C.
  const grams = new Map<string, { inO: number; inC: number; at: number }>();
  for (let i = 0; i + ANCHOR_LENGTH <= o.length; i += ANCHOR_STEP)
    grams.set(o.slice(i, i + ANCHOR_LENGTH), { inO: 0, inC: 0, at: -1 });
  for (let i = 0; i + ANCHOR_LENGTH <= o.length; i++) {
    const entry = grams.get(o.slice(i, i + ANCHOR_LENGTH));
    if (entry) entry.inO++;
  }
  for (let i = 0; i + ANCHOR_LENGTH <= c.length; i++) {
    const entry = grams.get(c.slice(i, i + ANCHOR_LENGTH));
    if (entry) {
      entry.inC++;
      entry.at = i;
    }
  }
  const found: [number, number][] = [];
  for (let i = 0; i + ANCHOR_LENGTH <= o.length; i += ANCHOR_STEP) {
    const entry = grams.get(o.slice(i, i + ANCHOR_LENGTH));
    if (entry && entry.inO === 1 && entry.inC === 1) found.push([i, entry.at]);
  }
  // Longest increasing subsequence of C positions (O positions already increase).
  const tails: number[] = [];
  const previous: number[] = new Array(found.length).fill(-1);
  for (let k = 0; k < found.length; k++) {
    const value = (found[k] as [number, number])[1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((found[tails[mid] as number] as [number, number])[1] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1] as number;
    tails[lo] = k;
  }
  const chain: [number, number][] = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = previous[k] as number)
    chain.push(found[k] as [number, number]);
  return chain.reverse();
}

/**
 * The character diff of O and C. Long texts are cut at anchors (unique substrings common to both)
 * and diffed piece by piece: Myers' diff is quadratic in the number of edits, and a corrected
 * transcript has edits everywhere.
 */
function diffParts(o: string, c: string): Part[] {
  if (o.length + c.length <= DIRECT_DIFF_LIMIT) return charDiff(o, c);
  const parts: Part[] = [];
  let oi = 0;
  let ci = 0;
  for (const [ao, ac] of findAnchors(o, c)) {
    if (ao < oi || ac < ci) continue;
    parts.push(...charDiff(o.slice(oi, ao), c.slice(ci, ac)));
    parts.push({ value: o.slice(ao, ao + ANCHOR_LENGTH), kind: 'equal' });
    oi = ao + ANCHOR_LENGTH;
    ci = ac + ANCHOR_LENGTH;
  }
  parts.push(...charDiff(o.slice(oi), c.slice(ci)));
  // Neighbouring parts of one kind become one (anchors next to equal runs, and so on).
  const merged: Part[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.kind === part.kind) last.value += part.value;
    else merged.push({ ...part });
  }
  // Keep removals before additions inside a changed run, as jsdiff does.
  for (let i = 1; i < merged.length; i++) {
    const a = merged[i - 1] as Part;
    const b = merged[i] as Part;
    if (a.kind === 'added' && b.kind === 'removed') {
      merged[i - 1] = b;
      merged[i] = a;
    }
  }
  return merged;
}

/**
 * For every O position, the C position of the same character when the diff kept it, else -1.
 * Positions count UTF-16 code units, as JavaScript strings (and jsdiff) do.
 */
function matchPositions(o: string, c: string): Int32Array {
  const map = new Int32Array(o.length).fill(-1);
  const parts = diffParts(o, c);
  slideEdits(parts);
  let oi = 0;
  let ci = 0;
  for (const part of parts) {
    const n = part.value.length;
    if (part.kind === 'added') ci += n;
    else if (part.kind === 'removed') oi += n;
    else {
      for (let j = 0; j < n; j++) map[oi + j] = ci + j;
      oi += n;
      ci += n;
    }
  }
  return map;
}

/** Align `oldTexts` (joined by `joiners[k]` between k and k+1) with `corrected`. */
export function alignTexts(oldTexts: readonly string[], joiners: readonly string[], corrected: string): Alignment {
  const n = oldTexts.length;
  const c = corrected;
  if (n === 0) return { pieces: [], structure: [c] };
  const starts: number[] = [];
  const ends: number[] = [];
  let o = '';
  oldTexts.forEach((text, k) => {
    starts.push(o.length);
    o += text;
    ends.push(o.length);
    if (k < n - 1) o += joiners[k] ?? '\n';
  });
  const map = matchPositions(o, c);

  // For each O gap g (before O[g]): lo = C position after the last kept char before g,
  // hi = C position of the first kept char at or after g; prevO/nextO are those O positions.
  const lo = new Int32Array(o.length + 1);
  const prevO = new Int32Array(o.length + 1);
  let last = 0;
  let lastO = 0;
  for (let g = 0; g <= o.length; g++) {
    lo[g] = last;
    prevO[g] = lastO;
    const m = map[g];
    if (g < o.length && m !== undefined && m >= 0) {
      last = m + 1;
      lastO = g + 1;
    }
  }
  const hi = new Int32Array(o.length + 1);
  const nextO = new Int32Array(o.length + 1);
  let next = c.length;
  let nextOPos = o.length;
  for (let g = o.length; g >= 0; g--) {
    const m = map[g];
    if (g < o.length && m !== undefined && m >= 0) {
      next = m;
      nextOPos = g;
    }
    hi[g] = next;
    nextO[g] = nextOPos;
  }

  const cuts: Cut[] = [];
  let floor = 0;
  for (let k = 0; k < n - 1; k++) {
    const s = ends[k] as number;
    const e = starts[k + 1] as number;
    cuts.push(placeCut(s, e));
    floor = (cuts[k] as Cut).end;
  }

  function placeCut(s: number, e: number): Cut {
    // The joiner survived unchanged.
    let exact = e > s;
    for (let g = s; g < e && exact; g++) exact = (map[g] ?? -1) >= 0 && (g === s || map[g] === (map[g - 1] ?? 0) + 1);
    if (exact) {
      const start = Math.max(floor, map[s] as number);
      return { start, end: Math.max(start, (map[e - 1] as number) + 1), confidence: CONFIDENCE.exact };
    }
    const rLo = Math.max(floor, lo[s] as number);
    const rHi = Math.max(rLo, hi[e] as number);
    if (rLo === rHi) {
      // The joiner was deleted and nothing inserted: the neighbours on both sides still match.
      return { start: rLo, end: rLo, confidence: CONFIDENCE.closed };
    }
    // Where the boundary falls inside the changed region, estimated from both sides: the old text
    // between the last kept character and the boundary is replaced from the left, the old text after
    // the boundary from the right; punctuation is left out of the count (it is often just dropped).
    const before = countWords(o, prevO[s] as number, s);
    const after = countWords(o, e, nextO[e] as number);
    const fromLeft = Math.min(rHi, rLo + before);
    const fromRight = Math.max(rLo, rHi - after);
    const x0 = (fromLeft + fromRight) / 2;
    const agree = fromLeft === fromRight;
    const width = rHi - rLo + 1;
    let best: Cut & { score: number } = {
      start: Math.round(x0),
      end: Math.round(x0),
      confidence: agree ? CONFIDENCE.anchored : CONFIDENCE.proportional,
      score: agree ? PENALTY.anchored : PENALTY.proportional,
    };
    const consider = (start: number, end: number, kind: 'joiner' | 'punctuation' | 'edge') => {
      const score = Math.abs(start - x0) / width + PENALTY[kind];
      if (score < best.score) best = { start, end, confidence: CONFIDENCE[kind], score };
    };
    for (let x = rLo; x <= rHi; x++) {
      if (x < rHi && isJoiner(c[x])) {
        const run = joinerRun(c, x, rHi);
        if (run > 0 && (x === rLo || !isJoiner(c[x - 1]))) consider(x, x + run, 'joiner');
      }
      if (x > rLo && PUNCTUATION.has(c[x - 1] as string)) consider(x, x + spaceRun(c, x, rHi), 'punctuation');
    }
    consider(rLo, rLo + spaceRun(c, rLo, rHi), 'edge');
    consider(rHi, rHi, 'edge');
    const { start, end, confidence } = best;
    return { start, end, confidence };
  }

  const structure: string[] = [];
  const pieces: AlignedPiece[] = [];
  let from = 0;
  for (let k = 0; k < n; k++) {
    const cut = cuts[k];
    const to = cut ? cut.start : c.length;
    const raw = c.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const trail = raw.length - lead - text.length;
    structure[k] = `${structure[k] ?? ''}${raw.slice(0, lead)}`;
    structure[k + 1] = raw.slice(raw.length - trail) + (cut ? c.slice(cut.start, cut.end) : '');
    const old = oldTexts[k] as string;
    const left = k > 0 ? (cuts[k - 1] as Cut).confidence : 1;
    const right = cut ? cut.confidence : 1;
    const similarity = similarityConfidence(k, from + lead, to - trail);
    pieces.push({ text, confidence: Math.min(left, right, similarity), kept: false });
    from = cut ? cut.end : c.length;
    if (text === '' && old.trim() !== '') (pieces[k] as AlignedPiece).confidence = 0.3;
  }

  /** How much of the segment's old text the diff found inside its new text. */
  function similarityConfidence(k: number, cFrom: number, cTo: number): number {
    const s = starts[k] as number;
    const e = ends[k] as number;
    let kept = 0;
    for (let g = s; g < e; g++) {
      const m = map[g] as number;
      if (m >= cFrom && m < cTo) kept++;
    }
    const total = e - s + (cTo - cFrom);
    if (total === 0) return 1;
    return 0.4 + 0.6 * ((2 * kept) / total);
  }

  markMissing(pieces, oldTexts);
  return { pieces, structure };
}

/** Runs of two or more segments that got no text keep their old text (a paragraph the correction lacks). */
function markMissing(pieces: AlignedPiece[], oldTexts: readonly string[]): void {
  const empty = (k: number) => (pieces[k] as AlignedPiece).text === '' && (oldTexts[k] as string).trim() !== '';
  for (let k = 0; k < pieces.length; ) {
    if (!empty(k)) {
      k++;
      continue;
    }
    let end = k;
    while (end < pieces.length && empty(end)) end++;
    if (end - k >= 2) {
      for (let j = k; j < end; j++) pieces[j] = { text: oldTexts[j] as string, confidence: 0, kept: true };
    }
    k = end;
  }
}
