import type { SegmentId, Side } from '../../../shared/model/types';
import { fieldElement, fieldOf } from '../../state/fields';
import { hasMedia, playback, seek } from '../../state/playback';
import { reveal } from '../../state/reveal';
import type { EditContext } from './edit-commands';

interface FocusRequest {
  id: SegmentId;
  side: Side;
  offset: number | null;
}

/**
 * The page side of the edit commands. A command asks for a field's focus while it runs; the request
 * is kept until the command's rows are rendered (see runEdit) and then carried out at once.
 */
export function createDomContext(): EditContext & {
  /** Take the focus request the last command made, if any. */
  takeFocusRequest(): FocusRequest | null;
} {
  let request: FocusRequest | null = null;
  return {
    takeFocusRequest() {
      const taken = request;
      request = null;
      return taken;
    },
    focusedField: () => fieldOf(document.activeElement),
    playheadMs: () => (hasMedia() ? playback.get().timeMs : null),
    seek,
    focusField(id, side, offset) {
      request = { id, side, offset };
    },
  };
}

/**
 * Give a segment's field the keyboard now, so keys typed next land in it. A field that is not on
 * screen (a row scrolled away, the other view) is left to the grid, which scrolls to it and focuses
 * it when it is rendered.
 */
export function focusFieldNow({ id, side, offset }: FocusRequest): void {
  const field = fieldElement(id, side);
  if (!field) {
    reveal.request(id, side);
    return;
  }
  if (document.activeElement !== field) field.focus({ preventScroll: true });
  if (offset !== null) field.setSelectionRange(offset, offset);
  // The grid scrolls the whole row into view.
  reveal.request(id, null);
}
