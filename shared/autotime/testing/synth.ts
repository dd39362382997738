import type { Envelope } from '../speech';

/** A stretch of synthetic audio: speech (syllables with short dips) or quiet, `ms` long. */
export type Piece = { speech: number } | { quiet: number };

export interface SynthOptions {
  /** Frames per second (100 = one per 10 ms, as the waveform peaks). */
  rate?: number;
  /** Amplitude of the background (full scale 1). */
  noise?: number | ((ms: number) => number);
  /** Amplitude of speech. */
  level?: number;
  seed?: number;
}

/** A deterministic pseudo-random generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The envelope of `pieces` in order, and where each speech piece starts and ends (ms). Speech
 * varies in level per syllable (~200 ms) with a 30 ms dip between syllables, like real speech at
 * the peaks' resolution; the background is noise around `noise`.
 */
export function synthesize(pieces: readonly Piece[], options: SynthOptions = {}) {
  const rate = options.rate ?? 100;
  const level = options.level ?? 0.3;
  const noiseAt = typeof options.noise === 'function' ? options.noise : () => (options.noise as number) ?? 0.002;
  const rand = random(options.seed ?? 1);
  const frameMs = 1000 / rate;
  const values: number[] = [];
  const bursts: { start: number; end: number }[] = [];
  let t = 0;
  for (const piece of pieces) {
    const ms = 'speech' in piece ? piece.speech : piece.quiet;
    const frames = Math.round(ms / frameMs);
    let syllable = level * (0.5 + rand());
    for (let f = 0; f < frames; f++) {
      const at = t + f * frameMs;
      const noise = noiseAt(at) * (0.5 + rand());
      if ('speech' in piece) {
        const inSyllable = (f * frameMs) % 200;
        if (inSyllable < frameMs) syllable = level * (0.5 + rand());
        const dip = inSyllable >= 170 && f * frameMs < ms - 200;
        values.push(Math.max(noise, dip ? syllable * 0.15 : syllable));
      } else values.push(noise);
    }
    if ('speech' in piece) bursts.push({ start: t, end: t + frames * frameMs });
    t += frames * frameMs;
  }
  const envelope: Envelope = { values, rate, durationMs: Math.round(t) };
  return { envelope, bursts };
}
