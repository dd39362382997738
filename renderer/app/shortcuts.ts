import type { FileCommand } from '../features/files/commands';

/**
 * The keyboard map: every action with its default chords, the user's overrides from settings, and
 * the pure matching of a keydown to an action. A chord is written `Mod+Alt+Shift+key`: Mod is Ctrl
 * (⌘ on macOS); key is a lower-case letter or digit, a punctuation character, or a key name
 * (`Space`, `Enter`, `ArrowUp`, `F1`…).
 *
 * Where keys work: chords with Mod or Alt work everywhere, text fields included (so an editor can
 * split, retime and play without leaving the text); plain keys (Space, Delete, ?, arrows) only
 * outside text fields and controls, where they do not type. Nothing fires during an IME
 * composition or while a modal dialog is open.
 */
export type ShortcutAction =
  | FileCommand
  | 'toggle-play'
  | 'play-segment'
  | 'toggle-loop'
  | 'prev-segment'
  | 'next-segment'
  | 'switch-field'
  | 'set-start'
  | 'set-end'
  | 'split'
  | 'merge'
  | 'insert-after'
  | 'insert-before'
  | 'delete'
  | 'start-minus-10'
  | 'start-plus-10'
  | 'start-minus-100'
  | 'start-plus-100'
  | 'end-minus-10'
  | 'end-plus-10'
  | 'end-minus-100'
  | 'end-plus-100'
  | 'snap-start'
  | 'snap-end'
  | 'shift-times'
  | 'zoom-in'
  | 'zoom-out'
  | 'undo'
  | 'redo'
  | 'find'
  | 'replace'
  | 'shortcuts'
  | 'settings';

export type ShortcutGroup = 'file' | 'playback' | 'navigation' | 'editing' | 'timing' | 'view';

export interface ShortcutSpec {
  readonly action: ShortcutAction;
  readonly group: ShortcutGroup;
  readonly defaults: readonly string[];
  /** Where a text field has its own meaning for the key (undo in the find box), the field keeps it. */
  readonly nativeInOtherFields?: boolean;
}

/**
 * The defaults. Alt chords avoid the macOS dead keys (⌥E, ⌥U, ⌥I, ⌥N, ⌥`) so accents still type;
 * Ctrl+Space is left alone because it switches input methods on Windows and Linux.
 */
export const SHORTCUTS: readonly ShortcutSpec[] = [
  { action: 'open', group: 'file', defaults: ['Mod+o'] },
  { action: 'save', group: 'file', defaults: ['Mod+s'] },
  { action: 'save-as', group: 'file', defaults: ['Mod+Shift+s'] },
  { action: 'export', group: 'file', defaults: ['Mod+e'] },
  { action: 'toggle-play', group: 'playback', defaults: ['Space', 'Alt+p'] },
  { action: 'play-segment', group: 'playback', defaults: ['Alt+r'] },
  { action: 'toggle-loop', group: 'playback', defaults: ['Alt+l'] },
  { action: 'prev-segment', group: 'navigation', defaults: ['Alt+ArrowUp', 'ArrowUp'] },
  { action: 'next-segment', group: 'navigation', defaults: ['Alt+ArrowDown', 'ArrowDown'] },
  { action: 'switch-field', group: 'navigation', defaults: ['Alt+j'] },
  { action: 'find', group: 'editing', defaults: ['Mod+f'], nativeInOtherFields: false },
  { action: 'replace', group: 'editing', defaults: ['Mod+h', 'Mod+Alt+f'] },
  { action: 'undo', group: 'editing', defaults: ['Mod+z'], nativeInOtherFields: true },
  { action: 'redo', group: 'editing', defaults: ['Mod+Shift+z', 'Mod+y'], nativeInOtherFields: true },
  { action: 'split', group: 'editing', defaults: ['Mod+Enter'] },
  { action: 'merge', group: 'editing', defaults: ['Alt+m'] },
  { action: 'insert-after', group: 'editing', defaults: ['Alt+Enter'] },
  { action: 'insert-before', group: 'editing', defaults: ['Alt+Shift+Enter'] },
  { action: 'delete', group: 'editing', defaults: ['Mod+Shift+k', 'Delete'] },
  { action: 'set-start', group: 'timing', defaults: ['Alt+['] },
  { action: 'set-end', group: 'timing', defaults: ['Alt+]'] },
  { action: 'start-minus-10', group: 'timing', defaults: ['Alt+1'] },
  { action: 'start-plus-10', group: 'timing', defaults: ['Alt+2'] },
  { action: 'end-minus-10', group: 'timing', defaults: ['Alt+3'] },
  { action: 'end-plus-10', group: 'timing', defaults: ['Alt+4'] },
  { action: 'start-minus-100', group: 'timing', defaults: ['Alt+Shift+1'] },
  { action: 'start-plus-100', group: 'timing', defaults: ['Alt+Shift+2'] },
  { action: 'end-minus-100', group: 'timing', defaults: ['Alt+Shift+3'] },
  { action: 'end-plus-100', group: 'timing', defaults: ['Alt+Shift+4'] },
  { action: 'snap-start', group: 'timing', defaults: ['Alt+Shift+['] },
  { action: 'snap-end', group: 'timing', defaults: ['Alt+Shift+]'] },
  { action: 'shift-times', group: 'timing', defaults: ['Alt+Shift+t'] },
  { action: 'zoom-in', group: 'view', defaults: ['Alt+='] },
  { action: 'zoom-out', group: 'view', defaults: ['Alt+-'] },
  { action: 'shortcuts', group: 'view', defaults: ['?', 'F1'] },
  { action: 'settings', group: 'view', defaults: ['Mod+,'] },
];

export const SHORTCUT_ACTIONS: readonly ShortcutAction[] = SHORTCUTS.map((s) => s.action);

/** The user's changes: an action's chords replace its defaults ([] = no key). */
export type ShortcutOverrides = Partial<Record<ShortcutAction, readonly string[]>>;

export type Keymap = ReadonlyMap<ShortcutAction, readonly string[]>;

export function isShortcutAction(value: string): value is ShortcutAction {
  return (SHORTCUT_ACTIONS as readonly string[]).includes(value);
}

/** Defaults with the user's overrides applied; unknown actions and malformed chords are ignored. */
export function buildKeymap(overrides: Readonly<Record<string, readonly string[]>> = {}): Keymap {
  const map = new Map<ShortcutAction, readonly string[]>();
  for (const spec of SHORTCUTS) {
    const own = overrides[spec.action];
    map.set(spec.action, own ? own.filter(isChord) : spec.defaults);
  }
  return map;
}

/** Chords bound to more than one action, with those actions. */
export function findConflicts(keymap: Keymap): Map<string, ShortcutAction[]> {
  const byChord = new Map<string, ShortcutAction[]>();
  for (const [action, chords] of keymap) {
    for (const chord of chords) byChord.set(chord, [...(byChord.get(chord) ?? []), action]);
  }
  return new Map([...byChord].filter(([, actions]) => actions.length > 1));
}

const MODIFIER_KEYS = new Set([
  'Control',
  'Meta',
  'Alt',
  'Shift',
  'AltGraph',
  'CapsLock',
  'OS',
  'Fn',
  'Hyper',
  'Super',
]);

/** Physical keys for Alt chords: on macOS ⌥ changes the character (⌥S is ß), so the key's code decides. */
const CODE_KEYS: Record<string, string> = {
  Minus: '-',
  Equal: '=',
  BracketLeft: '[',
  BracketRight: ']',
  Comma: ',',
  Period: '.',
  Slash: '/',
  Semicolon: ';',
  Quote: "'",
  Backquote: '`',
  Backslash: '\\',
};

function keyName(key: string, code: string, useCode: boolean): string | null {
  if (MODIFIER_KEYS.has(key)) return null;
  if (useCode) {
    const letter = /^Key([A-Z])$/.exec(code)?.[1];
    if (letter) return letter.toLowerCase();
    const digit = /^(?:Digit|Numpad)(\d)$/.exec(code)?.[1];
    if (digit) return digit;
    const punct = CODE_KEYS[code];
    if (punct) return punct;
  }
  if (key === ' ' || key === 'Spacebar') return 'Space';
  if (key.length === 1) return key.toLowerCase();
  if (key === 'Dead' || key === 'Unidentified' || key === 'Process') return null;
  return key;
}

/** The parts of a keydown that make its chord. */
export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * The chord a keydown is, or null for a lone modifier, an IME key or a modifier this system does not
 * use for shortcuts (⌃ on macOS, the Windows key elsewhere).
 */
export function chordOf(event: KeyEventLike, mac: boolean): string | null {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const foreign = mac ? event.ctrlKey : event.metaKey;
  if (foreign) return null;
  const key = keyName(event.key, event.code, event.altKey || mod);
  if (key === null) return null;
  // Shift is part of the character for punctuation typed plainly ('?' is Shift+/): not a modifier then.
  const shiftInKey = key.length === 1 && !/[a-z0-9]/.test(key) && !event.altKey && !mod;
  return [mod ? 'Mod' : '', event.altKey ? 'Alt' : '', event.shiftKey && !shiftInKey ? 'Shift' : '', key]
    .filter(Boolean)
    .join('+');
}

const CHORD = /^(Mod\+)?(Alt\+)?(Shift\+)?(.+)$/;

export function isChord(value: string): boolean {
  const key = CHORD.exec(value)?.[4];
  if (key === undefined || MODIFIER_KEYS.has(key) || key === 'Mod') return false;
  return key === '+' || !key.includes('+');
}

/** A chord with neither Mod nor Alt: it types in text fields, so it only works outside them. */
export function isPlainChord(chord: string): boolean {
  return !chord.startsWith('Mod+') && !chord.startsWith('Alt+');
}

/** Where the key was pressed. */
export type KeyPlace =
  /** Nothing that takes keys: the page, a row, the waveform. */
  | 'page'
  /** A segment's text field in the grid. */
  | 'segment-field'
  /** Another text field (find box, a dialog field). */
  | 'other-field'
  /** A button, select or media element (Space and arrows are theirs). */
  | 'control';

export interface KeyInput extends KeyEventLike {
  isComposing: boolean;
  /** macOS uses ⌘ where other systems use Ctrl. */
  mac: boolean;
  place: KeyPlace;
  /** A modal dialog is open; it owns the keyboard. */
  modalOpen: boolean;
  /**
   * The host's menu has accelerators for these chords and sends app.command (Electron); the page must
   * not run them a second time.
   */
  menuChords: ReadonlySet<string>;
}

/** The menu accelerators of the Electron host, as chords (kept in step with electron/main/index.ts). */
export function menuChords(mac: boolean): ReadonlySet<string> {
  return new Set([
    'Mod+o',
    'Mod+s',
    'Mod+Shift+s',
    'Mod+e',
    'Mod+z',
    'Mod+Shift+z',
    'Mod+f',
    mac ? 'Mod+Alt+f' : 'Mod+h',
    'Mod+,',
  ]);
}

export function shortcutFor(input: KeyInput, keymap: Keymap): ShortcutAction | null {
  if (input.isComposing || input.modalOpen) return null;
  const chord = chordOf(input, input.mac);
  if (chord === null || input.menuChords.has(chord)) return null;
  if (isPlainChord(chord) && input.place !== 'page') return null;
  for (const spec of SHORTCUTS) {
    if (!keymap.get(spec.action)?.includes(chord)) continue;
    if (spec.nativeInOtherFields && input.place === 'other-field') return null;
    return spec.action;
  }
  return null;
}

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Alt: '⌥', Shift: '⇧' };
const KEY_LABELS: Record<string, string> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Delete: 'Del',
  Backspace: '⌫',
  Escape: 'Esc',
};

/** How a chord is written on this system: `Ctrl+Shift+S` or `⇧⌘S`. */
export function chordLabel(chord: string, mac: boolean): string {
  const parts = chord === '+' ? ['+'] : chord.split('+');
  const key = parts.pop() ?? '';
  const shownKey = key === 'Enter' && mac ? '↩' : (KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key));
  // macOS writes modifiers in the order ⌥⇧⌘.
  const macOrder = ['Alt', 'Shift', 'Mod'];
  if (mac) return [...macOrder.filter((p) => parts.includes(p)).map((p) => MAC_SYMBOLS[p]), shownKey].join('');
  return [...parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)), shownKey].join('+');
}

/** How a shortcut is written on this system, for tooltips: `Ctrl+S` or `⌘S`. */
export function shortcutLabel(key: string, options: { mac: boolean; shift?: boolean }): string {
  return chordLabel(`Mod+${options.shift ? 'Shift+' : ''}${key.toLowerCase()}`, options.mac);
}

/** The first chord of an action, labelled; '' when it has none. */
export function actionLabel(keymap: Keymap, action: ShortcutAction, mac: boolean): string {
  const chord = keymap.get(action)?.[0];
  return chord ? chordLabel(chord, mac) : '';
}
