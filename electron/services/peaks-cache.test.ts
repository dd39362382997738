import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaIdentity } from './media-identity';
import { peaksCacheKey, peaksLevelFile, readPeaksCache, writePeaksCache } from './peaks-cache';
import { buildLevels, decodePeaksFile } from './peaks-file';

let dir: string;
const identity: MediaIdentity = { size: 1234, mtimeMs: 1718355600000, head: 'a'.repeat(40), tail: 'b'.repeat(40) };
const finest = {
  peaksPerSecond: 100,
  sampleRate: 44100,
  durationMs: 10_000,
  count: 1000,
  pairs: Int16Array.from({ length: 2000 }, (_, i) => (i % 2 ? i : -i)),
};

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-peaks-cache-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('peaks cache', () => {
  it('keys entries by file identity, track and peak rate', () => {
    const key = peaksCacheKey(identity, 0, 100);
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(peaksCacheKey({ ...identity }, 0, 100)).toBe(key);
    expect(peaksCacheKey(identity, 1, 100)).not.toBe(key);
    expect(peaksCacheKey(identity, 0, 50)).not.toBe(key);
    expect(peaksCacheKey({ ...identity, mtimeMs: identity.mtimeMs + 1 }, 0, 100)).not.toBe(key);
    expect(peaksCacheKey({ ...identity, tail: 'c'.repeat(40) }, 0, 100)).not.toBe(key);
    expect(peaksLevelFile('/cache', key, 2)).toBe(join('/cache', 'peaks', `${key}.2.zpk`));
  });

  it('writes every level as a file and reads the entry back', async () => {
    const cacheDir = join(dir, 'roundtrip');
    const key = peaksCacheKey(identity, 0, 100);
    expect(await readPeaksCache(cacheDir, key)).toBeNull();
    const levels = buildLevels(finest);
    const written = await writePeaksCache(cacheDir, key, levels);
    expect(written.map((l) => l.file)).toEqual([0, 1, 2, 3].map((i) => peaksLevelFile(cacheDir, key, i)));
    const read = await readPeaksCache(cacheDir, key);
    expect(read).toEqual(written);
    expect(read?.map((l) => [l.peaksPerSecond, l.count])).toEqual([
      [100, 1000],
      [25, 250],
      [6.25, 63],
      [1.5625, 16],
    ]);
    const level0 = decodePeaksFile(await fs.readFile(read?.[0]?.file as string));
    expect(level0?.pairs).toEqual(finest.pairs);
    expect((await fs.readdir(join(cacheDir, 'peaks'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('treats a missing, short or foreign level file as a miss', async () => {
    const cacheDir = join(dir, 'damaged');
    const key = peaksCacheKey(identity, 0, 100);
    const damage: [string, (file: (level: number) => string) => Promise<void>][] = [
      ['missing', (f) => fs.rm(f(3))],
      ['short', (f) => fs.truncate(f(0), 100)],
      ['empty', (f) => fs.writeFile(f(1), '')],
      ['garbage', (f) => fs.writeFile(f(2), Buffer.alloc(32 + 63 * 4, 0x41))],
      ['from another entry', async (f) => fs.copyFile(f(1), f(2))],
    ];
    for (const [what, hurt] of damage) {
      await writePeaksCache(cacheDir, key, buildLevels(finest));
      expect(await readPeaksCache(cacheDir, key), what).not.toBeNull();
      await hurt((level) => peaksLevelFile(cacheDir, key, level));
      expect(await readPeaksCache(cacheDir, key), what).toBeNull();
    }
  });

  it('refuses an entry whose finest level does not cover its duration', async () => {
    const cacheDir = join(dir, 'too-short');
    const key = peaksCacheKey(identity, 0, 100);
    await writePeaksCache(cacheDir, key, buildLevels({ ...finest, durationMs: 10_010 }));
    expect(await readPeaksCache(cacheDir, key)).toBeNull();
  });

  it('fails with io-error naming the folder when the cache cannot be created', async () => {
    const blocker = join(dir, 'blocker');
    await fs.writeFile(blocker, 'x');
    const err = await writePeaksCache(join(blocker, 'cache'), 'k', buildLevels(finest)).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'io-error', detail: { file: join(blocker, 'cache', 'peaks') } });
  });
});
