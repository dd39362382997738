import { useSelection } from '../../state/selection';

/**
 * Marks the selected rows until the grid draws its own selection: one style rule naming them by
 * data-segment-id (the grid's rows carry it), so the grid itself needs no change.
 */
export function SelectionStyle() {
  const ids = useSelection((s) => s.ids);
  if (ids.size === 0) return null;
  const selectors = [...ids].map((id) => `.segment-row[data-segment-id="${CSS.escape(id)}"]`).join(',\n');
  return (
    <style data-testid="selection-style">{`${selectors} { background: var(--accent-soft); box-shadow: inset 3px 0 0 var(--accent); }`}</style>
  );
}
