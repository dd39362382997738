import { chordAccelerator } from './chords';
import type { Keymap } from './keymap';
import { COMMAND_TABLE, type CommandId, type CommandSpec, type MenuCommandId, type MenuPlace } from './table';

/**
 * The desktop menu bar as plain data, built from the command table and the user's current keys.
 * electron/main turns it into an Electron menu (and builds it again when the keys change); the page
 * asks the same function which chords the menu runs, so it does not run them a second time.
 */

export type MenuLanguage = 'en' | 'zh-CN';
type MenuName = MenuPlace['menu'];
type ItemRole = 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll';
type BarRole = 'appMenu' | 'viewMenu' | 'windowMenu';

export type MenuItemModel =
  | {
      readonly kind: 'command';
      readonly id: MenuCommandId;
      readonly label: string;
      /** Electron's accelerator syntax, or null when none of the command's chords can be one. */
      readonly accelerator: string | null;
      /** The chord the accelerator stands for. */
      readonly chord: string | null;
    }
  | { readonly kind: 'separator' }
  | { readonly kind: 'role'; readonly role: ItemRole; readonly label?: string };

export type MenuBarModel =
  | { readonly kind: 'menu'; readonly name: MenuName; readonly label: string; readonly items: readonly MenuItemModel[] }
  | { readonly kind: 'role'; readonly role: BarRole; readonly label?: string };

/** Each menu's sections in order, with the system's own items between them. */
const LAYOUT: { readonly [M in MenuName]: readonly (Extract<MenuPlace, { menu: M }>['section'] | ItemRole[])[] } = {
  file: ['document', 'correction', ['quit']],
  // Undo/redo/find are the document's (sent to the page), not the native roles, which would only
  // undo inside one text field.
  edit: ['history', ['cut', 'copy', 'paste', 'selectAll'], 'find', 'settings'],
};

interface MenuWords {
  readonly menus: { readonly [M in MenuName | 'view' | 'window']: string };
  readonly items: { readonly [K in MenuCommandId]: string };
  /** Labels for the system's items; absent = Electron's own. */
  readonly roles: Partial<Record<ItemRole, string>>;
}

/**
 * The menu's words. The main process has no i18next, so they live here rather than in
 * renderer/i18n (which has the longer descriptions the shortcut sheet shows).
 */
export const MENU_WORDS: { readonly [L in MenuLanguage]: MenuWords } = {
  en: {
    menus: { file: 'File', edit: 'Edit', view: 'View', window: 'Window' },
    items: {
      open: 'Open…',
      save: 'Save',
      'save-as': 'Save As…',
      export: 'Export…',
      'correction-export': 'Export for Correction…',
      'correction-reimport': 'Reimport Corrected Text…',
      'correction-batch': 'Batch Reimport…',
      undo: 'Undo',
      redo: 'Redo',
      find: 'Find…',
      replace: 'Replace…',
      settings: 'Settings…',
    },
    roles: {},
  },
  'zh-CN': {
    menus: { file: '文件', edit: '编辑', view: '视图', window: '窗口' },
    items: {
      open: '打开…',
      save: '保存',
      'save-as': '另存为…',
      export: '导出…',
      'correction-export': '导出校对文本…',
      'correction-reimport': '导入校对文本…',
      'correction-batch': '批量导入校对…',
      undo: '撤销',
      redo: '重做',
      find: '查找…',
      replace: '替换…',
      settings: '设置…',
    },
    roles: { quit: '退出', cut: '剪切', copy: '复制', paste: '粘贴', selectAll: '全选' },
  },
};

/**
 * Chords the system's own menu items already answer (clipboard, reload, zoom, quit, close; on macOS
 * also hide and minimize): a command's accelerator skips them so no two items share one.
 */
function systemChords(platform: string): ReadonlySet<string> {
  const all = ['Mod+x', 'Mod+c', 'Mod+v', 'Mod+a', 'Mod+q', 'Mod+w', 'Mod+r', 'Mod+Shift+r', 'Mod+Shift+i'];
  const view = ['Mod+0', 'Mod+=', 'Mod+Shift+=', 'Mod+-'];
  const mac = ['Mod+h', 'Mod+Alt+h', 'Mod+m'];
  return new Set([...all, ...view, ...(platform === 'darwin' ? mac : [])]);
}

/**
 * A menu item's accelerator: the first of the command's chords with Mod (Alt and plain keys type
 * text, which an accelerator would take from the text fields) that the system does not use.
 */
function acceleratorFor(chords: readonly string[], reserved: ReadonlySet<string>) {
  for (const chord of chords) {
    if (!chord.startsWith('Mod+') || reserved.has(chord)) continue;
    const accelerator = chordAccelerator(chord);
    if (accelerator) return { accelerator, chord };
  }
  return { accelerator: null, chord: null };
}

export interface MenuOptions {
  keymap: Keymap;
  /** process.platform of the host. */
  platform: string;
  language: MenuLanguage;
  /** The command table (tests pass their own). */
  table?: readonly (CommandSpec & { readonly id: CommandId })[];
  words?: { readonly [L in MenuLanguage]: MenuWords };
}

export function buildMenuModel({
  keymap,
  platform,
  language,
  table = COMMAND_TABLE,
  words = MENU_WORDS,
}: MenuOptions): MenuBarModel[] {
  const w = words[language];
  const reserved = systemChords(platform);
  const menu = (name: MenuName): MenuBarModel => {
    const items: MenuItemModel[] = [];
    for (const part of LAYOUT[name]) {
      const section: MenuItemModel[] = Array.isArray(part)
        ? part.map((role) => {
            const label = w.roles[role];
            return label ? { kind: 'role' as const, role, label } : { kind: 'role' as const, role };
          })
        : table
            .filter((c) => c.menu?.menu === name && c.menu.section === part)
            .map((c) => ({
              kind: 'command' as const,
              id: c.id as MenuCommandId,
              label: w.items[c.id as MenuCommandId] ?? c.id,
              ...acceleratorFor(keymap.get(c.id) ?? [], reserved),
            }));
      if (section.length === 0) continue;
      if (items.length > 0) items.push({ kind: 'separator' });
      items.push(...section);
    }
    return { kind: 'menu', name, label: w.menus[name], items };
  };
  const zh = language === 'zh-CN';
  return [
    ...(platform === 'darwin' ? [{ kind: 'role' as const, role: 'appMenu' as const }] : []),
    menu('file'),
    menu('edit'),
    zh ? { kind: 'role', role: 'viewMenu', label: w.menus.view } : { kind: 'role', role: 'viewMenu' },
    zh ? { kind: 'role', role: 'windowMenu', label: w.menus.window } : { kind: 'role', role: 'windowMenu' },
  ];
}

/** The command items of a menu model, in order. */
export function menuCommands(model: readonly MenuBarModel[]): Extract<MenuItemModel, { kind: 'command' }>[] {
  return model.flatMap((entry) => (entry.kind === 'menu' ? entry.items.filter((item) => item.kind === 'command') : []));
}

/** The chords the menu's accelerators answer: the page leaves these to the menu. */
export function menuChords(model: readonly MenuBarModel[]): ReadonlySet<string> {
  return new Set(menuCommands(model).flatMap((item) => (item.chord ? [item.chord] : [])));
}

/** The menu's language: the one chosen in settings, else the system's. */
export function menuLanguage(saved: MenuLanguage | null | undefined, locale: string): MenuLanguage {
  return saved ?? (locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
}
