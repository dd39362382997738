/**
 * Where someone speaks, from a loudness envelope: an adaptive threshold between the local noise
 * floor and the speech level, with hysteresis, a hangover, and pauses only where the signal stays
 * quiet long enough.
 */

/** Loudness per frame: linear amplitude, full scale 1 (for instance the larger |peak| of each 10 ms). */
export interface Envelope {
  readonly values: ArrayLike<number>;
  /** Frames per second. */
  readonly rate: number;
  /** Media duration in ms (the frames may cover a little more or less). */
  readonly durationMs: number;
}

export interface SpeechOptions {
  /** Quiet stretches shorter than this are gaps between words, not pauses. */
  minPauseMs: number;
  /** Louder stretches shorter than this (clicks, breaths) are not speech. */
  minSpeechMs: number;
  /** Speech is held this long after the level falls below the threshold (soft word endings). */
  hangoverMs: number;
  /** Where between noise floor (0) and speech level (1) the threshold sits, on the dB scale. */
  thresholdRatio: number;
  /** The threshold is at least this far above the noise floor. */
  minMarginDb: number;
  /** The level must fall this far below the threshold to end speech (hysteresis). */
  hysteresisDb: number;
}

export const DEFAULT_SPEECH_OPTIONS: SpeechOptions = {
  minPauseMs: 100,
  minSpeechMs: 60,
  hangoverMs: 30,
  thresholdRatio: 0.3,
  minMarginDb: 6,
  hysteresisDb: 3,
};

/** A stretch of frames, [start, end). */
export interface FrameSpan {
  readonly start: number;
  readonly end: number;
}

/** Levels below this are treated as this (digital silence would otherwise be −∞ dB). */
const FLOOR_DB = -80;
/** Noise floor: a low percentile per block of this many seconds, then the minimum over a window. */
const BLOCK_SECONDS = 1;
const FLOOR_WINDOW_SECONDS = 5;
const FLOOR_PERCENTILE = 0.2;
const SPEECH_PERCENTILE = 0.95;

export function toDb(amplitude: number): number {
  return amplitude > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(amplitude)) : FLOOR_DB;
}

function percentile(values: Float64Array, p: number): number {
  if (values.length === 0) return FLOOR_DB;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

/**
 * The noise floor near each frame, in dB: each block's low percentile, then the smallest of those
 * over FLOOR_WINDOW_SECONDS before the block and, separately, after it ("minimum statistics"); the
 * larger of the two wins, so where the room gets louder (a fan switched on) the floor rises at once
 * instead of a window later, and speech is never mistaken for noise while a pause is near.
 */
export function noiseFloor(db: Float64Array, rate: number): Float64Array {
  const block = Math.max(1, Math.round(BLOCK_SECONDS * rate));
  const blocks = Math.ceil(db.length / block);
  const low = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) low[b] = percentile(db.subarray(b * block, (b + 1) * block), FLOOR_PERCENTILE);
  const reach = Math.max(1, Math.round(FLOOR_WINDOW_SECONDS / BLOCK_SECONDS));
  const out = new Float64Array(db.length);
  for (let b = 0; b < blocks; b++) {
    let before = Number.POSITIVE_INFINITY;
    let after = Number.POSITIVE_INFINITY;
    for (let c = Math.max(0, b - reach); c <= b; c++) before = Math.min(before, low[c] as number);
    for (let c = b; c <= Math.min(blocks - 1, b + reach); c++) after = Math.min(after, low[c] as number);
    out.fill(Math.max(before, after), b * block, Math.min(db.length, (b + 1) * block));
  }
  return out;
}

/** Speech stretches of the envelope in frames, ordered and disjoint. */
export function detectSpeech(envelope: Envelope, options: Partial<SpeechOptions> = {}): FrameSpan[] {
  const o = { ...DEFAULT_SPEECH_OPTIONS, ...options };
  const n = envelope.values.length;
  if (n === 0) return [];
  const db = new Float64Array(n);
  for (let i = 0; i < n; i++) db[i] = toDb(Math.abs(envelope.values[i] as number));
  const floor = noiseFloor(db, envelope.rate);
  const speechLevel = percentile(db, SPEECH_PERCENTILE);
  const frames = (ms: number) => Math.max(0, Math.round((ms * envelope.rate) / 1000));

  // Hysteresis: speech starts above the threshold and ends only below threshold − hysteresis.
  const raw: FrameSpan[] = [];
  let on = -1;
  for (let i = 0; i < n; i++) {
    const f = floor[i] as number;
    const high = f + Math.max(o.minMarginDb, o.thresholdRatio * (speechLevel - f));
    const level = db[i] as number;
    if (on < 0 && level > high) on = i;
    else if (on >= 0 && level < high - o.hysteresisDb) {
      raw.push({ start: on, end: i });
      on = -1;
    }
  }
  if (on >= 0) raw.push({ start: on, end: n });

  // Hangover, then close gaps too short to be pauses, then drop blips too short to be speech.
  const hang = frames(o.hangoverMs);
  const minPause = frames(o.minPauseMs);
  const merged: FrameSpan[] = [];
  for (const span of raw) {
    const end = Math.min(n, span.end + hang);
    const last = merged.at(-1);
    if (last && span.start - last.end < minPause) merged[merged.length - 1] = { start: last.start, end };
    else merged.push({ start: span.start, end });
  }
  const minSpeech = frames(o.minSpeechMs);
  return merged.filter((s) => s.end - s.start >= Math.max(1, minSpeech));
}
