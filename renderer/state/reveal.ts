import type { SegmentId, Side } from '../../shared/model/types';
import { createStore, type Store } from './store';

/**
 * A request to bring a segment into view (the grid is virtualized: its row may not exist in the
 * DOM) and optionally focus one of its text fields. Commands anywhere (keyboard, waveform, dialogs)
 * post it here; the grid fulfils it. `serial` makes a repeated request for the same segment distinct.
 */
export interface RevealRequest {
  readonly id: SegmentId;
  /** The text field to focus, or null to only scroll the row into view. */
  readonly field: Side | null;
  readonly serial: number;
}

export interface Reveal {
  readonly store: Store<RevealRequest | null>;
  request(id: SegmentId, field?: Side | null): void;
}

export function createReveal(): Reveal {
  const store = createStore<RevealRequest | null>(null);
  let serial = 0;
  return {
    store,
    request(id, field = null) {
      serial += 1;
      store.set({ id, field, serial });
    },
  };
}

/** The app's reveal channel. */
export const reveal = createReveal();
