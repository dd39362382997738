import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, SegmentId } from '../../../shared/model/types';
import { formatTimestamp } from '../../../shared/time/timestamp';
import { type EditorState, useEditor } from '../../state/editor';
import { seek, usePlayback } from '../../state/playback';
import { revealPlayingRow } from './follow';
import { SegmentText } from './SegmentText';

interface SegmentRowProps {
  id: SegmentId;
  /** Position in the list; used to find the segment in O(1) and for its number. */
  index: number;
  sourceLang: string;
  translationLang: string;
}

/** The segment `id`, looked up at its known index first (O(1) on every store change). */
function segmentOf(state: EditorState, index: number, id: SegmentId): Segment | undefined {
  const segments = state.doc?.project.segments;
  const atIndex = segments?.[index];
  return atIndex?.id === id ? atIndex : segments?.find((s) => s.id === id);
}

/**
 * One row. It reads its own segment from the store, so typing in a row re-renders that row only:
 * the list above depends on the ids, which text edits leave alone.
 */
export const SegmentRow = memo(function SegmentRow({ id, index, sourceLang, translationLang }: SegmentRowProps) {
  const { t } = useTranslation();
  const segment = useEditor((s) => segmentOf(s, index, id));
  const current = useEditor((s) => s.currentId === id);
  // Only the current row listens to play/pause: the others always select false.
  const playingHere = usePlayback((s) => current && s.playing);
  const rowRef = useRef<HTMLLIElement>(null);

  // Keep the playing row in view when playback reaches it or starts on it.
  useEffect(() => {
    if (playingHere && rowRef.current) revealPlayingRow(rowRef.current);
  }, [playingHere]);

  if (!segment) return null;
  const n = index + 1;
  const { start, end } = segment;

  return (
    <li
      ref={rowRef}
      className="segment-row"
      data-testid="segment-row"
      data-segment-id={id}
      aria-current={current ? 'true' : undefined}
    >
      <div className="cell cell-number" aria-hidden="true">
        {n}
      </div>
      <div className="cell cell-time">
        {start !== null && end !== null ? (
          <button
            type="button"
            className="time-button"
            title={t('grid.seek', { time: formatTimestamp(start) })}
            // Seeking should not take focus: Space right after it should play.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => seek(start)}
          >
            <span className="time-start">{formatTimestamp(start)}</span>
            <span className="time-end">{formatTimestamp(end)}</span>
          </button>
        ) : (
          <span className="untimed">{t('grid.untimed')}</span>
        )}
      </div>
      <div className="cell cell-text">
        <SegmentText
          id={id}
          side="source"
          value={segment.source}
          lang={sourceLang}
          label={t('grid.sourceOf', { n })}
          placeholder={t('grid.emptySource')}
        />
      </div>
      <div className="cell cell-text">
        <SegmentText
          id={id}
          side="translation"
          value={segment.translation}
          lang={translationLang}
          label={t('grid.translationOf', { n })}
          placeholder={t('grid.untranslated')}
        />
      </div>
      <div className="cell cell-flags">
        {segment.flags.map((flag) => (
          <span key={flag} className={`flag flag-${flag}`}>
            {t(`flags.${flag}`)}
          </span>
        ))}
      </div>
    </li>
  );
});
