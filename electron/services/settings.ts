import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../shared/ipc/contract';
import { SettingsSchema } from '../../shared/ipc/contract';
import { fsError, writeFileAtomic } from './files';

export const DEFAULT_SETTINGS: Settings = { language: null, theme: 'system', recentFiles: [] };
const MAX_RECENT = 12;

/**
 * The readable fields of a settings file: each field is checked on its own, so one bad or outdated
 * value (say a shortcut map from a newer version) falls back to its default without losing the rest.
 */
export function readSettingsFields(raw: unknown): Partial<Settings> {
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(SettingsSchema.shape)) {
    if (!(key in raw)) continue;
    const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as Partial<Settings>;
}

/** User settings in one JSON file in the profile folder. A damaged file falls back to defaults. */
export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  addRecent(path: string): Promise<Settings>;
}

export function createSettingsStore(profileDir: string): SettingsStore {
  const file = join(profileDir, 'settings.json');
  let cached: Settings | null = null;

  async function get(): Promise<Settings> {
    if (cached) return cached;
    try {
      cached = { ...DEFAULT_SETTINGS, ...readSettingsFields(JSON.parse(await fs.readFile(file, 'utf8'))) };
    } catch {
      cached = { ...DEFAULT_SETTINGS };
    }
    return cached;
  }

  async function update(patch: Partial<Settings>): Promise<Settings> {
    const next = { ...(await get()), ...patch };
    await fs.mkdir(profileDir, { recursive: true }).catch((err: unknown) => {
      throw fsError(err, file, 'fs-action-save-settings');
    });
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    cached = next;
    return next;
  }

  async function addRecent(path: string): Promise<Settings> {
    const recent = [path, ...(await get()).recentFiles.filter((p) => p !== path)].slice(0, MAX_RECENT);
    return update({ recentFiles: recent });
  }

  return { get, update, addRecent };
}
