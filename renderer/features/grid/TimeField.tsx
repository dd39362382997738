import type { TFunction } from 'i18next';
import { useState } from 'react';
import { setTiming } from '../../../shared/model/project';
import type { SegmentId } from '../../../shared/model/types';
import { formatTimestamp } from '../../../shared/time/timestamp';
import { editor } from '../../state/editor';
import { type Bound, nudgedTiming, nudgeStep, type TimingResult, typedTiming } from './timing-edit';

interface TimeFieldProps {
  id: SegmentId;
  bound: Bound;
  start: number | null;
  end: number | null;
  /** Row number, for the accessible name. */
  n: number;
  t: TFunction;
}

/**
 * A segment's start or end, typed as h:mm:ss.mmm and committed on Enter or when the field loses
 * focus. Text that is not a valid time shows an error under the field and the segment keeps its
 * old time. Alt+↑/↓ nudges by 100 ms, Alt+Shift+↑/↓ by 10 ms (here only, while the field has focus).
 */
export function TimeField({ id, bound, start, end, n, t }: TimeFieldProps) {
  const stored = bound === 'start' ? start : end;
  const shown = stored === null ? '' : formatTimestamp(stored);
  // What the user is typing; null shows the stored time.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<'format' | 'order' | null>(null);

  const apply = (result: TimingResult): boolean => {
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setError(null);
    editor.applyEdit('set-timing', (p) => setTiming(p, id, result.start, result.end));
    return true;
  };

  const commit = (): boolean => {
    if (draft === null || draft.trim() === shown) {
      setDraft(null);
      return true;
    }
    const ok = apply(typedTiming(start, end, bound, draft));
    // An invalid time leaves the field showing the stored time once the user leaves it.
    setDraft(null);
    return ok;
  };

  const errorId = `time-error-${id}-${bound}`;
  return (
    <div className="time-field">
      <input
        className="time-input"
        data-testid={`${bound}-input`}
        value={draft ?? shown}
        placeholder={t('grid.untimed')}
        aria-label={t(bound === 'start' ? 'grid.startOf' : 'grid.endOf', { n })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          const step = nudgeStep(event.key, event.altKey, event.shiftKey);
          if (step !== null) {
            // Local to this field: the global nudge commands must not act on it twice.
            event.preventDefault();
            event.stopPropagation();
            setDraft(null);
            apply(nudgedTiming(start, end, bound, step));
            return;
          }
          if (event.key === 'Enter') {
            event.preventDefault();
            const typed = draft;
            if (!commit() && typed !== null) setDraft(typed);
          } else if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            event.stopPropagation();
            setDraft(null);
            setError(null);
          }
        }}
        onBlur={() => {
          commit();
          editor.closeEditGroup();
        }}
      />
      {error ? (
        <span id={errorId} className="time-error" role="alert" data-testid="time-error">
          {t(error === 'format' ? 'grid.timeFormatError' : 'grid.timeOrderError')}
        </span>
      ) : null}
    </div>
  );
}
