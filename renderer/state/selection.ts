import type { SegmentId } from '../../shared/model/types';
import { createStore, type Store, useStore } from './store';

/**
 * Which segments the user has selected in the grid or on the waveform. Segment operations (delete,
 * merge, shift, split…) act on this; `focus` is the one segment keyboard commands act on when
 * they need a single segment (the last one clicked or moved to).
 */
export interface SelectionState {
  readonly ids: ReadonlySet<SegmentId>;
  /** Where a Shift+click range starts. */
  readonly anchor: SegmentId | null;
  readonly focus: SegmentId | null;
}

export const emptySelection: SelectionState = { ids: new Set(), anchor: null, focus: null };

export interface Selection {
  readonly store: Store<SelectionState>;
  get(): SelectionState;
  /** Select one segment only (plain click, arrow keys). */
  select(id: SegmentId): void;
  /** Add or remove one segment (Ctrl/⌘+click). */
  toggle(id: SegmentId): void;
  /** Select from the anchor to `id` in document order (Shift+click). */
  extendTo(id: SegmentId, order: readonly SegmentId[]): void;
  /** Replace the selection (after an operation that creates or removes segments). */
  set(ids: Iterable<SegmentId>, focus?: SegmentId | null): void;
  clear(): void;
  /** Drop ids that no longer exist (after undo or delete). */
  retain(existing: ReadonlySet<SegmentId>): void;
}

export function createSelection(initial: SelectionState = emptySelection): Selection {
  const store = createStore(initial);
  const selection: Selection = {
    store,
    get: store.get,
    select(id) {
      store.set({ ids: new Set([id]), anchor: id, focus: id });
    },
    toggle(id) {
      const s = store.get();
      const ids = new Set(s.ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      store.set({ ids, anchor: id, focus: ids.has(id) ? id : s.focus === id ? null : s.focus });
    },
    extendTo(id, order) {
      const s = store.get();
      const anchor = s.anchor ?? id;
      const from = order.indexOf(anchor);
      const to = order.indexOf(id);
      if (from < 0 || to < 0) return selection.select(id);
      const [lo, hi] = from <= to ? [from, to] : [to, from];
      store.set({ ids: new Set(order.slice(lo, hi + 1)), anchor, focus: id });
    },
    set(ids, focus) {
      const next = new Set(ids);
      const f = focus === undefined ? ([...next].at(-1) ?? null) : focus;
      store.set({ ids: next, anchor: f, focus: f });
    },
    clear() {
      store.set(emptySelection);
    },
    retain(existing) {
      const s = store.get();
      if ([...s.ids].every((id) => existing.has(id)) && (s.focus === null || existing.has(s.focus))) return;
      const ids = new Set([...s.ids].filter((id) => existing.has(id)));
      const keep = (id: SegmentId | null) => (id !== null && existing.has(id) ? id : null);
      store.set({ ids, anchor: keep(s.anchor), focus: keep(s.focus) });
    },
  };
  return selection;
}

/** The app's selection. Tests make their own with createSelection(). */
export const selection = createSelection();

export function useSelection<T>(selector: (state: SelectionState) => T): T {
  return useStore(selection.store, selector);
}

/** Whether `id` is selected; a row subscribes to this boolean only, so selecting re-renders two rows. */
export function useIsSelected(id: SegmentId): boolean {
  return useSelection((s) => s.ids.has(id));
}
