import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol } from 'electron';
import { dialogFilters, type FileFilter } from '../../shared/formats/table';
import { ipcEventChannel, MEDIA_SCHEME } from '../../shared/ipc/bridge';
import type { EventName, EventPayload, Settings } from '../../shared/ipc/contract';
import { pruneCache } from '../services/cache-prune';
import { createHandlers } from '../services/handlers';
import { createMediaRegistry } from '../services/media-registry';
import { findSampleProject } from '../services/sample';
import { createSettingsStore } from '../services/settings';
import { startupPaths } from '../services/startup-args';
import { APP_VERSION } from '../services/version';
import { guardUnsavedClose } from './close-guard';
import { registerIpcHandlers } from './ipc-host';
import { mediaProtocolResponse } from './media-protocol';
import { menuModelFor, menuTemplate, watchMenuSettings } from './menu';
import { safeStorageCipher } from './safe-storage-cipher';
import { mainWindowOptions } from './window-options';

// Media must stream with Range requests and be fetchable by the media element: a privileged scheme.
protocol.registerSchemesAsPrivileged([
  {
    scheme: MEDIA_SCHEME,
    privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true },
  },
]);

/** Electron's filters from the format table's (shared/formats/table.ts): extensions without the dot. */
const filters = (filter: FileFilter): Electron.FileFilter[] =>
  dialogFilters(filter).map((f) => ({ name: f.name, extensions: f.extensions.map((ext) => ext.replace(/^\./, '')) }));

/** Files named on the command line (`zimu talk.srt talk.mp4`), skipping Electron's own arguments. */
const startup = startupPaths(process.argv.slice(app.isPackaged ? 1 : 2));

let mainWindow: BrowserWindow | null = null;

function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
  mainWindow?.webContents.send(ipcEventChannel(event), payload);
}

/** The menu bar from the user's keys and language; built again whenever they change in settings. */
function setMenu(settings: Settings): void {
  const model = menuModelFor(settings, process.platform, app.getLocale());
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(model, (command) => emit('app.command', { command }))));
}

async function start(): Promise<void> {
  await app.whenReady();
  const media = createMediaRegistry();
  protocol.handle(MEDIA_SCHEME, (request) => mediaProtocolResponse(request, media));

  const cacheDir = join(app.getPath('userData'), 'cache');
  // Old remuxes and peaks go in the background; nothing is in use yet.
  void pruneCache(cacheDir).catch(() => {});
  const settings = watchMenuSettings(createSettingsStore(app.getPath('userData')), setMenu);
  // The first menu comes from the saved settings (the store falls back to defaults itself).
  await settings.get();
  const handlers = createHandlers({
    host: 'electron',
    version: APP_VERSION,
    locale: app.getLocale(),
    // Media alone starts a new project for it; nothing at all starts on the sample.
    startupFile: startup.file ?? (startup.media ? null : findSampleProject(__dirname, process.resourcesPath)),
    startupMedia: startup.media,
    settings,
    cacheDir,
    keyCipher: safeStorageCipher,
    media,
    mediaUrl: (id) => `${MEDIA_SCHEME}://media/${encodeURIComponent(id)}`,
    emit,
    dialogs: {
      async open(filter) {
        const options = { properties: ['openFile' as const], filters: filters(filter) };
        const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
        return r.canceled ? null : (r.filePaths[0] ?? null);
      },
      async save(filter, defaultPath) {
        const options = { defaultPath, filters: filters(filter) };
        const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
        return r.canceled ? null : (r.filePath ?? null);
      },
    },
  });
  registerIpcHandlers(ipcMain, handlers, (name, err) => console.error(`zimu: internal error in ${name}:`, err));
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.js')));
  mainWindow = win;
  guardUnsavedClose(win, app.getLocale());
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void win.loadURL(devUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
}

// The renderer never opens windows or navigates away from the app.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

start().catch((err: unknown) => {
  console.error('zimu: failed to start', err);
  app.exit(1);
});
