import { playback } from '../../state/playback';

/**
 * Keeping the playing row in view without fighting the user: nothing scrolls while they are typing
 * in a segment or for a few seconds after they scrolled the list themselves. The list is
 * virtualized, so the row may not exist yet: positions come from the list, not from the DOM.
 */
const USER_SCROLL_GRACE_MS = 4000;

let container: HTMLElement | null = null;
let lastUserScroll = Number.NEGATIVE_INFINITY;

export function noteUserScroll(): void {
  lastUserScroll = performance.now();
}

/** Register the list's scroll container; returns the cleanup. */
export function followIn(element: HTMLElement): () => void {
  container = element;
  const onPointerDown = (event: PointerEvent) => {
    // A press on the container itself (not a row) is a press on its scrollbar.
    if (event.target === element) noteUserScroll();
  };
  const onKey = (event: KeyboardEvent) => {
    // Keys that scroll the list; in a text field they move the caret instead.
    const inField = event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLInputElement;
    if (!inField && ['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' '].includes(event.key)) {
      noteUserScroll();
    }
  };
  element.addEventListener('wheel', noteUserScroll, { passive: true });
  element.addEventListener('touchmove', noteUserScroll, { passive: true });
  element.addEventListener('pointerdown', onPointerDown);
  element.addEventListener('keydown', onKey);
  return () => {
    element.removeEventListener('wheel', noteUserScroll);
    element.removeEventListener('touchmove', noteUserScroll);
    element.removeEventListener('pointerdown', onPointerDown);
    element.removeEventListener('keydown', onKey);
    if (container === element) container = null;
  };
}

/** Where a row is in the list (px from the list's top), as the virtualizer knows it. */
export interface RowSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * The scroll offset that brings the row that just started playing into view, or null to leave the
 * list alone: not playing, the user is typing or scrolled lately, or the row is visible and not
 * about to leave the bottom.
 */
export function followOffset(row: RowSpan, scrollTop: number, viewHeight: number): number | null {
  const box = container;
  if (!box || !playback.get().playing) return null;
  if (performance.now() - lastUserScroll < USER_SCROLL_GRACE_MS) return null;
  const active = document.activeElement;
  if ((active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) && box.contains(active))
    return null;
  if (row.start >= scrollTop && row.end <= scrollTop + viewHeight * 0.85) return null;
  return Math.max(0, row.start - viewHeight * 0.25);
}
