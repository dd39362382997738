import type { TFunction } from 'i18next';
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
  /** The list measures the row (its height varies with its text) and positions it. */
  measureRef(element: HTMLElement | null): void;
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
  measureRef,
}: SegmentRowProps) {
  countRender(`row:${id}`);
  const { t } = useTranslation();
  const segment = useEditor((s) => segmentOf(s, index, id));
  const current = useEditor((s) => s.currentId === id);
  const selected = useIsSelected(id);

  if (!segment) return null;
  const n = index + 1;
  const { start, end } = segment;
  const sourceCps = charsPerSecond(segment.source, start, end, sourceLang);
  const translationCps = charsPerSecond(segment.translation, start, end, translationLang);

  return (
    <tr
      ref={measureRef}
      data-index={index}
      className="segment-row"
      data-testid="segment-row"
      data-segment-id={id}
      data-odd={index % 2 === 1 ? 'true' : undefined}
      aria-current={current ? 'true' : undefined}
      aria-selected={selected}
      onMouseDown={(event) => selectRowOnPress(event, segment)}
    >
      <th scope="row" className="cell cell-number" title={t('grid.selectHint')}>
        {n}
      </th>
      <td className="cell cell-time">
        <TimeField id={id} bound="start" start={start} end={end} n={n} t={t} />
      </td>
      <td className="cell cell-time">
        <TimeField id={id} bound="end" start={start} end={end} n={n} t={t} />
      </td>
      <td className="cell cell-duration" data-testid="duration">
        {formatDuration(start, end)}
      </td>
      <td className="cell cell-cps">
        <Cps value={sourceCps} max={maxCpsSource} side="source" t={t} />
        <Cps value={translationCps} max={maxCpsTranslation} side="translation" t={t} />
      </td>
      <td className="cell cell-text">
        <SegmentText
          id={id}
          side="source"
          value={segment.source}
          lang={sourceLang}
          label={t('grid.sourceOf', { n })}
          placeholder={t('grid.emptySource')}
        />
      </td>
      <td className="cell cell-text">
        <SegmentText
          id={id}
          side="translation"
          value={segment.translation}
          lang={translationLang}
          label={t('grid.translationOf', { n })}
          placeholder={t('grid.untranslated')}
        />
      </td>
      <td className="cell cell-flags">
        {segment.flags.map((flag) => (
          <span key={flag} className={`flag flag-${flag}`}>
            {t(`flags.${flag}`)}
          </span>
        ))}
      </td>
    </tr>
  );
});

/** Characters per second of one side, marked when over the QA limit. */
export function Cps({
  value,
  max,
  side,
  t,
}: {
  value: number | null;
  max: number;
  side: 'source' | 'translation';
  /** The row's translate function: one useTranslation per row keeps rows cheap to mount while scrolling. */
  t: TFunction;
}) {
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
