import { flushSync } from 'react-dom';
import { editor } from '../../state/editor';
import { playback, seek, togglePlay } from '../../state/playback';
import { reveal } from '../../state/reveal';
import { selection } from '../../state/selection';
import { createDomContext, focusFieldNow } from './dom-context';
import { createEditCommands, type EditAction } from './edit-commands';

export const domContext = createDomContext();
export const editCommands = createEditCommands({ editor, selection, reveal, context: domContext });

/**
 * Run an edit command. Its rows are rendered before this returns (not in a later task), and the
 * field it leads to (a new segment's, after insert or split) gets the keyboard at once: keys typed
 * right after the command land there, however slow the machine.
 */
export function runEdit(action: EditAction): void {
  domContext.takeFocusRequest();
  flushSync(() => {
    editCommands.run(action);
  });
  const request = domContext.takeFocusRequest();
  if (request) focusFieldNow(request);
}

let stopSegmentPlay: (() => void) | null = null;

/** Play the target segment from its start and pause at its end. */
export async function playSegment(): Promise<void> {
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
