import { describe, expect, it } from 'vitest';
import {
  buildLevels,
  decodePeaksFile,
  decodePeaksHeader,
  encodePeaksFile,
  foldLevel,
  type PeaksLevel,
  pairsFor,
} from './peaks-file';

function level(values: [number, number][], over: Partial<PeaksLevel> = {}): PeaksLevel {
  return {
    peaksPerSecond: 100,
    sampleRate: 48000,
    durationMs: values.length * 10,
    count: values.length,
    level: 0,
    levels: 1,
    pairs: Int16Array.from(values.flat()),
    ...over,
  };
}

describe('peaks file', () => {
  it('lays out the documented 32-byte little-endian header, then the pairs', () => {
    const bytes = encodePeaksFile(
      level(
        [
          [-1, 2],
          [-32767, 32767],
          [0, 0],
        ],
        { durationMs: 25, level: 1, levels: 4 },
      ),
    );
    expect(bytes.length).toBe(32 + 3 * 4);
    expect(bytes.toString('latin1', 0, 4)).toBe('ZPK1');
    expect(bytes.readUInt16LE(4)).toBe(1);
    expect(bytes.readUInt16LE(6)).toBe(32);
    expect(bytes.readDoubleLE(8)).toBe(100);
    expect(bytes.readUInt32LE(16)).toBe(48000);
    expect(bytes.readUInt32LE(20)).toBe(25);
    expect(bytes.readUInt32LE(24)).toBe(3);
    expect(bytes.readUInt16LE(28)).toBe(1);
    expect(bytes.readUInt16LE(30)).toBe(4);
    expect([0, 1, 2, 3, 4, 5].map((i) => bytes.readInt16LE(32 + 2 * i))).toEqual([-1, 2, -32767, 32767, 0, 0]);
  });

  it('reads back what it writes', () => {
    const original = level(
      [
        [-5, 7],
        [-300, 1200],
      ],
      { peaksPerSecond: 6.25, level: 2, levels: 4 },
    );
    expect(decodePeaksFile(encodePeaksFile(original))).toEqual(original);
  });

  it('refuses anything that is not a complete peaks file', () => {
    const good = encodePeaksFile(
      level([
        [-1, 1],
        [-2, 2],
      ]),
    );
    expect(decodePeaksHeader(good, good.length)).not.toBeNull();
    const broken = (edit: (b: Buffer) => void) => {
      const b = Buffer.from(good);
      edit(b);
      return decodePeaksFile(b);
    };
    expect(decodePeaksFile(good.subarray(0, good.length - 1))).toBeNull(); // short
    expect(decodePeaksFile(Buffer.concat([good, Buffer.alloc(4)]))).toBeNull(); // trailing bytes
    expect(decodePeaksFile(good.subarray(0, 20))).toBeNull(); // not even a header
    expect(broken((b) => b.write('RIFF', 0))).toBeNull();
    expect(broken((b) => b.writeUInt16LE(2, 4))).toBeNull(); // a future version
    expect(broken((b) => b.writeUInt16LE(64, 6))).toBeNull();
    expect(broken((b) => b.writeDoubleLE(Number.NaN, 8))).toBeNull();
    expect(broken((b) => b.writeDoubleLE(0, 8))).toBeNull();
    expect(broken((b) => b.writeUInt32LE(3, 24))).toBeNull(); // count disagrees with the size
    expect(broken((b) => b.writeUInt16LE(1, 28))).toBeNull(); // level 1 of 1
  });

  it('counts the pairs a duration needs, the last one partial', () => {
    expect(pairsFor(3000, 100)).toBe(300);
    expect(pairsFor(3001, 100)).toBe(301);
    expect(pairsFor(0, 100)).toBe(0);
    expect(pairsFor(7_200_000, 1.5625)).toBe(11250);
  });
});

describe('levels', () => {
  it('folds 4 pairs into one: min of the mins, max of the maxes; the last may fold fewer', () => {
    const fine = level([
      [-1, 1],
      [-9, 2],
      [-3, 8],
      [0, 0],
      [-4, 4],
      [-2, 6],
    ]);
    const coarse = foldLevel({ ...fine, levels: 2 });
    expect(coarse).toMatchObject({ peaksPerSecond: 25, count: 2, level: 1, durationMs: fine.durationMs });
    expect(Array.from(coarse.pairs)).toEqual([-9, 8, -4, 6]);
  });

  it('builds 100, 25, 6.25 and 1.5625 peaks per second from the decoded pairs', () => {
    const values: [number, number][] = Array.from({ length: 1000 }, (_, i) => [-i, i]);
    const { level: _l, levels: _ls, ...finest } = level(values);
    const levels = buildLevels(finest);
    expect(levels.map((l) => [l.peaksPerSecond, l.count, l.level, l.levels])).toEqual([
      [100, 1000, 0, 4],
      [25, 250, 1, 4],
      [6.25, 63, 2, 4],
      [1.5625, 16, 3, 4],
    ]);
    expect(Array.from(levels[3]?.pairs.subarray(0, 2) ?? [])).toEqual([-63, 63]);
    expect(Array.from(levels[3]?.pairs.subarray(30) ?? [])).toEqual([-999, 999]);
  });
});
