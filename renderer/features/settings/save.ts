import type { Settings } from '../../../shared/ipc/contract';
import type { Client } from '../../platform/client';
import { notices } from '../../state/notices';
import { applySettings, preferences } from '../../state/preferences';
import { EXPORT_OPTIONS_KEY, type OptionStorage } from '../files/export-options';

type SettingsClient = Pick<Client, 'call'>;

/** Apply a change at once, then save it; a failed save keeps the change for this session. */
export async function saveSettings(client: SettingsClient, patch: Partial<Settings>): Promise<void> {
  applySettings(patch);
  try {
    applySettings(await client.call('settings.set', { patch }));
  } catch (err) {
    notices.error('settings', err);
  }
}

/** Read the settings again (the host adds recent files as documents are opened). */
export async function refreshSettings(client: SettingsClient): Promise<void> {
  try {
    applySettings(await client.call('settings.get', {}));
  } catch {
    // Keep what we have: the list is a convenience.
  }
}

/**
 * Where the export dialog's remembered options live: the user settings (so the desktop app and the
 * browser host share them), with the browser's storage as the fallback of older versions.
 */
export function settingsExportStorage(client: SettingsClient, fallback: OptionStorage | null): OptionStorage {
  return {
    getItem(key) {
      if (key !== EXPORT_OPTIONS_KEY) return fallback?.getItem(key) ?? null;
      const saved = preferences.get().exportOptions;
      return saved ? JSON.stringify(saved) : (fallback?.getItem(key) ?? null);
    },
    setItem(key, value) {
      if (key !== EXPORT_OPTIONS_KEY) return fallback?.setItem(key, value);
      try {
        const parsed: unknown = JSON.parse(value);
        if (!parsed || typeof parsed !== 'object') return;
        const options = Object.fromEntries(
          Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
        );
        void saveSettings(client, { exportOptions: options });
      } catch {
        // Not ours to repair: the dialog writes JSON.
      }
    },
  };
}
