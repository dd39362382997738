/**
 * Waveform peaks as the renderer draws them. The host sends (min, max) pairs of little-endian
 * int16, full scale 32767: in a peaks file after a 32-byte header (electron/services/peaks-file.ts
 * documents it), and base64 in the peaks.chunk events while it decodes.
 *
 * wavesurfer draws its first channel upwards and its second downwards, each as the largest
 * magnitude per pixel, so a faithful min/max envelope is two channels: `top` = max and
 * `bottom` = −min (each clamped at 0 and to 1).
 */

/** Size of the peaks file header; the file says so at offset 6, which is checked too. */
export const PEAKS_HEADER_BYTES = 32;
const MAGIC = 'ZPK1';
const FULL_SCALE = 32767;

export interface PeaksLevel {
  readonly peaksPerSecond: number;
  /** max of each bucket, 0..1. */
  readonly top: Float32Array;
  /** −min of each bucket, 0..1. */
  readonly bottom: Float32Array;
}

/** An empty level of `count` pairs, filled in as chunks arrive. */
export function createLevel(peaksPerSecond: number, count: number): PeaksLevel {
  const n = Math.max(1, count);
  return { peaksPerSecond, top: new Float32Array(n), bottom: new Float32Array(n) };
}

/** Pairs covering `durationMs` (the last one may be partial). */
export function pairsFor(durationMs: number, peaksPerSecond: number): number {
  return Math.max(0, Math.ceil((durationMs * peaksPerSecond) / 1000 - 1e-9));
}

/**
 * Write little-endian (min, max) int16 pairs from `view` into `level` from pair `from` on; pairs past
 * the level's end are dropped. Returns how many were written.
 */
export function writePairs(level: PeaksLevel, from: number, view: DataView): number {
  const pairs = Math.floor(view.byteLength / 4);
  const end = Math.min(level.top.length, from + pairs);
  let offset = 0;
  for (let i = Math.max(0, from); i < end; i++) {
    offset = (i - from) * 4;
    const min = view.getInt16(offset, true);
    const max = view.getInt16(offset + 2, true);
    level.top[i] = max > 0 ? Math.min(1, max / FULL_SCALE) : 0;
    level.bottom[i] = min < 0 ? Math.min(1, -min / FULL_SCALE) : 0;
  }
  return Math.max(0, end - Math.max(0, from));
}

/** The bytes of a peaks.chunk event's `data`. */
export function base64Bytes(data: string): DataView {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new DataView(bytes.buffer);
}

/** A whole peaks file as a drawable level. Throws on anything that is not one. */
export function levelFromFile(buffer: ArrayBuffer, peaksPerSecond: number): PeaksLevel {
  if (buffer.byteLength < PEAKS_HEADER_BYTES) throw new Error('the waveform file is truncated');
  const view = new DataView(buffer);
  const magic = String.fromCharCode(view.getUint8(0), view.getUint8(1), view.getUint8(2), view.getUint8(3));
  const header = magic === MAGIC ? view.getUint16(6, true) : PEAKS_HEADER_BYTES;
  if (header < PEAKS_HEADER_BYTES || header > buffer.byteLength) throw new Error('the waveform file is damaged');
  const body = new DataView(buffer, header);
  const level = createLevel(peaksPerSecond, Math.floor(body.byteLength / 4));
  writePairs(level, 0, body);
  return level;
}

/** A level `factor` times coarser: the largest of each `factor` buckets. */
export function foldLevel(level: PeaksLevel, factor: number): PeaksLevel {
  const f = Math.max(1, Math.round(factor));
  if (f === 1) return level;
  const count = Math.ceil(level.top.length / f);
  const out = createLevel(level.peaksPerSecond / f, count);
  for (let o = 0; o < count; o++) {
    let top = 0;
    let bottom = 0;
    const end = Math.min(level.top.length, (o + 1) * f);
    for (let i = o * f; i < end; i++) {
      const t = level.top[i] as number;
      const b = level.bottom[i] as number;
      if (t > top) top = t;
      if (b > bottom) bottom = b;
    }
    out.top[o] = top;
    out.bottom[o] = bottom;
  }
  return out;
}

/**
 * Which level to draw at `pxPerSec` CSS pixels per second on a `pixelRatio` screen: the coarsest one
 * that still has a pair for every device pixel, else the finest. `levels` are peaks-per-second values
 * in any order; returns an index into them (−1 when there are none).
 */
export function chooseLevel(levels: readonly number[], pxPerSec: number, pixelRatio = 1): number {
  const needed = pxPerSec * Math.max(1, pixelRatio);
  let best = -1;
  let finest = -1;
  for (let i = 0; i < levels.length; i++) {
    const pps = levels[i] as number;
    if (finest < 0 || pps > (levels[finest] as number)) finest = i;
    if (pps >= needed && (best < 0 || pps < (levels[best] as number))) best = i;
  }
  return best >= 0 ? best : finest;
}

/**
 * The channels to hand to wavesurfer for a waveform `durationSec` long: wavesurfer spreads the data
 * evenly over the duration, so the level is cut (or padded with silence) to exactly the pairs that
 * duration covers.
 */
export function channelsFor(level: PeaksLevel, durationSec: number): [Float32Array, Float32Array] {
  const n = Math.max(1, Math.round(durationSec * level.peaksPerSecond));
  if (n <= level.top.length) return [level.top.subarray(0, n), level.bottom.subarray(0, n)];
  const top = new Float32Array(n);
  const bottom = new Float32Array(n);
  top.set(level.top);
  bottom.set(level.bottom);
  return [top, bottom];
}
