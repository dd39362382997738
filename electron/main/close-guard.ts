import { type BrowserWindow, dialog } from 'electron';

/** The question's words, in the UI languages Zimu has (the main process has no i18next). */
export function closeQuestion(locale: string): { message: string; detail: string; buttons: [string, string] } {
  return locale.toLowerCase().startsWith('zh')
    ? {
        message: '有未保存的修改',
        detail: '关闭后，这些修改将会丢失。',
        buttons: ['不保存，直接关闭', '取消'],
      }
    : {
        message: 'You have unsaved changes',
        detail: 'If you close now, they are lost.',
        buttons: ['Close Without Saving', 'Cancel'],
      };
}

/**
 * The renderer vetoes unloading while there are unsaved edits (beforeunload). Electron would then
 * silently refuse to close; instead ask, and let the window close only when the user says so.
 */
export function guardUnsavedClose(win: BrowserWindow, locale: string): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const { message, detail, buttons } = closeQuestion(locale);
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      message,
      detail,
      buttons,
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    // preventDefault here overrides the page's veto: the window closes and the edits are dropped.
    if (choice === 0) event.preventDefault();
  });
}
