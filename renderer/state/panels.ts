import { createStore, useStore } from './store';

/** Which editing panels are open: the find bar (and its mode) and the one modal of this area. */
export interface PanelsState {
  /** `serial` changes on every open request, so Ctrl+F in an open bar focuses its field again. */
  readonly find: { readonly mode: 'find' | 'replace'; readonly serial: number } | null;
  readonly dialog: 'settings' | 'shortcuts' | 'shift' | null;
}

export const panels = createStore<PanelsState>({ find: null, dialog: null });

let serial = 0;

export function openFind(mode: 'find' | 'replace'): void {
  serial += 1;
  panels.set({ ...panels.get(), find: { mode, serial } });
}

export function closeFind(): void {
  panels.set({ ...panels.get(), find: null });
}

export function openDialog(dialog: NonNullable<PanelsState['dialog']>): void {
  panels.set({ ...panels.get(), dialog });
}

export function closeDialog(): void {
  panels.set({ ...panels.get(), dialog: null });
}

export function usePanels<T>(selector: (state: PanelsState) => T): T {
  return useStore(panels, selector);
}
