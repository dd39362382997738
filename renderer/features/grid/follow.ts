import { playback } from '../../state/playback';

/**
 * Keeping the playing row in view without fighting the user: nothing scrolls while they are typing
 * in a segment or for a few seconds after they scrolled the list themselves.
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

/** Scroll the row that just started playing into view, when that does not get in the user's way. */
export function revealPlayingRow(row: HTMLElement): void {
  const box = container;
  if (!box || !playback.get().playing || !box.contains(row)) return;
  if (performance.now() - lastUserScroll < USER_SCROLL_GRACE_MS) return;
  const active = document.activeElement;
  if (active instanceof HTMLTextAreaElement && box.contains(active)) return;

  const view = box.getBoundingClientRect();
  const header = box.querySelector<HTMLElement>('[data-sticky-header]')?.offsetHeight ?? 0;
  const top = view.top + header;
  const usable = view.bottom - top;
  const r = row.getBoundingClientRect();
  // Visible and not about to leave the bottom: leave the list alone.
  if (r.top >= top && r.bottom <= view.bottom - usable * 0.15) return;
  const target = box.scrollTop + (r.top - top) - usable * 0.25;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  box.scrollTo({ top: Math.max(0, target), behavior: smooth ? 'smooth' : 'auto' });
}
