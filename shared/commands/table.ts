/**
 * The one table of user commands. Everything else about commands derives from it: the shortcut
 * sheet and the rebinding list in Settings (groups, default keys), the renderer's dispatch (a handler
 * per id, checked by the compiler), the `app.command` event (the ids with a menu entry) and the
 * Electron menu (shared/commands/menu.ts, built from the user's current keys).
 *
 * Adding a command: one entry here, a label in both languages (renderer/i18n, `edit.actions.<id>`),
 * a handler in renderer/app/commands.ts, and a menu label (shared/commands/menu.ts) if it declares
 * a menu entry. The guard tests name whatever is missing.
 */

/** Where a command is listed on the shortcut sheet and in Settings. */
export type CommandGroup = 'file' | 'playback' | 'navigation' | 'editing' | 'timing' | 'view';

/** The order the groups are shown in: the keys used most while editing first. */
export const COMMAND_GROUPS: readonly CommandGroup[] = ['playback', 'navigation', 'editing', 'timing', 'file', 'view'];

/**
 * A place in the desktop menu bar: the menu and the section (sections are separated by a line;
 * within a section, commands keep their order in this table).
 */
export type MenuPlace =
  | { readonly menu: 'file'; readonly section: 'document' | 'correction' }
  | { readonly menu: 'edit'; readonly section: 'history' | 'find' | 'settings' };

/**
 * When the command applies, beyond the chord rules of the keymap (renderer/app/shortcuts.ts):
 * `not-in-other-field` = not while the keyboard is in a text field outside the segment list (the
 * find box, a dialog field): there the key keeps the field's own meaning (its own undo).
 */
export type CommandWhen = 'not-in-other-field';

export interface CommandSpec {
  readonly id: string;
  readonly group: CommandGroup;
  /**
   * Default keys, as chords (shared/commands/chords.ts): `Mod+Alt+Shift+key`, Mod = Ctrl (⌘ on
   * macOS). Alt chords avoid the macOS dead keys (⌥E, ⌥U, ⌥I, ⌥N, ⌥`) so accents still type;
   * Ctrl+Space is left alone because it switches input methods on Windows and Linux.
   */
  readonly defaultChords: readonly string[];
  readonly menu?: MenuPlace;
  readonly when?: CommandWhen;
}

const FILE = { menu: 'file', section: 'document' } as const;
const CORRECTION = { menu: 'file', section: 'correction' } as const;
const HISTORY = { menu: 'edit', section: 'history' } as const;
const FIND = { menu: 'edit', section: 'find' } as const;

export const COMMANDS = [
  { id: 'open', group: 'file', defaultChords: ['Mod+o'], menu: FILE },
  { id: 'save', group: 'file', defaultChords: ['Mod+s'], menu: FILE },
  { id: 'save-as', group: 'file', defaultChords: ['Mod+Shift+s'], menu: FILE },
  { id: 'export', group: 'file', defaultChords: ['Mod+e'], menu: FILE },
  { id: 'import-translation', group: 'file', defaultChords: [] },
  { id: 'correction-export', group: 'file', defaultChords: [], menu: CORRECTION },
  { id: 'correction-reimport', group: 'file', defaultChords: [], menu: CORRECTION },
  { id: 'correction-batch', group: 'file', defaultChords: [], menu: CORRECTION },
  { id: 'toggle-play', group: 'playback', defaultChords: ['Space', 'Alt+p'] },
  { id: 'play-segment', group: 'playback', defaultChords: ['Alt+r'] },
  { id: 'toggle-loop', group: 'playback', defaultChords: ['Alt+l'] },
  { id: 'prev-segment', group: 'navigation', defaultChords: ['Alt+ArrowUp', 'ArrowUp'] },
  { id: 'next-segment', group: 'navigation', defaultChords: ['Alt+ArrowDown', 'ArrowDown'] },
  { id: 'switch-field', group: 'navigation', defaultChords: ['Alt+j'] },
  { id: 'find', group: 'editing', defaultChords: ['Mod+f'], menu: FIND },
  { id: 'replace', group: 'editing', defaultChords: ['Mod+h', 'Mod+Alt+f'], menu: FIND },
  { id: 'undo', group: 'editing', defaultChords: ['Mod+z'], menu: HISTORY, when: 'not-in-other-field' },
  {
    id: 'redo',
    group: 'editing',
    defaultChords: ['Mod+Shift+z', 'Mod+y'],
    menu: HISTORY,
    when: 'not-in-other-field',
  },
  { id: 'split', group: 'editing', defaultChords: ['Mod+Enter'] },
  { id: 'merge', group: 'editing', defaultChords: ['Alt+m'] },
  { id: 'insert-after', group: 'editing', defaultChords: ['Alt+Enter'] },
  { id: 'insert-before', group: 'editing', defaultChords: ['Alt+Shift+Enter'] },
  { id: 'delete', group: 'editing', defaultChords: ['Mod+Shift+k', 'Delete'] },
  { id: 'set-start', group: 'timing', defaultChords: ['Alt+['] },
  { id: 'set-end', group: 'timing', defaultChords: ['Alt+]'] },
  { id: 'start-minus-10', group: 'timing', defaultChords: ['Alt+1'] },
  { id: 'start-plus-10', group: 'timing', defaultChords: ['Alt+2'] },
  { id: 'end-minus-10', group: 'timing', defaultChords: ['Alt+3'] },
  { id: 'end-plus-10', group: 'timing', defaultChords: ['Alt+4'] },
  { id: 'start-minus-100', group: 'timing', defaultChords: ['Alt+Shift+1'] },
  { id: 'start-plus-100', group: 'timing', defaultChords: ['Alt+Shift+2'] },
  { id: 'end-minus-100', group: 'timing', defaultChords: ['Alt+Shift+3'] },
  { id: 'end-plus-100', group: 'timing', defaultChords: ['Alt+Shift+4'] },
  { id: 'snap-start', group: 'timing', defaultChords: ['Alt+Shift+['] },
  { id: 'snap-end', group: 'timing', defaultChords: ['Alt+Shift+]'] },
  { id: 'shift-times', group: 'timing', defaultChords: ['Alt+Shift+t'] },
  { id: 'zoom-in', group: 'view', defaultChords: ['Alt+=', '=', '+'] },
  { id: 'zoom-out', group: 'view', defaultChords: ['Alt+-', '-', '_'] },
  { id: 'shortcuts', group: 'view', defaultChords: ['?', 'F1'] },
  { id: 'settings', group: 'view', defaultChords: ['Mod+,'], menu: { menu: 'edit', section: 'settings' } },
] as const satisfies readonly CommandSpec[];

type Entry = (typeof COMMANDS)[number];
export type CommandId = Entry['id'];
/** The commands the desktop menu runs: the values of the `app.command` event. */
export type MenuCommandId = Extract<Entry, { menu: MenuPlace }>['id'];

/** Some of the commands, named so that a name not in the table does not compile. */
export type CommandSubset<T extends CommandId> = T;

/** The table with its ids typed. */
export const COMMAND_TABLE: readonly (CommandSpec & { readonly id: CommandId })[] = COMMANDS;

export const COMMAND_IDS: readonly CommandId[] = COMMAND_TABLE.map((c) => c.id);

export const MENU_COMMAND_IDS = COMMAND_TABLE.filter((c) => c.menu !== undefined).map(
  (c) => c.id,
) as readonly MenuCommandId[];

export function isCommandId(value: string): value is CommandId {
  return (COMMAND_IDS as readonly string[]).includes(value);
}

const BY_ID: ReadonlyMap<CommandId, CommandSpec & { readonly id: CommandId }> = new Map(
  COMMAND_TABLE.map((c) => [c.id, c]),
);

export function commandSpec(id: CommandId): CommandSpec & { readonly id: CommandId } {
  const spec = BY_ID.get(id);
  if (!spec) throw new Error(`no command ${id}`);
  return spec;
}
