import { chordOf, isPlainChord, type KeyEventLike } from '../../shared/commands/chords';
import type { Keymap } from '../../shared/commands/keymap';
import { COMMAND_TABLE, type CommandId, type CommandWhen } from '../../shared/commands/table';

/**
 * The page's keyboard: which command a keydown runs, from the keymap (the command table's defaults
 * with the user's overrides, shared/commands/keymap.ts).
 *
 * Where keys work: chords with Mod or Alt work everywhere, text fields included (so an editor can
 * split, retime and play without leaving the text); plain keys (Space, Delete, ?, arrows) only
 * outside text fields and controls, where they do not type. Nothing fires during an IME
 * composition or while a modal dialog is open.
 */

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
   * not run them a second time (shared/commands/menu.ts menuChords).
   */
  menuChords: ReadonlySet<string>;
}

/** Whether a command's `when` allows it with the keyboard at `place`. */
export function applies(when: CommandWhen | undefined, place: KeyPlace): boolean {
  return !(when === 'not-in-other-field' && place === 'other-field');
}

export function shortcutFor(input: KeyInput, keymap: Keymap): CommandId | null {
  if (input.isComposing || input.modalOpen) return null;
  const chord = chordOf(input, input.mac);
  if (chord === null || input.menuChords.has(chord)) return null;
  if (isPlainChord(chord) && input.place !== 'page') return null;
  for (const spec of COMMAND_TABLE) {
    if (!keymap.get(spec.id)?.includes(chord)) continue;
    return applies(spec.when, input.place) ? spec.id : null;
  }
  return null;
}
