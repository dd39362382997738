import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import type { KeyStatus } from '../../../shared/translate/schema';
import { fsError, writeFileAtomic } from '../files';

/**
 * API keys, one per host: a key is only ever sent to the host it was stored for, so pointing the
 * settings at another URL cannot carry a key there. Stored in `<profile>/llm-keys.json`, written
 * with mode 0600; in the desktop app each key is encrypted with Electron's safeStorage (the OS
 * keychain) through the small KeyCipher interface, so this module runs and is tested without
 * Electron. ZIMU_LLM_API_KEY, when set, is used for every host and never stored.
 * Keys never appear in settings, projects, exports, logs or error messages.
 */

/** What Electron's safeStorage offers (electron/main/safe-storage-cipher.ts is the glue). */
export interface KeyCipher {
  isAvailable(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

export interface KeyStore {
  /** The key to send to `host`, or null. */
  get(host: string): Promise<string | null>;
  status(host: string): Promise<KeyStatus>;
  /** Store a key for `host`, or forget it (null). */
  set(host: string, key: string | null): Promise<KeyStatus>;
}

export const KEY_ENV = 'ZIMU_LLM_API_KEY';
export const KEY_FILE = 'llm-keys.json';

type Entry = { kind: 'keychain'; data: string } | { kind: 'plain'; key: string };
interface KeyFile {
  version: 1;
  keys: Record<string, Entry>;
}

function isEntry(value: unknown): value is Entry {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (v.kind === 'keychain' && typeof v.data === 'string') || (v.kind === 'plain' && typeof v.key === 'string');
}

export function createKeyStore(options: {
  profileDir: string;
  cipher?: KeyCipher | null;
  env?: Readonly<Record<string, string | undefined>>;
}): KeyStore {
  const file = join(options.profileDir, KEY_FILE);
  const env = options.env ?? process.env;
  // Asked each time: Electron's safeStorage answers only once the app is ready.
  const cipherNow = () => (options.cipher?.isAvailable() ? options.cipher : null);

  async function read(): Promise<KeyFile> {
    try {
      const data = JSON.parse(await fs.readFile(file, 'utf8')) as { keys?: Record<string, unknown> };
      const keys: Record<string, Entry> = {};
      for (const [host, entry] of Object.entries(data.keys ?? {})) if (isEntry(entry)) keys[host] = entry;
      return { version: 1, keys };
    } catch {
      return { version: 1, keys: {} };
    }
  }

  async function write(data: KeyFile): Promise<void> {
    await fs.mkdir(dirname(file), { recursive: true }).catch((err: unknown) => {
      throw fsError(err, file, 'fs-action-store-key');
    });
    await writeFileAtomic(file, `${JSON.stringify(data, null, 2)}\n`, 0o600);
    await fs.chmod(file, 0o600).catch(() => {});
  }

  function open(entry: Entry | undefined): string | null {
    if (!entry) return null;
    if (entry.kind === 'plain') return entry.key;
    const cipher = cipherNow();
    if (!cipher) return null; // encrypted by the desktop app; this host cannot read the keychain
    try {
      return cipher.decrypt(Buffer.from(entry.data, 'base64'));
    } catch {
      return null;
    }
  }

  const envKey = () => {
    const key = env[KEY_ENV]?.trim();
    return key ? key : null;
  };

  async function status(host: string): Promise<KeyStatus> {
    const entry = (await read()).keys[host.toLowerCase()];
    const usable = open(entry) !== null;
    const source: KeyStatus['source'] = envKey()
      ? 'environment'
      : usable
        ? entry?.kind === 'keychain'
          ? 'keychain'
          : 'file'
        : 'none';
    const storage: KeyStatus['storage'] = cipherNow() ? 'keychain' : 'file';
    return { host: host.toLowerCase(), source, stored: entry !== undefined, storage };
  }

  return {
    async get(host) {
      return envKey() ?? open((await read()).keys[host.toLowerCase()]);
    },
    status,
    async set(host, key) {
      const data = await read();
      const h = host.toLowerCase();
      const trimmed = key?.trim() ?? '';
      const cipher = cipherNow();
      if (trimmed === '') delete data.keys[h];
      else
        data.keys[h] = cipher
          ? { kind: 'keychain', data: cipher.encrypt(trimmed).toString('base64') }
          : { kind: 'plain', key: trimmed };
      await write(data);
      return status(h);
    },
  };
}
