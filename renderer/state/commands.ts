import type { CommandId } from '../../shared/commands/table';

/** What a command does; the dispatch map (renderer/app/commands.ts) has one for every id. */
export type CommandHandler = () => void;
export type CommandHandlers = { readonly [K in CommandId]: CommandHandler };

let installed: CommandHandlers | null = null;

/**
 * The app installs its dispatch map here at start; features run commands by id (a toolbar button,
 * the correction menu) without knowing who implements them. Returns the uninstall.
 */
export function installCommandHandlers(handlers: CommandHandlers): () => void {
  installed = handlers;
  return () => {
    if (installed === handlers) installed = null;
  };
}

/** Run a command by id, whatever asked (keys, the desktop menu, a button). */
export function runCommand(id: CommandId): void {
  if (!installed) {
    console.warn(`zimu: command ${id} before the app installed its commands`);
    return;
  }
  installed[id]();
}
