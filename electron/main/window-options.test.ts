import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('gives the renderer no Node: isolation, sandbox, no node integration or webviews', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('passes the preload path through unchanged and waits to show until ready', () => {
    const options = mainWindowOptions('C:\\Program Files\\Zimu\\preload 字幕.js');
    expect(options.webPreferences?.preload).toBe('C:\\Program Files\\Zimu\\preload 字幕.js');
    expect(options.show).toBe(false);
    expect(options.title).toContain('Zimu');
  });
});
