import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's options. The renderer gets no Node: context isolation, the OS sandbox and a
 * preload that exposes only the contract. Kept in a pure function so a test can check it.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Zimu 字幕',
    backgroundColor: '#1d2127',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}
