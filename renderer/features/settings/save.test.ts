import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/ipc/contract';
import { DEFAULT_QA_PROFILE, preferences } from '../../state/preferences';
import { EXPORT_OPTIONS_KEY, loadExportOptions } from '../files/export-options';
import { saveSettings, settingsExportStorage } from './save';

/** A host that keeps settings in memory, as settings.set does on disk. */
function memoryHost() {
  let settings: Settings = { language: null, theme: 'system', recentFiles: [] };
  return {
    saved: () => settings,
    call: (async (name: string, args: { patch?: Partial<Settings> }) => {
      if (name === 'settings.set') settings = { ...settings, ...args.patch };
      return settings;
    }) as never,
  };
}

describe('settings in the renderer', () => {
  it('applies shortcut overrides to the keymap and saves them', async () => {
    const host = memoryHost();
    await saveSettings(host, { shortcuts: { split: ['Alt+k'] } });
    expect(preferences.get().keymap.get('split')).toEqual(['Alt+k']);
    expect(preferences.get().keymap.get('merge')).toEqual(['Alt+m']);
    expect(host.saved().shortcuts).toEqual({ split: ['Alt+k'] });
    await saveSettings(host, { shortcuts: {} });
    expect(preferences.get().keymap.get('split')).toEqual(['Mod+Enter']);
  });

  it('fills a saved QA profile in over the defaults', async () => {
    expect(preferences.get().qaProfile).toEqual(DEFAULT_QA_PROFILE);
    await saveSettings(memoryHost(), { qaProfile: { ...DEFAULT_QA_PROFILE, maxCpsSource: 7 } });
    expect(preferences.get().qaProfile.maxCpsSource).toBe(7);
    expect(preferences.get().qaProfile.maxCpsTranslation).toBe(DEFAULT_QA_PROFILE.maxCpsTranslation);
  });

  it('keeps the export options in the settings, where the export dialog starts from them', async () => {
    const host = memoryHost();
    const storage = settingsExportStorage(host, null);
    storage.setItem(
      EXPORT_OPTIONS_KEY,
      JSON.stringify({ ...loadExportOptions(null), format: 'vtt', layout: 'translation' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(host.saved().exportOptions?.format).toBe('vtt');
    const options = loadExportOptions(storage);
    expect([options.format, options.layout]).toEqual(['vtt', 'translation']);
  });
});
