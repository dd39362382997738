import { ipcCallChannel } from '../../shared/ipc/bridge';
import { callNames } from '../../shared/ipc/contract';
import { type BugReporter, dispatch, type Handlers } from '../../shared/ipc/dispatch';

/** The slice of Electron's ipcMain this host uses; tests pass a thin fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/**
 * One `ipcMain.handle` per contract entry, generated from the table. Handlers answer envelopes, so
 * errors keep their code and detail (Electron would pass only a thrown error's message).
 * Returns a function that removes them all.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, handlers: Handlers, reportBug: BugReporter): () => void {
  const channels = callNames.map((name) => {
    const channel = ipcCallChannel(name);
    ipcMain.handle(channel, (_event, arg) => dispatch(handlers, name, arg, reportBug));
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
