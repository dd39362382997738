import { memo } from 'react';
import type { SegmentId } from '../../../shared/model/types';
import { Cps } from '../rows/Cps';
import { charsPerSecond, formatDuration } from '../rows/cps';
import { SegmentText } from '../rows/SegmentText';
import { useSegmentRow } from '../rows/useSegmentRow';
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
  const { segment, n, t, rowProps } = useSegmentRow(id, index, measureRef);
  if (!segment) return null;
  const { start, end } = segment;
  const sourceCps = charsPerSecond(segment.source, start, end, sourceLang);
  const translationCps = charsPerSecond(segment.translation, start, end, translationLang);

  return (
    <tr {...rowProps} className="segment-row" data-testid="segment-row" data-odd={index % 2 === 1 ? 'true' : undefined}>
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
