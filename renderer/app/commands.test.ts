import { describe, expect, it } from 'vitest';
import { missingHandlers, missingLabels } from '../../shared/commands/guards';
import { COMMAND_TABLE } from '../../shared/commands/table';
import type { FileCommands } from '../features/files/commands';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { installCommandHandlers, runCommand } from '../state/commands';
import { closeDialog, panels } from '../state/panels';
import { offerZoom } from '../state/zoom';
import { createCommandHandlers } from './commands';

/** File commands that record what was asked of them. */
function recordingFiles(): { files: FileCommands; asked: string[] } {
  const asked: string[] = [];
  const files = new Proxy({} as FileCommands, {
    get: (_target, name) => async () => {
      asked.push(String(name));
    },
  });
  return { files, asked };
}

const client = { call: async () => Promise.reject(new Error('no host in this test')) } as never;

describe('the renderer dispatch', () => {
  it('has a handler for every command of the table', () => {
    expect(missingHandlers(COMMAND_TABLE, createCommandHandlers({ client, files: recordingFiles().files }))).toEqual(
      [],
    );
  });

  it('has a label for every command in both languages (shortcut sheet, Settings)', () => {
    expect(missingLabels(COMMAND_TABLE, { en: en.edit.actions, 'zh-CN': zhCN.edit.actions })).toEqual([]);
  });

  it('runs commands by id once the app installed its handlers', () => {
    const { files, asked } = recordingFiles();
    const uninstall = installCommandHandlers(createCommandHandlers({ client, files }));
    try {
      runCommand('save');
      runCommand('save-as');
      runCommand('import-translation');
      expect(asked).toEqual(['save', 'saveAs', 'importTranslation']);
      runCommand('shortcuts');
      expect(panels.get().dialog).toBe('shortcuts');
      closeDialog();
      const zooms: string[] = [];
      const withdraw = offerZoom((direction) => zooms.push(direction));
      runCommand('zoom-in');
      runCommand('zoom-out');
      withdraw();
      runCommand('zoom-in');
      expect(zooms).toEqual(['in', 'out']);
    } finally {
      uninstall();
    }
  });
});
