import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../shared/ipc/contract';
import { createSettingsStore, DEFAULT_SETTINGS } from '../services/settings';
import { menuModelFor, menuTemplate, watchMenuSettings } from './menu';

const dir = mkdtempSync(join(tmpdir(), 'zimu-menu-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The template's item labelled `label`, searched through the submenus. */
function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions | undefined {
  for (const entry of template) {
    if (entry.label === label) return entry;
    const inner = Array.isArray(entry.submenu) ? find(entry.submenu, label) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

const templateFor = (settings: Settings, run: (id: string) => void = () => {}) =>
  menuTemplate(menuModelFor(settings, 'linux', 'en-US'), run);

describe('the Electron menu', () => {
  it('is built from the command table: File and Edit items send their command', () => {
    const sent: string[] = [];
    const template = templateFor(DEFAULT_SETTINGS, (id) => sent.push(id));
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'viewMenu', 'windowMenu']);
    const click = (label: string) => (find(template, label)?.click as (() => void) | undefined)?.();
    expect(find(template, 'Save')?.accelerator).toBe('CmdOrCtrl+S');
    click('Save');
    click('Batch Reimport…');
    expect(sent).toEqual(['save', 'correction-batch']);
    expect(find(template, 'File')?.submenu).toContainEqual({ role: 'quit' });
  });

  it('follows the language in settings, else the system', () => {
    expect(
      find(
        menuTemplate(menuModelFor(DEFAULT_SETTINGS, 'linux', 'zh-CN'), () => {}),
        '保存',
      ),
    ).toBeDefined();
    const english = { ...DEFAULT_SETTINGS, language: 'en' as const };
    expect(
      find(
        menuTemplate(menuModelFor(english, 'linux', 'zh-CN'), () => {}),
        'Save',
      ),
    ).toBeDefined();
  });

  it('is built again when a rebinding is saved: the Save accelerator moves', async () => {
    const menus: MenuItemConstructorOptions[][] = [];
    const store = watchMenuSettings(createSettingsStore(dir), (settings) => menus.push(templateFor(settings)));
    await store.get();
    expect(menus).toHaveLength(1);
    expect(find(menus[0] ?? [], 'Save')?.accelerator).toBe('CmdOrCtrl+S');

    await store.update({ shortcuts: { save: ['Mod+k'] } });
    expect(menus).toHaveLength(2);
    expect(find(menus[1] ?? [], 'Save')?.accelerator).toBe('CmdOrCtrl+K');

    // Changes the menu does not show leave it alone.
    await store.addRecent('/talks/a.zimu');
    await store.update({ theme: 'dark' });
    expect(menus).toHaveLength(2);
    await store.update({ language: 'zh-CN' });
    expect(menus).toHaveLength(3);
  });
});
