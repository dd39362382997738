import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { markUsed } from './cache-prune';
import { fsError, writeFileAtomic } from './files';
import { identityKey, type MediaIdentity } from './media-identity';
import {
  decodePeaksHeader,
  encodePeaksFile,
  LEVEL_FOLD,
  PEAKS_EXTENSION,
  PEAKS_FILE_VERSION,
  PEAKS_HEADER_BYTES,
  type PeaksHeader,
  type PeaksLevel,
  pairsFor,
} from './peaks-file';

/**
 * Waveform peaks kept on disk between sessions: `<cacheDir>/peaks/<key>.<level>.zpk`, one file per
 * zoom level, the key a hash of the media file's identity, the audio track, the peak rate and the
 * format versions. Files are written whole (temp file + rename) and only after a complete decode;
 * a missing, short or otherwise invalid file makes the whole entry a miss, to be decoded again.
 */

/** Bump when decoding changes what the pairs mean, so older cache entries are not reused. */
export const PEAKS_CACHE_VERSION = 1;

export interface CachedLevel extends PeaksHeader {
  file: string;
}

export function peaksCacheKey(identity: MediaIdentity, track: number, peaksPerSecond: number): string {
  return identityKey(identity, 'peaks', PEAKS_FILE_VERSION, PEAKS_CACHE_VERSION, track, peaksPerSecond);
}

export function peaksLevelFile(cacheDir: string, key: string, level: number): string {
  return join(cacheDir, 'peaks', `${key}.${level}${PEAKS_EXTENSION}`);
}

async function readHeader(file: string): Promise<PeaksHeader | null> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, 'r');
    const { size } = await handle.stat();
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(PEAKS_HEADER_BYTES), 0, PEAKS_HEADER_BYTES, 0);
    return decodePeaksHeader(buffer.subarray(0, bytesRead), size);
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** All levels of a cache entry, finest first, or null unless every one is present and consistent. */
export async function readPeaksCache(cacheDir: string, key: string): Promise<CachedLevel[] | null> {
  const file0 = peaksLevelFile(cacheDir, key, 0);
  const first = await readHeader(file0);
  if (first?.level !== 0 || first.count < pairsFor(first.durationMs, first.peaksPerSecond)) return null;
  const out: CachedLevel[] = [{ ...first, file: file0 }];
  for (let level = 1; level < first.levels; level++) {
    const file = peaksLevelFile(cacheDir, key, level);
    const h = await readHeader(file);
    const above = out[level - 1] as CachedLevel;
    const consistent =
      h !== null &&
      h.level === level &&
      h.levels === first.levels &&
      h.durationMs === first.durationMs &&
      h.sampleRate === first.sampleRate &&
      h.peaksPerSecond === above.peaksPerSecond / LEVEL_FOLD &&
      h.count === Math.ceil(above.count / LEVEL_FOLD);
    if (!consistent) return null;
    out.push({ ...h, file });
  }
  for (const level of out) void markUsed(level.file);
  return out;
}

/**
 * Write the levels of an entry, coarsest first: level 0, which readers look at first, appears
 * last, so an interrupted write leaves a miss rather than a half entry.
 */
export async function writePeaksCache(cacheDir: string, key: string, levels: PeaksLevel[]): Promise<CachedLevel[]> {
  const dir = join(cacheDir, 'peaks');
  await fs.mkdir(dir, { recursive: true }).catch((err: unknown) => {
    throw fsError(err, dir, 'fs-action-create-waveform-cache');
  });
  const out: CachedLevel[] = [];
  for (const level of [...levels].reverse()) {
    const file = peaksLevelFile(cacheDir, key, level.level);
    await writeFileAtomic(file, encodePeaksFile(level));
    const { pairs: _pairs, ...header } = level;
    out.unshift({ ...header, file });
  }
  return out;
}
