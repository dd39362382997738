import { describe, expect, it } from 'vitest';
import { detectSpeech } from './speech';
import { synthesize } from './testing/synth';

const toMs = (spans: { start: number; end: number }[], rate = 100) =>
  spans.map((s) => ({ start: (s.start * 1000) / rate, end: (s.end * 1000) / rate }));

describe('detectSpeech', () => {
  it('finds speech bursts separated by pauses, within a frame or two', () => {
    const { envelope, bursts } = synthesize([
      { quiet: 1000 },
      { speech: 2000 },
      { quiet: 500 },
      { speech: 1200 },
      { quiet: 800 },
    ]);
    const found = toMs(detectSpeech(envelope));
    expect(found).toHaveLength(2);
    found.forEach((s, k) => {
      expect(Math.abs(s.start - (bursts[k]?.start ?? 0))).toBeLessThanOrEqual(20);
      expect(Math.abs(s.end - (bursts[k]?.end ?? 0))).toBeLessThanOrEqual(60);
    });
  });

  it('keeps gaps between syllables and short breaks inside speech', () => {
    const { envelope } = synthesize([
      { quiet: 500 },
      { speech: 1000 },
      { quiet: 80 },
      { speech: 1000 },
      { quiet: 500 },
    ]);
    expect(detectSpeech(envelope)).toHaveLength(1);
  });

  it('follows a noise floor that rises halfway through', () => {
    const pieces = [];
    for (let k = 0; k < 12; k++) pieces.push({ quiet: 700 }, { speech: 1500 });
    pieces.push({ quiet: 700 });
    // −54 dB of hiss, then −30 dB (a fan switched on) under speech at about −10 dB.
    const { envelope, bursts } = synthesize(pieces, { noise: (ms) => (ms < 13_000 ? 0.002 : 0.03) });
    const found = toMs(detectSpeech(envelope));
    expect(found).toHaveLength(bursts.length);
    found.forEach((s, k) => {
      expect(Math.abs(s.start - (bursts[k]?.start ?? 0))).toBeLessThanOrEqual(30);
    });
  });

  it('finds nothing in silence and ignores a click', () => {
    const values = new Array(500).fill(0.001);
    expect(detectSpeech({ values, rate: 100, durationMs: 5000 })).toEqual([]);
    values[200] = 0.8;
    expect(detectSpeech({ values, rate: 100, durationMs: 5000 })).toEqual([]);
    expect(detectSpeech({ values: [], rate: 100, durationMs: 0 })).toEqual([]);
  });
});
