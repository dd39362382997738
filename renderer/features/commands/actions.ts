import type { ShortcutAction } from '../../app/shortcuts';
import { editor } from '../../state/editor';
import { notices } from '../../state/notices';
import { playback, seek, setLoopSegment, togglePlay } from '../../state/playback';
import { reveal } from '../../state/reveal';
import { selection } from '../../state/selection';
import type { FileCommands } from '../files/commands';
import { createDomContext } from './dom-context';
import { createEditCommands, type EditAction } from './edit-commands';
import { openDialog, openFind } from './panels';

const EDIT_ACTIONS = new Set<string>([
  'split',
  'merge',
  'insert-after',
  'insert-before',
  'delete',
  'set-start',
  'set-end',
  'start-minus-10',
  'start-plus-10',
  'start-minus-100',
  'start-plus-100',
  'end-minus-10',
  'end-plus-10',
  'end-minus-100',
  'end-plus-100',
  'snap-start',
  'snap-end',
  'undo',
  'redo',
]);
const MOVE_ACTIONS = new Set<string>(['prev-segment', 'next-segment', 'switch-field']);

export const domContext = createDomContext();
export const editCommands = createEditCommands({ editor, selection, reveal, context: domContext });

let stopSegmentPlay: (() => void) | null = null;

/** Play the target segment from its start and pause at its end. */
async function playSegment(): Promise<void> {
  const id = editCommands.target();
  const seg = id ? editor.get().doc?.project.segments.find((s) => s.id === id) : undefined;
  if (!seg || seg.start === null || seg.end === null) return;
  const end = seg.end;
  stopSegmentPlay?.();
  seek(seg.start);
  if (!playback.get().playing) await togglePlay();
  const stop = playback.subscribe(() => {
    const s = playback.get();
    if (!s.playing) cleanup();
    else if (s.timeMs >= end) {
      cleanup();
      void togglePlay();
    }
  });
  const cleanup = () => {
    stop();
    if (stopSegmentPlay === cleanup) stopSegmentPlay = null;
  };
  stopSegmentPlay = cleanup;
}

/**
 * Waveform zoom lives in the waveform panel's own view; its zoom buttons are the public way in, so
 * the keyboard presses them rather than reaching into the panel.
 */
function zoom(direction: 'in' | 'out'): void {
  document.querySelector<HTMLButtonElement>(`[data-testid="zoom-${direction}"]:not(:disabled)`)?.click();
}

/** Run a keyboard, toolbar or menu action. */
export function runAction(action: ShortcutAction, files: FileCommands): void {
  if (EDIT_ACTIONS.has(action)) {
    // The focused field is pinned and blurred so the edit's text reaches it, then focused again.
    domContext.pin();
    const field = domContext.focusedField();
    try {
      editCommands.run(action as EditAction);
    } finally {
      domContext.unpin();
    }
    if (field && !domContext.focusRequested()) {
      domContext.focusField(field.id, field.side, null);
    }
    return;
  }
  if (MOVE_ACTIONS.has(action)) {
    editCommands.run(action as EditAction);
    return;
  }
  const failed = (err: unknown) => notices.error('playback', err);
  switch (action) {
    case 'open':
    case 'save':
    case 'save-as':
    case 'export':
      void files.run(action);
      return;
    case 'toggle-play':
      togglePlay().catch(failed);
      return;
    case 'play-segment':
      playSegment().catch(failed);
      return;
    case 'toggle-loop':
      setLoopSegment(!playback.get().loopSegment);
      return;
    case 'zoom-in':
    case 'zoom-out':
      zoom(action === 'zoom-in' ? 'in' : 'out');
      return;
    case 'find':
      openFind('find');
      return;
    case 'replace':
      openFind('replace');
      return;
    case 'shortcuts':
      openDialog('shortcuts');
      return;
    case 'settings':
      openDialog('settings');
      return;
    case 'shift-times':
      openDialog('shift');
      return;
  }
}
