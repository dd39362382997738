import type { SegmentId, Side } from '../../../shared/model/types';
import { hasMedia, playback, seek } from '../../state/playback';
import { reveal } from '../../state/reveal';
import type { EditContext, FieldFocus } from './edit-commands';

/** A segment's text field: inside a grid row (data-segment-id), named by its side. */
export function fieldOf(element: Element | null): FieldFocus | null {
  if (!(element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement)) return null;
  const row = element.closest<HTMLElement>('[data-segment-id]');
  const id = row?.dataset.segmentId;
  const testId = element.dataset.testid ?? '';
  const side: Side | null = testId.startsWith('source')
    ? 'source'
    : testId.startsWith('translation')
      ? 'translation'
      : null;
  if (!id || !side) return null;
  return { id, side, offset: element.selectionStart ?? element.value.length };
}

function fieldElement(id: SegmentId, side: Side): HTMLTextAreaElement | HTMLInputElement | null {
  const row = document.querySelector(`[data-testid="segment-row"][data-segment-id="${CSS.escape(id)}"]`);
  return row?.querySelector<HTMLTextAreaElement | HTMLInputElement>(`[data-testid="${side}-input"]`) ?? null;
}

/**
 * The page side of the edit commands. While a command runs, the field that had the keyboard is
 * pinned and blurred: the grid only writes store text into fields that are not focused, so the
 * command's result (a split, an undo) reaches the field; focus comes back afterwards.
 */
export function createDomContext(): EditContext & { pin(): void; unpin(): void; focusRequested(): boolean } {
  let pinned: FieldFocus | null | undefined;
  let requested = false;
  return {
    focusRequested: () => requested,
    pin() {
      requested = false;
      const active = document.activeElement;
      pinned = fieldOf(active);
      if (pinned && active instanceof HTMLElement) active.blur();
    },
    unpin() {
      pinned = undefined;
    },
    focusedField: () => (pinned !== undefined ? pinned : fieldOf(document.activeElement)),
    playheadMs: () => (hasMedia() ? playback.get().timeMs : null),
    seek,
    focusField(id, side, offset) {
      requested = true;
      // The grid brings the row into view (and focuses the field where it implements that).
      reveal.request(id, side);
      // After React has rendered the edit: focus the field if it is in the DOM.
      requestAnimationFrame(() => {
        const field = fieldElement(id, side);
        if (!field) return;
        if (document.activeElement !== field) field.focus();
        if (offset !== null) field.setSelectionRange(offset, offset);
      });
    },
  };
}
