import { chordLabel, isChord } from './chords';
import { COMMAND_TABLE, type CommandId, type CommandSpec } from './table';

/** The user's changes, as saved in settings.shortcuts: a command's chords replace its defaults ([] = no key). */
export type ShortcutOverrides = Partial<Record<CommandId, readonly string[]>>;

/** Every command's chords, in table order. */
export type Keymap = ReadonlyMap<CommandId, readonly string[]>;

/**
 * The table's defaults with the user's overrides applied; unknown commands and malformed chords are
 * ignored (a settings file from another version must not break the keys).
 */
export function buildKeymap(
  overrides: Readonly<Record<string, readonly string[]>> = {},
  table: readonly (CommandSpec & { readonly id: CommandId })[] = COMMAND_TABLE,
): Keymap {
  const map = new Map<CommandId, readonly string[]>();
  for (const spec of table) {
    const own = Object.hasOwn(overrides, spec.id) ? overrides[spec.id] : undefined;
    map.set(spec.id, own ? own.filter(isChord) : spec.defaultChords);
  }
  return map;
}

/** Chords bound to more than one command, with those commands. */
export function findConflicts(keymap: Keymap): Map<string, CommandId[]> {
  const byChord = new Map<string, CommandId[]>();
  for (const [id, chords] of keymap) {
    for (const chord of chords) byChord.set(chord, [...(byChord.get(chord) ?? []), id]);
  }
  return new Map([...byChord].filter(([, ids]) => ids.length > 1));
}

/** The first chord of a command, labelled for this system; '' when it has none. */
export function commandKeysLabel(keymap: Keymap, id: CommandId, mac: boolean): string {
  const chord = keymap.get(id)?.[0];
  return chord ? chordLabel(chord, mac) : '';
}
