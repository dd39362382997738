import { playSegment, runEdit } from '../features/commands/actions';
import type { EditAction } from '../features/commands/edit-commands';
import { runCorrection } from '../features/correction/commands';
import type { FileCommands } from '../features/files/commands';
import type { Client } from '../platform/client';
import type { CommandHandlers } from '../state/commands';
import { notices } from '../state/notices';
import { openDialog, openFind } from '../state/panels';
import { playback, setLoopSegment, togglePlay } from '../state/playback';
import { zoomWaveform } from '../state/zoom';

export interface CommandDeps {
  client: Pick<Client, 'call'>;
  files: FileCommands;
}

/**
 * The renderer's dispatch: what each command of the table does, whatever ran it (keys, the desktop
 * menu, a toolbar button). The type has a key per command id, so a command without a handler does
 * not compile (and renderer/app/commands.test.ts checks it at run time too).
 */
export function createCommandHandlers({ client, files }: CommandDeps): CommandHandlers {
  const edit = (action: EditAction) => () => runEdit(action);
  const playbackFailed = (err: unknown) => notices.error('playback', err);
  return {
    open: () => void files.open(),
    save: () => void files.save(),
    'save-as': () => void files.saveAs(),
    export: () => void files.exportCaptions(),
    'import-translation': () => void files.importTranslation(),
    'correction-export': () => runCorrection('correction-export', client),
    'correction-reimport': () => runCorrection('correction-reimport', client),
    'correction-batch': () => runCorrection('correction-batch', client),
    'toggle-play': () => void togglePlay().catch(playbackFailed),
    'play-segment': () => void playSegment().catch(playbackFailed),
    'toggle-loop': () => setLoopSegment(!playback.get().loopSegment),
    'prev-segment': edit('prev-segment'),
    'next-segment': edit('next-segment'),
    'switch-field': edit('switch-field'),
    find: () => openFind('find'),
    replace: () => openFind('replace'),
    undo: edit('undo'),
    redo: edit('redo'),
    split: edit('split'),
    merge: edit('merge'),
    'insert-after': edit('insert-after'),
    'insert-before': edit('insert-before'),
    delete: edit('delete'),
    'set-start': edit('set-start'),
    'set-end': edit('set-end'),
    'start-minus-10': edit('start-minus-10'),
    'start-plus-10': edit('start-plus-10'),
    'end-minus-10': edit('end-minus-10'),
    'end-plus-10': edit('end-plus-10'),
    'start-minus-100': edit('start-minus-100'),
    'start-plus-100': edit('start-plus-100'),
    'end-minus-100': edit('end-minus-100'),
    'end-plus-100': edit('end-plus-100'),
    'snap-start': edit('snap-start'),
    'snap-end': edit('snap-end'),
    'shift-times': () => openDialog('shift'),
    'zoom-in': () => zoomWaveform('in'),
    'zoom-out': () => zoomWaveform('out'),
    shortcuts: () => openDialog('shortcuts'),
    settings: () => openDialog('settings'),
  };
}
