import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../state/editor';
import { followIn } from './follow';
import { SegmentRow } from './SegmentRow';
import './grid.css';

export function SegmentGrid() {
  const { t } = useTranslation();
  const ids = useEditor((s) => s.ids);
  const docSerial = useEditor((s) => s.docSerial);
  const sourceLang = useEditor((s) => s.doc?.project.languages.source ?? 'zh-CN');
  const translationLang = useEditor((s) => s.doc?.project.languages.translation ?? 'en');
  const scrollRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = scrollRef.current;
    return element ? followIn(element) : undefined;
  }, []);

  return (
    <section className="grid" aria-label={t('grid.label')}>
      <div className="grid-scroll" ref={scrollRef}>
        <div className="grid-header" data-sticky-header aria-hidden="true">
          <div className="cell cell-number">{t('grid.number')}</div>
          <div className="cell cell-time">{t('grid.time')}</div>
          <div className="cell cell-text">{t('grid.source')}</div>
          <div className="cell cell-text">{t('grid.translation')}</div>
          <div className="cell cell-flags">{t('grid.flags')}</div>
        </div>
        {ids.length === 0 ? (
          <p className="grid-empty">{t('grid.noSegments')}</p>
        ) : (
          // Keyed by document: text fields of a newly opened document start from its text.
          <ol className="grid-rows" key={docSerial}>
            {ids.map((id, index) => (
              <SegmentRow key={id} id={id} index={index} sourceLang={sourceLang} translationLang={translationLang} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
