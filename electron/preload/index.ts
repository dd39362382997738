import { contextBridge, ipcRenderer } from 'electron';
import { ipcCallChannel, ipcEventChannel, type ZimuBridge } from '../../shared/ipc/bridge';
import { isCallName, isEventName } from '../../shared/ipc/contract';

/** The whole bridge: the contract's calls and events by name, nothing else of Electron or Node. */
const bridge: ZimuBridge = {
  invoke(name, args) {
    if (!isCallName(name))
      return Promise.resolve({ ok: false, error: { code: 'unknown-call', message: String(name) } });
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
};

contextBridge.exposeInMainWorld('zimu', bridge);
