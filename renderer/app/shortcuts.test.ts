import { describe, expect, it } from 'vitest';
import { chordLabel, chordOf, isChord } from '../../shared/commands/chords';
import { buildKeymap, findConflicts } from '../../shared/commands/keymap';
import { buildMenuModel, menuChords as chordsOfMenu } from '../../shared/commands/menu';
import { COMMAND_TABLE } from '../../shared/commands/table';
import { type KeyInput, shortcutFor } from './shortcuts';

const CODES: Record<string, string> = { ' ': 'Space', '?': 'Slash', '[': 'BracketLeft', '=': 'Equal' };
const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  code: CODES[k] ?? (/^[a-z]$/i.test(k) ? `Key${k.toUpperCase()}` : /^\d$/.test(k) ? `Digit${k}` : k),
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  mac: false,
  place: 'page',
  modalOpen: false,
  menuChords: new Set(),
  ...extra,
});
const keymap = buildKeymap();
/** The chords Electron's menu answers with the default keys. */
const menuChords = (mac: boolean) =>
  chordsOfMenu(buildMenuModel({ keymap, platform: mac ? 'darwin' : 'linux', language: 'en' }));

describe('chordOf', () => {
  it('writes modifiers in one order, letters lower-case, Mod for Ctrl or ⌘', () => {
    expect(chordOf(key('S', { ctrlKey: true, shiftKey: true }), false)).toBe('Mod+Shift+s');
    expect(chordOf(key('s', { metaKey: true }), true)).toBe('Mod+s');
    expect(chordOf(key('s', { ctrlKey: true }), true)).toBeNull();
    expect(chordOf(key(' '), false)).toBe('Space');
    expect(chordOf(key('Control', { ctrlKey: true }), false)).toBeNull();
  });

  it('reads Alt chords from the physical key (macOS ⌥ changes the character) and keeps Shift in punctuation', () => {
    expect(chordOf({ ...key('ß', { altKey: true }), code: 'KeyS' }, true)).toBe('Alt+s');
    expect(chordOf({ ...key('“', { altKey: true }), code: 'BracketLeft' }, true)).toBe('Alt+[');
    expect(chordOf({ ...key('!', { altKey: true, shiftKey: true }), code: 'Digit1' }, false)).toBe('Alt+Shift+1');
    expect(chordOf({ ...key('?', { shiftKey: true }), code: 'Slash' }, false)).toBe('?');
  });
});

describe('shortcutFor', () => {
  it('maps file chords, also inside text fields', () => {
    expect(shortcutFor(key('o', { ctrlKey: true }), keymap)).toBe('open');
    expect(shortcutFor(key('s', { ctrlKey: true, place: 'segment-field' }), keymap)).toBe('save');
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true }), keymap)).toBe('save-as');
    expect(shortcutFor(key('e', { ctrlKey: true }), keymap)).toBe('export');
    expect(shortcutFor(key('s', { metaKey: true, mac: true }), keymap)).toBe('save');
    expect(shortcutFor(key('s', { metaKey: true }), keymap)).toBeNull();
  });

  it('leaves menu chords to the Electron menu, and everything to an open modal or an IME', () => {
    expect(shortcutFor(key('s', { ctrlKey: true, menuChords: menuChords(false) }), keymap)).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true, menuChords: menuChords(false) }), keymap)).toBeNull();
    expect(shortcutFor(key('m', { altKey: true, menuChords: menuChords(false) }), keymap)).toBe('merge');
    expect(shortcutFor(key('s', { ctrlKey: true, modalOpen: true }), keymap)).toBeNull();
    expect(shortcutFor(key(' ', { modalOpen: true }), keymap)).toBeNull();
    expect(shortcutFor(key('Enter', { ctrlKey: true, isComposing: true }), keymap)).toBeNull();
  });

  it('leaves a rebound menu chord to the menu, and runs the one the menu gave up', () => {
    const rebound = buildKeymap({ save: ['Mod+k'] });
    const chords = chordsOfMenu(buildMenuModel({ keymap: rebound, platform: 'linux', language: 'en' }));
    const inElectron = (k: KeyInput) => shortcutFor({ ...k, menuChords: chords }, rebound);
    // The menu runs Ctrl+K now: the page must not run Save a second time.
    expect(inElectron(key('k', { ctrlKey: true }))).toBeNull();
    // Ctrl+S is no one's key any more, in the menu or the page.
    expect(inElectron(key('s', { ctrlKey: true }))).toBeNull();
    // The browser host has no menu: the page runs the new key itself.
    expect(shortcutFor(key('k', { ctrlKey: true }), rebound)).toBe('save');
  });

  it('fires plain keys only outside text fields and controls; Alt and Mod chords everywhere', () => {
    expect(shortcutFor(key(' '), keymap)).toBe('toggle-play');
    expect(shortcutFor(key(' ', { place: 'segment-field' }), keymap)).toBeNull();
    expect(shortcutFor(key(' ', { place: 'control' }), keymap)).toBeNull();
    expect(shortcutFor(key('Delete', { place: 'segment-field' }), keymap)).toBeNull();
    expect(shortcutFor(key('Delete'), keymap)).toBe('delete');
    expect(shortcutFor(key('p', { altKey: true, place: 'segment-field' }), keymap)).toBe('toggle-play');
    expect(shortcutFor(key('Enter', { ctrlKey: true, place: 'segment-field' }), keymap)).toBe('split');
    expect(shortcutFor({ ...key('?', { shiftKey: true }) }, keymap)).toBe('shortcuts');
    expect(shortcutFor(key('a'), keymap)).toBeNull();
  });

  it('zooms the waveform with = and − outside text fields (+ and _ too), with Alt anywhere', () => {
    expect(shortcutFor(key('='), keymap)).toBe('zoom-in');
    expect(shortcutFor({ ...key('+', { shiftKey: true }), code: 'Equal' }, keymap)).toBe('zoom-in');
    expect(shortcutFor({ ...key('-'), code: 'Minus' }, keymap)).toBe('zoom-out');
    expect(shortcutFor({ ...key('_', { shiftKey: true }), code: 'Minus' }, keymap)).toBe('zoom-out');
    expect(shortcutFor(key('=', { place: 'segment-field' }), keymap)).toBeNull();
    expect(shortcutFor(key('=', { altKey: true, place: 'segment-field' }), keymap)).toBe('zoom-in');
  });

  it('keeps undo native in other text fields but takes it in segment fields', () => {
    expect(shortcutFor(key('z', { ctrlKey: true, place: 'segment-field' }), keymap)).toBe('undo');
    expect(shortcutFor(key('z', { ctrlKey: true, place: 'other-field' }), keymap)).toBeNull();
    expect(shortcutFor(key('h', { ctrlKey: true, place: 'other-field' }), keymap)).toBe('replace');
  });

  it('uses the user overrides instead of the defaults', () => {
    const mine = buildKeymap({ split: ['Alt+k'], 'no-such-action': ['Alt+x'], merge: ['bad+'] });
    expect(shortcutFor(key('k', { altKey: true }), mine)).toBe('split');
    expect(shortcutFor(key('Enter', { ctrlKey: true }), mine)).toBeNull();
    expect(mine.get('merge')).toEqual([]);
  });
});

describe('keymap', () => {
  it('has no conflicts in its defaults, and finds them after a rebinding', () => {
    expect(findConflicts(keymap).size).toBe(0);
    const clash = findConflicts(buildKeymap({ merge: ['Alt+p'] }));
    expect(clash.get('Alt+p')?.sort()).toEqual(['merge', 'toggle-play']);
  });

  it('has valid default chords for every action', () => {
    for (const spec of COMMAND_TABLE) for (const chord of spec.defaultChords) expect(isChord(chord), chord).toBe(true);
    expect(isChord('Alt+')).toBe(false);
    expect(isChord('Mod+Shift')).toBe(false);
  });

  it('labels chords per system', () => {
    expect(chordLabel('Mod+s', false)).toBe('Ctrl+S');
    expect(chordLabel('Mod+Shift+s', false)).toBe('Ctrl+Shift+S');
    expect(chordLabel('Mod+Shift+s', true)).toBe('⇧⌘S');
    expect(chordLabel('Alt++', false)).toBe('Alt++');
    expect(chordLabel('Alt+ArrowUp', false)).toBe('Alt+↑');
    expect(chordLabel('Alt+-', false)).toBe('Alt+-');
    expect(chordLabel('Alt+[', true)).toBe('⌥[');
  });
});
