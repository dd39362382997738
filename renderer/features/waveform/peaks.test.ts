import { describe, expect, it } from 'vitest';
import {
  base64Bytes,
  channelsFor,
  chooseLevel,
  createLevel,
  foldLevel,
  levelFromFile,
  PEAKS_HEADER_BYTES,
  pairsFor,
  writePairs,
} from './peaks';

/** Little-endian (min, max) pairs, as the host writes them. */
function pairBytes(pairs: [number, number][]): Uint8Array {
  const view = new DataView(new ArrayBuffer(pairs.length * 4));
  pairs.forEach(([min, max], i) => {
    view.setInt16(i * 4, min, true);
    view.setInt16(i * 4 + 2, max, true);
  });
  return new Uint8Array(view.buffer);
}

/** A peaks file like electron/services/peaks-file.ts writes. */
function peaksFile(pairs: [number, number][], pps = 100): ArrayBuffer {
  const body = pairBytes(pairs);
  const out = new Uint8Array(PEAKS_HEADER_BYTES + body.length);
  const view = new DataView(out.buffer);
  out.set([0x5a, 0x50, 0x4b, 0x31], 0); // "ZPK1"
  view.setUint16(4, 1, true);
  view.setUint16(6, PEAKS_HEADER_BYTES, true);
  view.setFloat64(8, pps, true);
  view.setUint32(24, pairs.length, true);
  out.set(body, PEAKS_HEADER_BYTES);
  return out.buffer;
}

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('peaks decoding', () => {
  it('reads a peaks file after its 32-byte header into max-up / min-down envelopes', () => {
    const level = levelFromFile(
      peaksFile([
        [-32767, 32767],
        [0, 0],
        [-16384, 8192],
        [-32768, -100],
      ]),
      100,
    );
    expect(level.peaksPerSecond).toBe(100);
    expect(Array.from(level.top)).toEqual([1, 0, expect.closeTo(0.25, 4), 0]);
    // −32768 is clamped to full scale; a bucket entirely below zero draws nothing upwards.
    expect(Array.from(level.bottom)).toEqual([1, 0, expect.closeTo(0.5, 4), 1]);
  });

  it('rejects a truncated file', () => {
    expect(() => levelFromFile(new ArrayBuffer(10), 100)).toThrow(/truncated/);
  });

  it('decodes base64 chunks and writes them at their offset, dropping pairs past the end', () => {
    const level = createLevel(100, 4);
    const written = writePairs(
      level,
      2,
      base64Bytes(
        base64(
          pairBytes([
            [-3277, 3277],
            [-32767, 32767],
            [-1, 1],
          ]),
        ),
      ),
    );
    expect(written).toBe(2);
    expect(Array.from(level.top).map((v) => Math.round(v * 10) / 10)).toEqual([0, 0, 0.1, 1]);
    expect(Array.from(level.bottom).map((v) => Math.round(v * 10) / 10)).toEqual([0, 0, 0.1, 1]);
  });

  it('sizes levels from the duration', () => {
    expect(pairsFor(146_988, 100)).toBe(14_699);
    expect(pairsFor(1000, 100)).toBe(100);
    expect(pairsFor(0, 100)).toBe(0);
  });

  it('folds a level by the largest of each group', () => {
    const level = createLevel(100, 5);
    level.top.set([0.1, 0.5, 0.2, 0.3, 0.9]);
    level.bottom.set([0.4, 0.1, 0.6, 0.2, 0]);
    const coarse = foldLevel(level, 2);
    expect(coarse.peaksPerSecond).toBe(50);
    expect(Array.from(coarse.top)).toEqual([0.5, 0.30000001192092896, 0.8999999761581421]);
    expect(Array.from(coarse.bottom)).toEqual([0.4000000059604645, 0.6000000238418579, 0]);
  });

  it('cuts or pads the data to exactly the duration drawn', () => {
    const level = createLevel(100, 150);
    level.top.fill(0.5);
    const [top, bottom] = channelsFor(level, 1.2);
    expect(top.length).toBe(120);
    expect(bottom.length).toBe(120);
    const [padded] = channelsFor(level, 2);
    expect(padded.length).toBe(200);
    expect(padded[149]).toBe(0.5);
    expect(padded[150]).toBe(0);
  });
});

describe('chooseLevel', () => {
  const levels = [100, 25, 6.25, 1.5625];

  it('takes the coarsest level with a pair for every device pixel', () => {
    expect(chooseLevel(levels, 0.1)).toBe(3);
    expect(chooseLevel(levels, 1.5625)).toBe(3);
    expect(chooseLevel(levels, 2)).toBe(2);
    expect(chooseLevel(levels, 20)).toBe(1);
    expect(chooseLevel(levels, 60)).toBe(0);
  });

  it('counts device pixels on high-density screens', () => {
    expect(chooseLevel(levels, 5, 2)).toBe(1);
  });

  it('falls back to the finest level when zoomed in past it', () => {
    expect(chooseLevel(levels, 1000)).toBe(0);
    expect(chooseLevel([1.5625, 100, 25], 1000)).toBe(1);
    expect(chooseLevel([], 10)).toBe(-1);
  });
});
