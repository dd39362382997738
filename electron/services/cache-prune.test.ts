import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markUsed, pruneCache } from './cache-prune';

let cacheDir: string;

beforeEach(async () => {
  cacheDir = await fs.mkdtemp(join(tmpdir(), 'zimu-cache-'));
  await fs.mkdir(join(cacheDir, 'remux'));
  await fs.mkdir(join(cacheDir, 'peaks'));
});

afterEach(async () => {
  await fs.rm(cacheDir, { recursive: true, force: true });
});

/** A cache file of `size` bytes last used `minutesAgo`. */
async function cached(folder: string, name: string, size: number, minutesAgo: number): Promise<string> {
  const path = join(cacheDir, folder, name);
  await fs.writeFile(path, Buffer.alloc(size));
  const when = new Date(Date.now() - minutesAgo * 60_000);
  await fs.utimes(path, when, when);
  return path;
}

const exists = (path: string) =>
  fs.stat(path).then(
    () => true,
    () => false,
  );

describe('pruneCache', () => {
  it('deletes the least recently used files until the cache fits, across folders', async () => {
    const oldRemux = await cached('remux', 'a.mp4', 600, 30);
    const newRemux = await cached('remux', 'b.mp4', 600, 1);
    const oldPeaks = await cached('peaks', 'a.0.zpk', 100, 20);
    const result = await pruneCache(cacheDir, 800);
    expect(result).toEqual({ removedFiles: 1, removedBytes: 600, keptBytes: 700 });
    expect(await exists(oldRemux)).toBe(false);
    expect(await exists(newRemux)).toBe(true);
    expect(await exists(oldPeaks)).toBe(true);
  });

  it('keeps files in use and the temp files of running jobs, even when over the limit', async () => {
    const playing = await cached('remux', 'playing.mp4', 500, 60);
    const temp = await cached('remux', '.abc-1.tmp', 500, 60);
    const result = await pruneCache(cacheDir, 0, new Set([playing]));
    expect(result.removedFiles).toBe(0);
    expect(await exists(playing)).toBe(true);
    expect(await exists(temp)).toBe(true);
  });

  it('counts a cache hit as a use', async () => {
    const first = await cached('peaks', 'first.0.zpk', 100, 50);
    const second = await cached('peaks', 'second.0.zpk', 100, 40);
    await markUsed(first);
    await pruneCache(cacheDir, 100);
    expect(await exists(first)).toBe(true);
    expect(await exists(second)).toBe(false);
  });

  it('does nothing to a missing cache folder', async () => {
    expect(await pruneCache(join(cacheDir, 'nowhere'), 0)).toEqual({ removedFiles: 0, removedBytes: 0, keptBytes: 0 });
  });
});
