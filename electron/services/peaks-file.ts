/**
 * The waveform peaks file (.zpk): one zoom level of a track's waveform, served to the renderer as is.
 *
 *   offset  size  type      field
 *        0     4  ASCII     magic "ZPK1"
 *        4     2  uint16    version (1)
 *        6     2  uint16    header size in bytes (32): the pairs start here
 *        8     8  float64   peaksPerSecond (100, 25, 6.25, 1.5625: each level 4× coarser)
 *       16     4  uint32    sampleRate of the decoded track (Hz)
 *       20     4  uint32    durationMs the pairs cover (the media's duration, at least)
 *       24     4  uint32    count: number of (min, max) pairs
 *       28     2  uint16    level: 0 = finest
 *       30     2  uint16    levels: how many levels were built together (level files `<key>.<n>.zpk`)
 *       32  4×count int16   pairs: min then max of each bucket, full scale ±32767
 *
 * Everything is little-endian. Pair i covers [i / peaksPerSecond, (i + 1) / peaksPerSecond) seconds
 * of media time; silence and the time after the audio ends are (0, 0). A coarser level folds 4
 * pairs of the level above into one (min of the mins, max of the maxes); its last pair may fold
 * fewer. A file is valid only if its size is exactly 32 + 4 × count bytes.
 */

export const PEAKS_MAGIC = 'ZPK1';
export const PEAKS_FILE_VERSION = 1;
export const PEAKS_HEADER_BYTES = 32;
export const PEAKS_EXTENSION = '.zpk';
/** Pairs of a level fold into one pair of the next. */
export const LEVEL_FOLD = 4;
/** Levels built after a decode: 100 → 25 → 6.25 → 1.5625 peaks per second. */
export const LEVEL_COUNT = 4;

export interface PeaksHeader {
  peaksPerSecond: number;
  sampleRate: number;
  durationMs: number;
  count: number;
  level: number;
  levels: number;
}

export interface PeaksLevel extends PeaksHeader {
  /** Interleaved (min, max) pairs, 2 × count values. */
  pairs: Int16Array;
}

/** The bytes of a peaks file. (Int16Array is little-endian on every platform Zimu runs on.) */
export function encodePeaksFile(level: PeaksLevel): Buffer {
  const out = Buffer.alloc(PEAKS_HEADER_BYTES + level.count * 4);
  out.write(PEAKS_MAGIC, 0, 'latin1');
  out.writeUInt16LE(PEAKS_FILE_VERSION, 4);
  out.writeUInt16LE(PEAKS_HEADER_BYTES, 6);
  out.writeDoubleLE(level.peaksPerSecond, 8);
  out.writeUInt32LE(level.sampleRate, 16);
  out.writeUInt32LE(level.durationMs, 20);
  out.writeUInt32LE(level.count, 24);
  out.writeUInt16LE(level.level, 28);
  out.writeUInt16LE(level.levels, 30);
  const pairs = level.pairs.subarray(0, level.count * 2);
  out.set(new Uint8Array(pairs.buffer, pairs.byteOffset, pairs.byteLength), PEAKS_HEADER_BYTES);
  return out;
}

/** The header of a peaks file of `fileSize` bytes, or null if it is not a complete, valid one. */
export function decodePeaksHeader(head: Uint8Array, fileSize: number): PeaksHeader | null {
  if (head.length < PEAKS_HEADER_BYTES) return null;
  const b = Buffer.from(head.buffer, head.byteOffset, PEAKS_HEADER_BYTES);
  if (b.toString('latin1', 0, 4) !== PEAKS_MAGIC) return null;
  if (b.readUInt16LE(4) !== PEAKS_FILE_VERSION || b.readUInt16LE(6) !== PEAKS_HEADER_BYTES) return null;
  const header: PeaksHeader = {
    peaksPerSecond: b.readDoubleLE(8),
    sampleRate: b.readUInt32LE(16),
    durationMs: b.readUInt32LE(20),
    count: b.readUInt32LE(24),
    level: b.readUInt16LE(28),
    levels: b.readUInt16LE(30),
  };
  if (!(header.peaksPerSecond > 0 && Number.isFinite(header.peaksPerSecond))) return null;
  if (header.level >= header.levels) return null;
  if (fileSize !== PEAKS_HEADER_BYTES + header.count * 4) return null;
  return header;
}

/** A whole peaks file, or null if it is not a valid one. */
export function decodePeaksFile(bytes: Uint8Array): PeaksLevel | null {
  const header = decodePeaksHeader(bytes, bytes.length);
  if (!header) return null;
  const pairs = new Int16Array(header.count * 2);
  new Uint8Array(pairs.buffer).set(bytes.subarray(PEAKS_HEADER_BYTES));
  return { ...header, pairs };
}

/** Pairs needed to cover `durationMs` at `peaksPerSecond` (the last one may be partial). */
export function pairsFor(durationMs: number, peaksPerSecond: number): number {
  return Math.max(0, Math.ceil((durationMs * peaksPerSecond) / 1000 - 1e-9));
}

/** One level coarser: each `LEVEL_FOLD` pairs become one (min of the mins, max of the maxes). */
export function foldLevel(level: PeaksLevel): PeaksLevel {
  const count = Math.ceil(level.count / LEVEL_FOLD);
  const pairs = new Int16Array(count * 2);
  const src = level.pairs;
  for (let out = 0; out < count; out++) {
    const from = out * LEVEL_FOLD;
    const to = Math.min(level.count, from + LEVEL_FOLD);
    let lo = src[from * 2] as number;
    let hi = src[from * 2 + 1] as number;
    for (let i = from + 1; i < to; i++) {
      const a = src[i * 2] as number;
      const b = src[i * 2 + 1] as number;
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    pairs[out * 2] = lo;
    pairs[out * 2 + 1] = hi;
  }
  return { ...level, peaksPerSecond: level.peaksPerSecond / LEVEL_FOLD, count, level: level.level + 1, pairs };
}

/** The finest level and `levels - 1` coarser ones, built once from the decoded pairs. */
export function buildLevels(finest: Omit<PeaksLevel, 'level' | 'levels'>, levels: number = LEVEL_COUNT): PeaksLevel[] {
  const out: PeaksLevel[] = [{ ...finest, level: 0, levels }];
  while (out.length < levels) out.push(foldLevel(out.at(-1) as PeaksLevel));
  return out;
}
