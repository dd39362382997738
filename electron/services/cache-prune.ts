import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/** Derived files Zimu may delete at will: remuxed media and waveform peaks. */
const CACHE_FOLDERS = ['remux', 'peaks'];
/** A remux is as big as the video (GBs for a 3-hour talk), so the cache needs a ceiling. */
export const DEFAULT_CACHE_LIMIT_BYTES = 10 * 1024 ** 3;

export interface PruneResult {
  removedFiles: number;
  removedBytes: number;
  keptBytes: number;
}

interface Entry {
  path: string;
  size: number;
  usedMs: number;
}

/**
 * Keep the cache under `limitBytes` by deleting the least recently used files first. Cache hits
 * touch their files (markUsed), so "used" is the modification time; access times are unreliable
 * (noatime mounts). Files in `inUse` and temp files of running jobs (`.…tmp`) are never deleted.
 */
export async function pruneCache(
  cacheDir: string,
  limitBytes = DEFAULT_CACHE_LIMIT_BYTES,
  inUse: ReadonlySet<string> = new Set(),
): Promise<PruneResult> {
  const entries: Entry[] = [];
  for (const folder of CACHE_FOLDERS) {
    const dir = join(cacheDir, folder);
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.tmp')) continue;
      const path = join(dir, name);
      const stat = await fs.stat(path).catch(() => null);
      if (stat?.isFile()) entries.push({ path, size: stat.size, usedMs: stat.mtimeMs });
    }
  }
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  const result: PruneResult = { removedFiles: 0, removedBytes: 0, keptBytes: total };
  entries.sort((a, b) => a.usedMs - b.usedMs);
  for (const entry of entries) {
    if (total <= limitBytes) break;
    if (inUse.has(entry.path)) continue;
    const removed = await fs.rm(entry.path, { force: true }).then(
      () => true,
      () => false,
    );
    if (!removed) continue;
    total -= entry.size;
    result.removedFiles += 1;
    result.removedBytes += entry.size;
  }
  result.keptBytes = total;
  return result;
}

/** Record a cache hit, so pruning keeps recently used files. Failing to touch is harmless. */
export async function markUsed(path: string): Promise<void> {
  const now = new Date();
  await fs.utimes(path, now, now).catch(() => {});
}
