import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { fsError, readFileBytes, writeFileAtomic } from './files';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-files-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Catch a rejection as a ZimuError, failing the test when it is anything else. */
async function zimuError(promise: Promise<unknown>): Promise<ZimuError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}

async function fresh(name: string): Promise<string> {
  const sub = join(dir, name);
  await fs.mkdir(sub);
  return sub;
}

describe('writeFileAtomic', () => {
  it('creates a file and replaces its content, leaving no temp files', async () => {
    const sub = await fresh('replace');
    const file = join(sub, 'project.zimu');
    await writeFileAtomic(file, 'first version\n');
    expect(await fs.readFile(file, 'utf8')).toBe('first version\n');
    await writeFileAtomic(file, new TextEncoder().encode('第二版 second\n'));
    expect(await fs.readFile(file, 'utf8')).toBe('第二版 second\n');
    expect(await fs.readdir(sub)).toEqual(['project.zimu']);
  });

  it('writes a file whose own name is near the 255-byte limit (long Chinese titles)', async () => {
    const sub = await fresh('long-name');
    // 80 Han characters are 240 bytes in UTF-8: a legal name, but no room for a long temp suffix.
    const file = join(sub, `${'字'.repeat(80)}.zimu`);
    await fs.writeFile(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(await fs.readFile(file, 'utf8')).toBe('new');
    expect(await fs.readdir(sub)).toHaveLength(1);
  });

  it('fails cleanly when the parent is a file: error names the target, the parent is untouched', async () => {
    const sub = await fresh('parent-is-file');
    const parent = join(sub, 'notes.txt');
    await fs.writeFile(parent, 'keep me');
    const target = join(parent, 'out.srt');
    const err = await zimuError(writeFileAtomic(target, 'data'));
    expect(err.code).toBe('io-error');
    expect(err.detail?.file).toBe(target);
    expect(err.message).toMatch(/^cannot save/);
    expect(await fs.readFile(parent, 'utf8')).toBe('keep me');
    expect(await fs.readdir(sub)).toEqual(['notes.txt']);
  });

  it('fails cleanly when the target is a folder: the folder and its content stay, no temp file is left', async () => {
    const sub = await fresh('target-is-dir');
    const target = join(sub, 'out.srt');
    await fs.mkdir(target);
    await fs.writeFile(join(target, 'inside.txt'), 'inside');
    const err = await zimuError(writeFileAtomic(target, 'data'));
    expect(err.detail?.file).toBe(target);
    expect(err.message).toContain('folder');
    expect(await fs.readFile(join(target, 'inside.txt'), 'utf8')).toBe('inside');
    expect(await fs.readdir(sub)).toEqual(['out.srt']);
  });

  it('keeps the original file when writing the new content fails midway', async () => {
    const sub = await fresh('write-fails');
    const file = join(sub, 'a.zimu');
    await fs.writeFile(file, 'original');
    // Not string or bytes: the write itself throws after the temp file was created.
    const err = await zimuError(writeFileAtomic(file, 42 as unknown as string));
    expect(err.code).toBe('io-error');
    expect(err.detail?.file).toBe(file);
    expect(await fs.readFile(file, 'utf8')).toBe('original');
    expect(await fs.readdir(sub)).toEqual(['a.zimu']);
  });
});

describe('readFileBytes', () => {
  it('reads a file', async () => {
    const file = join(dir, 'small.txt');
    await fs.writeFile(file, 'hello');
    expect((await readFileBytes(file)).toString()).toBe('hello');
  });

  it('refuses a folder, naming it', async () => {
    const sub = await fresh('a-folder');
    const err = await zimuError(readFileBytes(sub));
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('folder');
    expect(err.detail?.file).toBe(sub);
  });

  it('refuses files larger than maxBytes, naming the file', async () => {
    const file = join(dir, 'big.bin');
    await fs.writeFile(file, Buffer.alloc(2048, 1));
    const err = await zimuError(readFileBytes(file, 1024));
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('too large');
    expect(err.detail?.file).toBe(file);
    expect((await readFileBytes(file, 2048)).length).toBe(2048);
  });

  it('reports a missing file as not-found', async () => {
    const file = join(dir, 'missing.srt');
    const err = await zimuError(readFileBytes(file));
    expect(err.code).toBe('not-found');
    expect(err.detail?.file).toBe(file);
  });
});

describe('fsError', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: something`), { code });

  it('maps Node error codes to user-facing codes that name the file', () => {
    expect(fsError(errno('ENOENT'), '/x', 'fs-action-read').toWire()).toEqual({
      code: 'not-found',
      message: 'cannot read: no such file',
      detail: { file: '/x' },
      hostMessage: { code: 'fs-no-such-file', params: { action: { code: 'fs-action-read', params: {} } } },
    });
    expect(fsError(errno('EISDIR'), '/x', 'fs-action-read').code).toBe('unreadable');
    expect(fsError(errno('EACCES'), '/x', 'fs-action-save').message).toBe('cannot save: permission denied');
    expect(fsError(errno('EPERM'), '/x', 'fs-action-save').code).toBe('io-error');
    const other = fsError(errno('ENOSPC'), '/x', 'fs-action-save');
    expect(other.code).toBe('io-error');
    expect(other.message).toContain('ENOSPC');
    expect(fsError('weird', '/y', 'fs-action-read').detail).toEqual({ file: '/y' });
  });
});
