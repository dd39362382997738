import { useSyncExternalStore } from 'react';

/** A tiny external store: one immutable state value, replaced whole, with change listeners. */
export interface Store<S> {
  get(): S;
  /** Replace the state; listeners run only when the new state is a different object. */
  set(next: S): void;
  update(fn: (state: S) => S): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S>(initial: S): Store<S> {
  let state = initial;
  const listeners = new Set<() => void>();
  const set = (next: S) => {
    if (Object.is(next, state)) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    get: () => state,
    set,
    update: (fn) => set(fn(state)),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

/**
 * Read a slice of a store in a component; it re-renders only when the slice changes (Object.is).
 * The selector must return a primitive or an object already in the state, never a fresh one.
 */
export function useStore<S, T>(store: Store<S>, selector: (state: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.get()));
}
