/**
 * Place a run of segments on the speech inside a time window: every boundary between two segments
 * goes to a pause, chosen by dynamic programming so that each segment's speech time is as close as
 * possible to its share of the text (its weight times the window's speaking rate), and long pauses
 * are not left inside a segment. Where there are fewer pauses than boundaries, a few consecutive
 * segments may share the speech between two pauses, split in proportion to their weights.
 *
 * Times here are frames; the caller converts to milliseconds.
 */
import type { FrameSpan } from './speech';

export interface PlaceOptions {
  /** Weight of the length model: cost = durationWeight × ln(actual / expected)². */
  durationWeight: number;
  /** Cost of leaving a pause inside a segment, per median pause length of the window. */
  skipWeight: number;
  /** Cost of a boundary in the middle of speech (segments sharing the speech between two pauses). */
  splitCost: number;
  /** Partial paths kept per segment (beam); bounds time and memory on long talks. */
  beam: number;
}

export const DEFAULT_PLACE_OPTIONS: PlaceOptions = {
  durationWeight: 4,
  skipWeight: 1,
  splitCost: 3,
  beam: 150,
};

/** Softens the length model for very short segments (frames: 100 ms at the peaks' 100 per second). */
const SLACK_FRAMES = 10;
/** A span more than this many times its expected speech time is not considered (unless it must be). */
const MAX_STRETCH = 4;

interface Candidate {
  /** Where a segment ending here ends (the pause's first frame). */
  readonly start: number;
  /** Where a segment starting here starts (the pause's end). */
  readonly end: number;
  /** Speech frames from the first speech onset to `start`. */
  readonly q: number;
  /** Cost of leaving this pause inside a segment. */
  readonly skip: number;
}

interface State {
  cost: number;
  /** Candidate the previous boundary sits at, and how many segments the step placed. */
  from: number;
  group: number;
}

/**
 * Frames [start, end] of each segment, in order, for `weights` placed on `speech` (ordered spans)
 * within [lo, hi). Segments without speech to hold them share the window in proportion.
 */
export function placeRun(
  weights: readonly number[],
  speech: readonly FrameSpan[],
  lo: number,
  hi: number,
  options: Partial<PlaceOptions> = {},
): FrameSpan[] {
  const o = { ...DEFAULT_PLACE_OPTIONS, ...options };
  const n = weights.length;
  if (n === 0) return [];
  const spans = speech
    .map((s) => ({ start: Math.max(lo, s.start), end: Math.min(hi, s.end) }))
    .filter((s) => s.end > s.start);
  if (spans.length === 0) return proportional(weights, [{ start: lo, end: Math.max(lo, hi) }]);

  // Candidates: the first onset, every pause between speech spans, the last offset.
  const pauseLengths = spans.slice(1).map((s, k) => s.start - (spans[k] as FrameSpan).end);
  const reference = Math.max(1, median(pauseLengths));
  const cands: Candidate[] = [
    { start: (spans[0] as FrameSpan).start, end: (spans[0] as FrameSpan).start, q: 0, skip: 0 },
  ];
  let q = 0;
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k] as FrameSpan;
    q += s.end - s.start;
    const next = spans[k + 1];
    if (next) cands.push({ start: s.end, end: next.start, q, skip: (o.skipWeight * (next.start - s.end)) / reference });
  }
  const last = spans.at(-1) as FrameSpan;
  cands.push({ start: last.end, end: last.end, q, skip: 0 });
  const endIndex = cands.length - 1;

  const cumW = [0];
  for (const w of weights) cumW.push((cumW.at(-1) as number) + w);
  const totalW = cumW[n] as number;
  const perWeight = q / totalW;
  // Prefix sums of skip costs: skipping candidates i+1..j-1 costs skipSum[j-1] - skipSum[i].
  const skipSum = [0];
  for (let c = 1; c < cands.length; c++) skipSum.push((skipSum[c - 1] as number) + (cands[c] as Candidate).skip);
  const skipped = (i: number, j: number) => (j - 1 > i ? (skipSum[j - 1] as number) - (skipSum[i] as number) : 0);
  const maxGroup = Math.min(n, Math.max(3, Math.ceil(n / Math.max(1, endIndex)) + 1));

  const layers: Map<number, State>[] = Array.from({ length: n + 1 }, () => new Map());
  (layers[0] as Map<number, State>).set(0, { cost: 0, from: -1, group: 0 });
  const relax = (k: number, j: number, cost: number, from: number, group: number) => {
    const layer = layers[k] as Map<number, State>;
    const seen = layer.get(j);
    if (!seen || cost < seen.cost) layer.set(j, { cost, from, group });
  };

  const qs = Float64Array.from(cands, (c) => c.q);
  for (let k = 0; k < n; k++) {
    const layer = layers[k] as Map<number, State>;
    for (const [i, state] of prune(layer, o.beam)) {
      const qi = qs[i] as number;
      for (let g = 1; g <= maxGroup && k + g <= n; g++) {
        const expected = perWeight * ((cumW[k + g] as number) - (cumW[k] as number)) + SLACK_FRAMES;
        const base = state.cost + (g - 1) * o.splitCost;
        const final = k + g === n;
        // Enough candidates must remain for the segments after this step; the last step ends at the end.
        const firstJ = final ? endIndex : i + 1;
        const maxJ = final ? endIndex : endIndex - Math.ceil((n - k - g) / maxGroup);
        for (let j = firstJ; j <= maxJ; j++) {
          const actual = (qs[j] as number) - qi + SLACK_FRAMES;
          if (!final && j > i + 1 && actual > MAX_STRETCH * expected) break;
          const ratio = Math.log(actual / expected);
          relax(k + g, j, base + o.durationWeight * ratio * ratio + skipped(i, j), i, g);
        }
      }
    }
    if (k + 1 < n) layers[k + 1] = new Map(prune(layers[k + 1] as Map<number, State>, o.beam));
  }

  const steps: { from: number; to: number; group: number }[] = [];
  let j = endIndex;
  for (let k = n; k > 0; ) {
    const state = (layers[k] as Map<number, State>).get(j);
    if (!state) return proportional(weights, spans); // unreachable in practice: the last layer always has the end
    steps.unshift({ from: state.from, to: j, group: state.group });
    k -= state.group;
    j = state.from;
  }
  const out: FrameSpan[] = [];
  let k = 0;
  for (const step of steps) {
    const start = (cands[step.from] as Candidate).end;
    const end = (cands[step.to] as Candidate).start;
    const inside = spans.filter((s) => s.end > start && s.start < end);
    out.push(...proportional(weights.slice(k, k + step.group), inside.length ? inside : [{ start, end }]));
    k += step.group;
  }
  return out;
}

function prune(layer: Map<number, State>, beam: number): [number, State][] {
  const entries = [...layer];
  if (entries.length <= beam) return entries;
  return entries.sort((a, b) => a[1].cost - b[1].cost).slice(0, beam);
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Share speech `spans` among segments in proportion to their weights, counting speech time only:
 * a boundary that falls in a gap between spans moves to the next span's start.
 */
export function proportional(weights: readonly number[], spans: readonly FrameSpan[]): FrameSpan[] {
  const total = spans.reduce((sum, s) => sum + s.end - s.start, 0);
  const totalW = weights.reduce((a, b) => a + b, 0);
  const first = spans[0] as FrameSpan;
  const lastEnd = (spans.at(-1) as FrameSpan).end;
  /** The frame at which `t` frames of speech have passed. */
  const at = (t: number, preferNext: boolean): number => {
    let left = t;
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k] as FrameSpan;
      const len = s.end - s.start;
      if (left < len || (left === len && !(preferNext && k + 1 < spans.length))) return s.start + left;
      left -= len;
    }
    return lastEnd;
  };
  const out: FrameSpan[] = [];
  let acc = 0;
  let start = first.start;
  weights.forEach((w, k) => {
    acc += w;
    const isLast = k === weights.length - 1;
    const t = totalW > 0 ? Math.round((total * acc) / totalW) : total;
    const end = isLast ? lastEnd : Math.max(start, at(t, false));
    out.push({ start, end });
    start = isLast ? end : Math.max(end, at(t, true));
  });
  return out;
}
