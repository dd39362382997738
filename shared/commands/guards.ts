import type { MenuBarModel } from './menu';
import type { CommandSpec } from './table';

/**
 * Checks that everything derived from the command table is complete. Each returns what is missing
 * ([] = complete), so a failing test names the command; the tests of these guards feed them tables
 * with a gap to show they notice.
 */

/** Commands without a handler in the dispatch map. */
export function missingHandlers(table: readonly Pick<CommandSpec, 'id'>[], handlers: object): string[] {
  return table.filter((c) => typeof (handlers as Record<string, unknown>)[c.id] !== 'function').map((c) => c.id);
}

/** `language:id` for every command without a non-empty label in that language's labels. */
export function missingLabels(
  table: readonly Pick<CommandSpec, 'id'>[],
  labels: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
): string[] {
  return Object.entries(labels).flatMap(([language, words]) =>
    table
      .filter((c) => {
        const label = words[c.id];
        return typeof label !== 'string' || label.trim() === '';
      })
      .map((c) => `${language}:${c.id}`),
  );
}

/** Commands that declare a menu entry but have no labelled item in that menu of the model. */
export function missingMenuEntries(table: readonly CommandSpec[], model: readonly MenuBarModel[]): string[] {
  return table
    .filter((c) => c.menu !== undefined)
    .filter((c) => {
      const menu = model.find((entry) => entry.kind === 'menu' && entry.name === c.menu?.menu);
      const item = menu?.kind === 'menu' ? menu.items.find((i) => i.kind === 'command' && i.id === c.id) : undefined;
      return !(item?.kind === 'command' && item.label.trim() !== '' && item.label !== c.id);
    })
    .map((c) => c.id);
}
