import type { MenuItemConstructorOptions } from 'electron';
import { buildKeymap } from '../../shared/commands/keymap';
import { buildMenuModel, type MenuBarModel, type MenuItemModel, menuLanguage } from '../../shared/commands/menu';
import type { MenuCommandId } from '../../shared/commands/table';
import type { Settings } from '../../shared/ipc/contract';
import type { SettingsStore } from '../services/settings';

/** The menu bar for these settings: the user's keys and language (else the system's). */
export function menuModelFor(settings: Settings, platform: string, locale: string): MenuBarModel[] {
  return buildMenuModel({
    keymap: buildKeymap(settings.shortcuts ?? {}),
    platform,
    language: menuLanguage(settings.language, locale),
  });
}

function item(entry: MenuItemModel, run: (id: MenuCommandId) => void): MenuItemConstructorOptions {
  if (entry.kind === 'separator') return { type: 'separator' };
  if (entry.kind === 'role') return entry.label ? { role: entry.role, label: entry.label } : { role: entry.role };
  const { id, label, accelerator } = entry;
  return accelerator ? { label, accelerator, click: () => run(id) } : { label, click: () => run(id) };
}

/** The Electron template of a menu model; a command item calls `run` with its id. Pure, for tests. */
export function menuTemplate(
  model: readonly MenuBarModel[],
  run: (id: MenuCommandId) => void,
): MenuItemConstructorOptions[] {
  return model.map((entry) => {
    if (entry.kind === 'role') return entry.label ? { role: entry.role, label: entry.label } : { role: entry.role };
    return { label: entry.label, submenu: entry.items.map((i) => item(i, run)) };
  });
}

/**
 * The settings store, telling `onMenuChange` after every write that changed what the menu shows
 * (the keys or the language), so the menu follows a rebinding at once.
 */
export function watchMenuSettings(store: SettingsStore, onMenuChange: (settings: Settings) => void): SettingsStore {
  let shown: string | null = null;
  const seen = (settings: Settings): Settings => {
    const key = JSON.stringify([settings.shortcuts ?? {}, settings.language]);
    if (key !== shown) {
      shown = key;
      onMenuChange(settings);
    }
    return settings;
  };
  return {
    get: async () => seen(await store.get()),
    update: async (patch) => seen(await store.update(patch)),
    addRecent: async (path) => seen(await store.addRecent(path)),
  };
}
