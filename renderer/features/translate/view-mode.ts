import { createStore, useStore } from '../../state/store';

/**
 * Which view the segment list shows: the full grid, or the translation view (source read-only
 * above each translation field). Both show the same document and share its history.
 */
export type ViewMode = 'grid' | 'translate';

export const viewMode = createStore<ViewMode>('grid');

export function useViewMode(): ViewMode {
  return useStore(viewMode, (mode) => mode);
}
