import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { ipcCallChannel, ipcEventChannel, type ZimuBridge } from '../../shared/ipc/bridge';
import { isCallName, isEventName } from '../../shared/ipc/contract';
import { wireError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';

/** The whole bridge: the contract's calls and events by name, and dropped files' paths; nothing else of Electron or Node. */
const bridge: ZimuBridge = {
  invoke(name, args) {
    if (!isCallName(name))
      return Promise.resolve({
        ok: false,
        error: wireError('unknown-call', msg('ipc-unknown-call', { call: String(name) })),
      });
    return ipcRenderer.invoke(ipcCallChannel(name), args);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
    const channel = ipcEventChannel(event);
    // Never hand the renderer the IpcRendererEvent: it exposes `sender`.
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  pathForFile(file) {
    // Since Electron 32 a dropped File has no `path`; only the preload can ask for it.
    return file instanceof File ? webUtils.getPathForFile(file) : '';
  },
};

contextBridge.exposeInMainWorld('zimu', bridge);
