import { diffChars } from 'diff';
import { useMemo } from 'react';

/** Old or new text with the characters the correction removed (old) or added (new) highlighted. */
export function TextDiff({ from, to, side }: { from: string; to: string; side: 'old' | 'new' }) {
  const parts = useMemo(() => diffChars(from, to), [from, to]);
  return (
    <span className="text-diff">
      {parts.map((part, i) => {
        if (side === 'old' && part.added) return null;
        if (side === 'new' && part.removed) return null;
        const changed = part.added || part.removed;
        return changed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's parts never reorder.
          <mark key={i} className={side === 'old' ? 'diff-removed' : 'diff-added'}>
            {part.value}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: a diff's parts never reorder.
          <span key={i}>{part.value}</span>
        );
      })}
    </span>
  );
}
