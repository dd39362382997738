import type { MouseEvent } from 'react';
import type { Segment, SegmentId } from '../../../shared/model/types';
import { type EditorState, editor } from '../../state/editor';
import { seek } from '../../state/playback';
import { selection } from '../../state/selection';

/** The segment `id`, looked up at its known index first (O(1) on every store change). */
export function segmentOf(state: EditorState, index: number, id: SegmentId): Segment | undefined {
  const segments = state.doc?.project.segments;
  const atIndex = segments?.[index];
  return atIndex?.id === id ? atIndex : segments?.find((s) => s.id === id);
}

const FIELDS = 'input, textarea, button, select, a[href]';

/**
 * A press on a row outside its fields: select it (Shift extends the range from the anchor,
 * Ctrl/⌘ toggles it) and, for a plain or Shift press, play from its start.
 */
export function selectRowOnPress(event: MouseEvent<HTMLElement>, segment: Segment): void {
  if (event.button !== 0) return;
  if (event.target instanceof Element && event.target.closest(FIELDS)) return;
  // Shift+click would otherwise select text across rows.
  if (event.shiftKey) event.preventDefault();
  if (event.ctrlKey || event.metaKey) {
    selection.toggle(segment.id);
    return;
  }
  if (event.shiftKey) selection.extendTo(segment.id, editor.get().ids);
  else selection.select(segment.id);
  if (segment.start !== null) seek(segment.start);
}
