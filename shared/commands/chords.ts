/**
 * Chords: how a key combination is written in the command table and the settings. A chord is
 * `Mod+Alt+Shift+key`, modifiers in that order: Mod is Ctrl (⌘ on macOS); key is a lower-case letter
 * or digit, a punctuation character, or a key name (`Space`, `Enter`, `ArrowUp`, `F1`…).
 */

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

function splitChord(chord: string): { modifiers: string[]; key: string } {
  const parts =
    chord === '+' ? ['+'] : chord.endsWith('++') ? [...chord.slice(0, -2).split('+'), '+'] : chord.split('+');
  const key = parts.pop() ?? '';
  return { modifiers: parts, key };
}

/** How a chord is written on this system: `Ctrl+Shift+S` or `⇧⌘S`. */
export function chordLabel(chord: string, mac: boolean): string {
  const { modifiers, key } = splitChord(chord);
  const shownKey = key === 'Enter' && mac ? '↩' : (KEY_LABELS[key] ?? (key.length === 1 ? key.toUpperCase() : key));
  // macOS writes modifiers in the order ⌥⇧⌘.
  const macOrder = ['Alt', 'Shift', 'Mod'];
  if (mac) return [...macOrder.filter((p) => modifiers.includes(p)).map((p) => MAC_SYMBOLS[p]), shownKey].join('');
  return [...modifiers.map((p) => (p === 'Mod' ? 'Ctrl' : p)), shownKey].join('+');
}

/** Key names that differ in Electron's accelerator syntax. */
const ACCELERATOR_KEYS: Record<string, string> = {
  '+': 'Plus',
  Space: 'Space',
  Enter: 'Return',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Escape: 'Esc',
};
const ACCELERATOR_NAMED = new Set([
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  ...Array.from({ length: 24 }, (_, i) => `F${i + 1}`),
]);

/**
 * The chord as an Electron menu accelerator (`CmdOrCtrl+Shift+S`), or null for a key the accelerator
 * syntax cannot name. Mod becomes CmdOrCtrl, so one accelerator serves every system.
 */
export function chordAccelerator(chord: string): string | null {
  if (!isChord(chord)) return null;
  const { modifiers, key } = splitChord(chord);
  let name: string | undefined = ACCELERATOR_KEYS[key];
  if (name === undefined && key.length === 1 && /^[\x21-\x7e]$/.test(key)) name = key.toUpperCase();
  if (name === undefined && ACCELERATOR_NAMED.has(key)) name = key;
  if (name === undefined) return null;
  return [...modifiers.map((m) => (m === 'Mod' ? 'CmdOrCtrl' : m)), name].join('+');
}
