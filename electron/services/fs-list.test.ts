import { promises as fs } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { listFolder } from './fs-list';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-list-'));
  for (const d of ['zeta', 'Alpha', '.git', '视频']) await fs.mkdir(join(dir, d));
  for (const f of ['b.srt', 'a.zimu', '.hidden.srt', '字幕.vtt']) await fs.writeFile(join(dir, f), '');
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('listFolder', () => {
  it('lists folders first, then files, each sorted, hiding dot-files', async () => {
    const listing = await listFolder(dir);
    expect(listing.dir).toBe(dir);
    expect(listing.parent).toBe(dirname(dir));
    const dirs = listing.entries.filter((e) => e.kind === 'dir').map((e) => e.name);
    const files = listing.entries.filter((e) => e.kind === 'file').map((e) => e.name);
    expect(listing.entries.map((e) => e.name)).toEqual([...dirs, ...files]);
    expect(new Set(dirs)).toEqual(new Set(['zeta', 'Alpha', '视频']));
    expect(new Set(files)).toEqual(new Set(['b.srt', 'a.zimu', '字幕.vtt']));
    expect(dirs.indexOf('Alpha')).toBeLessThan(dirs.indexOf('zeta'));
    expect(files.indexOf('a.zimu')).toBeLessThan(files.indexOf('b.srt'));
    expect(listing.entries.find((e) => e.name === 'a.zimu')?.path).toBe(join(dir, 'a.zimu'));
  });

  it('resolves relative folders, lists the home folder by default and has no parent at the root', async () => {
    expect((await listFolder(join(dir, 'zeta', '..'))).dir).toBe(dir);
    expect((await listFolder()).dir).toBe(homedir());
    expect((await listFolder('/')).parent).toBeNull();
  });

  it('reports a missing folder as not-found and a file as an error naming it', async () => {
    const missing = join(dir, 'missing');
    await expect(listFolder(missing)).rejects.toMatchObject({ code: 'not-found', detail: { file: missing } });
    const file = join(dir, 'b.srt');
    const err = await listFolder(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZimuError);
    expect((err as ZimuError).detail?.file).toBe(file);
  });
});
