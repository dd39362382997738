import { describe, expect, it } from 'vitest';
import { type KeyInput, shortcutFor, shortcutLabel } from './shortcuts';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  isComposing: false,
  mac: false,
  inControl: false,
  modalOpen: false,
  menuHandlesFileKeys: false,
  ...extra,
});

describe('shortcutFor', () => {
  it('maps Ctrl (⌘ on macOS) shortcuts to file commands, also inside text fields', () => {
    expect(shortcutFor(key('o', { ctrlKey: true }))).toBe('open');
    expect(shortcutFor(key('s', { ctrlKey: true, inControl: true }))).toBe('save');
    expect(shortcutFor(key('S', { ctrlKey: true, shiftKey: true }))).toBe('save-as');
    expect(shortcutFor(key('e', { ctrlKey: true }))).toBe('export');
    expect(shortcutFor(key('s', { metaKey: true, mac: true }))).toBe('save');
    expect(shortcutFor(key('s', { metaKey: true }))).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true, mac: true }))).toBeNull();
  });

  it('leaves file keys to the Electron menu, and everything to an open modal or an IME', () => {
    expect(shortcutFor(key('s', { ctrlKey: true, menuHandlesFileKeys: true }))).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true, modalOpen: true }))).toBeNull();
    expect(shortcutFor(key(' ', { modalOpen: true }))).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true, isComposing: true }))).toBeNull();
  });

  it('plays and pauses with Space only outside text fields and controls', () => {
    expect(shortcutFor(key(' '))).toBe('toggle-play');
    expect(shortcutFor(key(' ', { menuHandlesFileKeys: true }))).toBe('toggle-play');
    expect(shortcutFor(key(' ', { inControl: true }))).toBeNull();
    expect(shortcutFor(key(' ', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key('a'))).toBeNull();
  });

  it('labels shortcuts per system', () => {
    expect(shortcutLabel('s', { mac: false })).toBe('Ctrl+S');
    expect(shortcutLabel('s', { mac: false, shift: true })).toBe('Ctrl+Shift+S');
    expect(shortcutLabel('s', { mac: true, shift: true })).toBe('⇧⌘S');
  });
});
