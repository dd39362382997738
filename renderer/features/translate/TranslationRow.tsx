import { type KeyboardEvent, memo } from 'react';
import type { SegmentId } from '../../../shared/model/types';
import { formatTimestamp } from '../../../shared/time/timestamp';
import { editor } from '../../state/editor';
import { reveal } from '../../state/reveal';
import { Cps } from '../rows/Cps';
import { charsPerSecond } from '../rows/cps';
import { SegmentText } from '../rows/SegmentText';
import { useSegmentRow } from '../rows/useSegmentRow';
import { nextUntranslated } from './progress';

interface TranslationRowProps {
  id: SegmentId;
  index: number;
  sourceLang: string;
  translationLang: string;
  maxCpsTranslation: number;
  measureRef(element: HTMLElement | null): void;
}

/** Enter (outside a composition, without Shift) goes on to the next untranslated segment. */
function onTranslationKey(event: KeyboardEvent<HTMLTextAreaElement>, index: number): void {
  if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
  if (event.nativeEvent.isComposing) return;
  event.preventDefault();
  const segments = editor.get().doc?.project.segments ?? [];
  const next = nextUntranslated(segments, index);
  if (next !== null) reveal.request(next, 'translation');
}

/** One segment in the translation view: its source, read-only, above its translation field. */
export const TranslationRow = memo(function TranslationRow({
  id,
  index,
  sourceLang,
  translationLang,
  maxCpsTranslation,
  measureRef,
}: TranslationRowProps) {
  const { segment, n, t, rowProps } = useSegmentRow(id, index, measureRef);
  if (!segment) return null;
  const { start, end } = segment;

  return (
    <tr {...rowProps} className="translate-row" data-testid="translate-row">
      <th scope="row" className="translate-meta">
        <span className="translate-number">{n}</span>
        <span className="translate-time">{start === null ? t('grid.untimed') : formatTimestamp(start)}</span>
        <Cps
          value={charsPerSecond(segment.translation, start, end, translationLang)}
          max={maxCpsTranslation}
          side="translation"
          t={t}
        />
      </th>
      <td className="translate-body">
        <p className="translate-source" lang={sourceLang} data-testid="translate-source">
          {segment.source || <span className="translate-empty">{t('grid.emptySource')}</span>}
        </p>
        <SegmentText
          id={id}
          side="translation"
          value={segment.translation}
          lang={translationLang}
          label={t('grid.translationOf', { n })}
          placeholder={t('grid.translateHere')}
          className="translate-field"
          onKeyDown={(event) => onTranslationKey(event, index)}
        />
      </td>
    </tr>
  );
});
