import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { identityKey, mediaIdentity } from './media-identity';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-identity-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('mediaIdentity', () => {
  it('is the same for the same file and changes when its head, tail, size or time changes', async () => {
    const file = join(dir, 'talk.m4a');
    const bytes = Buffer.alloc(300 * 1024, 7);
    await fs.writeFile(file, bytes);
    const when = new Date('2024-06-14T09:00:00Z');
    await fs.utimes(file, when, when);
    const base = await mediaIdentity(file);
    expect(base.size).toBe(bytes.length);
    expect(await mediaIdentity(file)).toEqual(base);

    const variant = async (edit: (b: Buffer) => Buffer) => {
      await fs.writeFile(file, edit(Buffer.from(bytes)));
      await fs.utimes(file, when, when);
      return mediaIdentity(file);
    };
    const key = identityKey(base, 'peaks', 0);
    expect((await variant((b) => b.fill(1, 0, 1))).head).not.toBe(base.head);
    expect((await variant((b) => b.fill(1, b.length - 1))).tail).not.toBe(base.tail);
    expect(identityKey(await variant((b) => b.subarray(1)), 'peaks', 0)).not.toBe(key);
    // The middle is not read: same size, time, head and tail count as the same file.
    expect(identityKey(await variant((b) => b.fill(1, 150_000, 150_001)), 'peaks', 0)).toBe(key);
    await fs.utimes(file, new Date(), new Date());
    expect(identityKey(await mediaIdentity(file), 'peaks', 0)).not.toBe(key);
    expect(identityKey(base, 'peaks', 1)).not.toBe(key);
  });

  it('works on files shorter than the hashed span, and names a missing file', async () => {
    const small = join(dir, 'small.opus');
    await fs.writeFile(small, 'tiny');
    const id = await mediaIdentity(small);
    expect(id.size).toBe(4);
    expect(id.head).toBe(id.tail);
    const err = await mediaIdentity(join(dir, 'gone.mp4')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZimuError);
    expect((err as ZimuError).toWire()).toMatchObject({ code: 'not-found', detail: { file: join(dir, 'gone.mp4') } });
  });
});
