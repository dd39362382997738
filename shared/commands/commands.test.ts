import { describe, expect, it } from 'vitest';
import { events } from '../ipc/contract';
import { chordAccelerator, isChord } from './chords';
import { missingHandlers, missingLabels, missingMenuEntries } from './guards';
import { buildKeymap, findConflicts } from './keymap';
import { buildMenuModel, MENU_WORDS, type MenuBarModel, menuChords, menuCommands, menuLanguage } from './menu';
import { COMMAND_IDS, COMMAND_TABLE, type CommandId, type CommandSpec, MENU_COMMAND_IDS } from './table';

const menu = (platform = 'linux', overrides: Record<string, string[]> = {}, language: 'en' | 'zh-CN' = 'en') =>
  buildMenuModel({ keymap: buildKeymap(overrides), platform, language });
const item = (model: readonly MenuBarModel[], id: string) => menuCommands(model).find((i) => i.id === id);

describe('the command table', () => {
  it('has unique ids and valid default chords that do not clash', () => {
    expect(new Set(COMMAND_IDS).size).toBe(COMMAND_IDS.length);
    for (const spec of COMMAND_TABLE) for (const chord of spec.defaultChords) expect(isChord(chord), chord).toBe(true);
    expect(findConflicts(buildKeymap()).size).toBe(0);
  });

  it('gives app.command exactly the commands with a menu entry', () => {
    const declared = COMMAND_TABLE.filter((c) => c.menu).map((c) => c.id);
    expect([...MENU_COMMAND_IDS]).toEqual(declared);
    expect(events['app.command'].shape.command.options).toEqual(declared);
    expect(events['app.command'].safeParse({ command: 'save' }).success).toBe(true);
    expect(events['app.command'].safeParse({ command: 'split' }).success).toBe(false);
  });

  it('puts every command that declares a menu entry in that menu, labelled, in both languages and on every system', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      for (const language of ['en', 'zh-CN'] as const) {
        expect(missingMenuEntries(COMMAND_TABLE, menu(platform, {}, language)), `${platform} ${language}`).toEqual([]);
      }
    }
    expect(
      missingLabels(
        COMMAND_TABLE.filter((c) => c.menu),
        { en: MENU_WORDS.en.items, zh: MENU_WORDS['zh-CN'].items },
      ),
    ).toEqual([]);
  });
});

describe('the menu model', () => {
  it('keeps the desktop menu of before: File and Edit items, accelerators on Mod chords', () => {
    const model = menu();
    const file = model.find((m) => m.kind === 'menu' && m.name === 'file');
    expect(
      file?.kind === 'menu' && file.items.map((i) => (i.kind === 'command' ? i.id : i.kind === 'role' ? i.role : '|')),
    ).toEqual([
      'open',
      'save',
      'save-as',
      'export',
      '|',
      'correction-export',
      'correction-reimport',
      'correction-batch',
      '|',
      'quit',
    ]);
    expect(item(model, 'save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(item(model, 'save-as')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(item(model, 'redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
    expect(item(model, 'settings')?.accelerator).toBe('CmdOrCtrl+,');
    expect(item(model, 'correction-batch')?.accelerator).toBeNull();
    // ⌘H hides the app on macOS: Replace takes its other chord there.
    expect(item(model, 'replace')?.accelerator).toBe('CmdOrCtrl+H');
    expect(item(menu('darwin'), 'replace')?.accelerator).toBe('CmdOrCtrl+Alt+F');
    expect(menu('darwin')[0]).toEqual({ kind: 'role', role: 'appMenu' });
  });

  it('moves the Save accelerator when Save is rebound, and the menu chords with it', () => {
    const rebound = menu('linux', { save: ['Mod+k'] });
    expect(item(rebound, 'save')?.accelerator).toBe('CmdOrCtrl+K');
    expect(menuChords(rebound).has('Mod+k')).toBe(true);
    expect(menuChords(rebound).has('Mod+s')).toBe(false);
    // Keys that type (Alt, plain) never become accelerators: the page runs them.
    const typed = menu('linux', { save: ['Alt+s', 'F5'] });
    expect(item(typed, 'save')?.accelerator).toBeNull();
    expect(item(menu('linux', { save: [] }), 'save')?.accelerator).toBeNull();
  });

  it('is in the chosen language, else the system one', () => {
    const zh = menu('linux', {}, 'zh-CN');
    expect(zh.find((m) => m.kind === 'menu' && m.name === 'file')?.label).toBe('文件');
    expect(item(zh, 'save')?.label).toBe('保存');
    expect(menuLanguage(null, 'zh-CN')).toBe('zh-CN');
    expect(menuLanguage(null, 'en-US')).toBe('en');
    expect(menuLanguage('en', 'zh-TW')).toBe('en');
  });

  it('writes chords as Electron accelerators', () => {
    expect(chordAccelerator('Mod+Alt+f')).toBe('CmdOrCtrl+Alt+F');
    expect(chordAccelerator('Mod+Enter')).toBe('CmdOrCtrl+Return');
    expect(chordAccelerator('Mod+ArrowUp')).toBe('CmdOrCtrl+Up');
    expect(chordAccelerator('Mod++')).toBe('CmdOrCtrl+Plus');
    expect(chordAccelerator('F1')).toBe('F1');
    expect(chordAccelerator('Mod+Shift')).toBeNull();
  });
});

// The guards themselves: each notices a gap it is shown.
describe('command table guards', () => {
  const table: (CommandSpec & { id: CommandId })[] = [
    { id: 'save', group: 'file', defaultChords: ['Mod+s'], menu: { menu: 'file', section: 'document' } },
    { id: 'merge', group: 'editing', defaultChords: ['Alt+m'] },
  ];

  it('report a command without a handler', () => {
    expect(missingHandlers(table, { save: () => {}, merge: () => {} })).toEqual([]);
    expect(missingHandlers(table, { save: () => {} })).toEqual(['merge']);
    expect(missingHandlers(table, { save: () => {}, merge: 'not a function' })).toEqual(['merge']);
  });

  it('report a command without a label in a language', () => {
    const labels = { en: { save: 'Save', merge: 'Merge' }, 'zh-CN': { save: '保存', merge: '' } };
    expect(missingLabels(table, labels)).toEqual(['zh-CN:merge']);
    expect(missingLabels(table, { en: { save: 'Save' } })).toEqual(['en:merge']);
  });

  it('report a declared menu entry the menu lacks', () => {
    const model = buildMenuModel({ keymap: buildKeymap(), platform: 'linux', language: 'en', table });
    expect(missingMenuEntries(table, model)).toEqual([]);
    const withoutSave = model.map((m) =>
      m.kind === 'menu' ? { ...m, items: m.items.filter((i) => i.kind !== 'command') } : m,
    );
    expect(missingMenuEntries(table, withoutSave)).toEqual(['save']);
    // A command that declares a menu entry but has no menu words shows its id, which counts as missing.
    const unworded = [
      { id: 'find', group: 'editing', defaultChords: [], menu: { menu: 'edit', section: 'find' } },
    ] as const;
    const words = {
      en: { ...MENU_WORDS.en, items: { ...MENU_WORDS.en.items, find: undefined as unknown as string } },
      'zh-CN': MENU_WORDS['zh-CN'],
    };
    const bare = buildMenuModel({ keymap: buildKeymap(), platform: 'linux', language: 'en', table: unworded, words });
    expect(missingMenuEntries(unworded, bare)).toEqual(['find']);
  });
});
