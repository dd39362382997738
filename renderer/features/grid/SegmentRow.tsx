import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentId } from '../../../shared/model/types';
import { useEditor } from '../../state/editor';
import { useIsSelected } from '../../state/selection';
import { charsPerSecond, formatCps, formatDuration } from './cps';
import { countRender } from './render-probe';
import { segmentOf, selectRowOnPress } from './row-shared';
import { SegmentText } from './SegmentText';
import { TimeField } from './TimeField';

interface SegmentRowProps {
  id: SegmentId;
  /** Position in the list; used to find the segment in O(1) and for its number. */
  index: number;
  sourceLang: string;
  translationLang: string;
  maxCpsSource: number;
  maxCpsTranslation: number;
}

/**
 * One row of the grid. It reads its own segment from the store, so typing in a row re-renders that
 * row only: the list above depends on the ids, which text edits leave alone.
 */
export const SegmentRow = memo(function SegmentRow({
  id,
  index,
  sourceLang,
  translationLang,
  maxCpsSource,
  maxCpsTranslation,
}: SegmentRowProps) {
  countRender(`row:${id}`);
  const { t } = useTranslation();
  const segment = useEditor((s) => segmentOf(s, index, id));
  const current = useEditor((s) => s.currentId === id);
  const selected = useIsSelected(id);

  if (!segment) return null;
  const n = index + 1;
  const { start, end } = segment;
  const sourceCps = charsPerSecond(segment.source, start, end);
  const translationCps = charsPerSecond(segment.translation, start, end);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: selection by keyboard is the shortcuts' job; the fields inside take the keys.
    <div
      className="segment-row"
      role="row"
      aria-rowindex={n + 1}
      data-testid="segment-row"
      data-segment-id={id}
      data-odd={index % 2 === 1 ? 'true' : undefined}
      aria-current={current ? 'true' : undefined}
      aria-selected={selected}
      onMouseDown={(event) => selectRowOnPress(event, segment)}
    >
      <div className="cell cell-number" role="rowheader" title={t('grid.selectHint')}>
        {n}
      </div>
      <div className="cell cell-time" role="gridcell">
        <TimeField id={id} bound="start" start={start} end={end} n={n} />
      </div>
      <div className="cell cell-time" role="gridcell">
        <TimeField id={id} bound="end" start={start} end={end} n={n} />
      </div>
      <div className="cell cell-duration" role="gridcell" data-testid="duration">
        {formatDuration(start, end)}
      </div>
      <div className="cell cell-cps" role="gridcell">
        <Cps value={sourceCps} max={maxCpsSource} side="source" />
        <Cps value={translationCps} max={maxCpsTranslation} side="translation" />
      </div>
      <div className="cell cell-text" role="gridcell">
        <SegmentText
          id={id}
          side="source"
          value={segment.source}
          lang={sourceLang}
          label={t('grid.sourceOf', { n })}
          placeholder={t('grid.emptySource')}
        />
      </div>
      <div className="cell cell-text" role="gridcell">
        <SegmentText
          id={id}
          side="translation"
          value={segment.translation}
          lang={translationLang}
          label={t('grid.translationOf', { n })}
          placeholder={t('grid.untranslated')}
        />
      </div>
      <div className="cell cell-flags" role="gridcell">
        {segment.flags.map((flag) => (
          <span key={flag} className={`flag flag-${flag}`}>
            {t(`flags.${flag}`)}
          </span>
        ))}
      </div>
    </div>
  );
});

/** Characters per second of one side, marked when over the QA limit. */
export function Cps({ value, max, side }: { value: number | null; max: number; side: 'source' | 'translation' }) {
  const { t } = useTranslation();
  const over = value !== null && value > max;
  return (
    <span
      className={`cps cps-${side}${over ? ' over' : ''}`}
      data-testid={`cps-${side}`}
      data-over={over ? 'true' : undefined}
      title={t(side === 'source' ? 'grid.cpsSourceHint' : 'grid.cpsTranslationHint', { max })}
    >
      {formatCps(value)}
    </span>
  );
}
