import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { createSettingsStore, DEFAULT_SETTINGS } from './settings';

let dir: string;
let n = 0;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-settings-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A profile folder that does not exist yet. */
const profile = () => join(dir, `profile-${++n}`, 'Zimu');

describe('createSettingsStore', () => {
  it('gives defaults when there is no settings file', async () => {
    expect(await createSettingsStore(profile()).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('creates the profile folder and persists changes for the next start', async () => {
    const p = profile();
    const saved = await createSettingsStore(p).update({ language: 'zh-CN', theme: 'dark' });
    expect(saved).toEqual({ language: 'zh-CN', theme: 'dark', recentFiles: [] });
    expect(JSON.parse(await fs.readFile(join(p, 'settings.json'), 'utf8'))).toEqual(saved);
    expect(await fs.readdir(p)).toEqual(['settings.json']);

    const next = createSettingsStore(p);
    expect(await next.get()).toEqual(saved);
    expect(await next.update({ theme: 'light' })).toEqual({ language: 'zh-CN', theme: 'light', recentFiles: [] });
    expect((await createSettingsStore(p).get()).theme).toBe('light');
  });

  it('keeps recent files most recent first, without duplicates, at most 12', async () => {
    const p = profile();
    const store = createSettingsStore(p);
    await store.addRecent('/a.zimu');
    await store.addRecent('/b.srt');
    expect((await store.addRecent('/a.zimu')).recentFiles).toEqual(['/a.zimu', '/b.srt']);
    for (let i = 0; i < 20; i++) await store.addRecent(`/f${i}.zimu`);
    const recent = (await createSettingsStore(p).get()).recentFiles;
    expect(recent).toHaveLength(12);
    expect(recent[0]).toBe('/f19.zimu');
    expect(recent).not.toContain('/a.zimu');
  });

  it('falls back to defaults for a damaged file, and fills in missing keys', async () => {
    const damaged = profile();
    await fs.mkdir(damaged, { recursive: true });
    await fs.writeFile(join(damaged, 'settings.json'), '{ "theme": "dark", ');
    expect(await createSettingsStore(damaged).get()).toEqual(DEFAULT_SETTINGS);

    const partial = profile();
    await fs.mkdir(partial, { recursive: true });
    await fs.writeFile(join(partial, 'settings.json'), '{ "theme": "dark" }');
    expect(await createSettingsStore(partial).get()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('keeps the valid fields of a file where some are damaged, and stores shortcuts and QA limits', async () => {
    const mixed = profile();
    await fs.mkdir(mixed, { recursive: true });
    const qaProfile = {
      maxCpsSource: 9,
      maxCpsTranslation: 17,
      maxLineLengthSource: 18,
      maxLineLengthTranslation: 42,
      minDurationMs: 700,
      maxDurationMs: 7000,
    };
    await fs.writeFile(
      join(mixed, 'settings.json'),
      JSON.stringify({ theme: 'purple', recentFiles: ['/a.zimu'], shortcuts: { split: ['Alt+k'] }, qaProfile }),
    );
    const read = await createSettingsStore(mixed).get();
    expect(read.theme).toBe('system');
    expect(read.recentFiles).toEqual(['/a.zimu']);
    expect(read.shortcuts).toEqual({ split: ['Alt+k'] });
    expect(read.qaProfile).toEqual(qaProfile);
  });

  it('reports a profile folder that cannot be created as a user-facing error', async () => {
    const blocker = join(dir, 'blocker');
    await fs.writeFile(blocker, 'a file where the profile folder should be');
    const store = createSettingsStore(join(blocker, 'Zimu'));
    expect(await store.get()).toEqual(DEFAULT_SETTINGS);
    const err = await store.update({ theme: 'dark' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZimuError);
    expect((err as ZimuError).code).toBe('io-error');
    expect((err as ZimuError).detail?.file).toContain(join(blocker, 'Zimu'));
    // The failed update is not remembered as saved.
    expect((await store.get()).theme).toBe('system');
  });
});
