import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyStore, KEY_FILE, type KeyCipher } from './key-store';

const KEY = 'sk-zimu-keystore-5f3a9c0e11d2';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zimu-keys-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A stand-in for safeStorage: reversible, and never stores the plain text. */
const fakeCipher = (available = true): KeyCipher => ({
  isAvailable: () => available,
  encrypt: (plain) => Buffer.from([...Buffer.from(plain)].map((b) => b ^ 0x5a)),
  decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString(),
});

describe('the key store', () => {
  it('keeps one key per host in a file only its owner can read', async () => {
    const keys = createKeyStore({ profileDir: dir, env: {} });
    expect(await keys.status('api.deepseek.com')).toEqual({
      host: 'api.deepseek.com',
      source: 'none',
      stored: false,
      storage: 'file',
    });
    expect(await keys.set('API.DeepSeek.com', ` ${KEY} `)).toMatchObject({ source: 'file', stored: true });
    expect(await keys.get('api.deepseek.com')).toBe(KEY);
    // A key is only for the host it was stored for.
    expect(await keys.get('api.openai.com')).toBeNull();
    const stat = await fs.stat(join(dir, KEY_FILE));
    expect(stat.mode & 0o777).toBe(0o600);
    await keys.set('api.deepseek.com', null);
    expect(await keys.get('api.deepseek.com')).toBeNull();
  });

  it('encrypts with the OS keychain where there is one: the file never holds the key', async () => {
    const keys = createKeyStore({ profileDir: dir, cipher: fakeCipher(), env: {} });
    expect(await keys.set('api.deepseek.com', KEY)).toMatchObject({ source: 'keychain', storage: 'keychain' });
    expect(await fs.readFile(join(dir, KEY_FILE), 'utf8')).not.toContain(KEY);
    expect(await keys.get('api.deepseek.com')).toBe(KEY);
    // The browser host and CLI share the profile but not the keychain: the key is there but unusable.
    const web = createKeyStore({ profileDir: dir, env: {} });
    expect(await web.get('api.deepseek.com')).toBeNull();
    expect(await web.status('api.deepseek.com')).toMatchObject({ source: 'none', stored: true, storage: 'file' });
  });

  it('uses ZIMU_LLM_API_KEY for every host and never writes it', async () => {
    const keys = createKeyStore({ profileDir: dir, env: { ZIMU_LLM_API_KEY: KEY } });
    expect(await keys.get('anything.example')).toBe(KEY);
    expect(await keys.status('anything.example')).toMatchObject({ source: 'environment', stored: false });
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });

  it('survives a damaged key file', async () => {
    await fs.writeFile(join(dir, KEY_FILE), '{not json');
    const keys = createKeyStore({ profileDir: dir, env: {} });
    expect(await keys.get('h')).toBeNull();
    await keys.set('h', KEY);
    expect(await keys.get('h')).toBe(KEY);
  });
});
