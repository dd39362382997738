import { defaultRangeExtractor, type Range, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { cpsLimits } from '../../../shared/qa/profile';
import { editor, useEditor } from '../../state/editor';
import { fieldElement } from '../../state/fields';
import { playback } from '../../state/playback';
import { useActiveQaProfile } from '../../state/preferences';
import { type RevealRequest, reveal } from '../../state/reveal';
import { countRender } from '../rows/render-probe';
import { TranslationRow } from '../translate/TranslationRow';
import { ViewBar } from '../translate/ViewSwitch';
import { useViewMode, viewMode } from '../translate/view-mode';
import { followIn, followOffset } from './follow';
import { SegmentRow } from './SegmentRow';
import './grid.css';
import '../translate/translate.css';

/** Up to this many segments every row is rendered (cheap, and nothing pops in while scrolling). */
const RENDER_ALL_UP_TO = 60;
/** Frames a reveal waits for its row to be rendered before giving up. */
const REVEAL_FRAMES = 60;
/** The last reveal request fulfilled, so a list mounted again does not replay an old one. */
let handledSerial = 0;

/**
 * A row's height from its ResizeObserver entry, which arrives after the browser's own layout. When a
 * row mounts there is no entry yet: answering with the known (or estimated) size instead of reading
 * the layout avoids forcing one synchronous layout per new row while scrolling fast.
 */
function measureRow(
  element: Element,
  entry: ResizeObserverEntry | undefined,
  instance: Virtualizer<HTMLDivElement, Element>,
): number {
  const box = entry?.borderBoxSize?.[0];
  if (box) return box.blockSize;
  const known = instance.measurementsCache[instance.indexFromElement(element)]?.size;
  return known ?? element.getBoundingClientRect().height;
}

/**
 * The segment list, virtualized: only the rows in view (and a few around them) exist in the DOM,
 * each measured as it renders, so a three-hour talk scrolls and types like a short one. It shows
 * either the grid or the translation view of the same document.
 */
// Memoized: the app re-renders when the document turns dirty, and that must not reach the list.
export const SegmentGrid = memo(function SegmentGrid() {
  countRender('grid');
  const { t } = useTranslation();
  const mode = useViewMode();
  const ids = useEditor((s) => s.ids);
  const docSerial = useEditor((s) => s.docSerial);
  const sourceLang = useEditor((s) => s.doc?.project.languages.source ?? 'zh-CN');
  const translationLang = useEditor((s) => s.doc?.project.languages.translation ?? 'en');
  const cps = cpsLimits(useActiveQaProfile(), { source: sourceLang, translation: translationLang });
  const maxCpsSource = cps.source;
  const maxCpsTranslation = cps.translation;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The row holding the focus stays rendered when scrolled away, so typing (and a composition) survive.
  const focusedIndex = useRef<number | null>(null);

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const focused = focusedIndex.current;
    if (focused === null || focused >= range.count || indexes.includes(focused)) return indexes;
    return [...indexes, focused].sort((a, b) => a - b);
  }, []);

  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (mode === 'grid' ? 46 : 96),
    getItemKey: (index) => ids[index] ?? index,
    overscan: ids.length <= RENDER_ALL_UP_TO ? RENDER_ALL_UP_TO : 6,
    rangeExtractor,
    directDomUpdates: true,
    measureElement: measureRow,
  });

  // The two views' rows differ in height: measure afresh after a switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the switch is the trigger.
  useEffect(() => {
    virtualizer.measure();
  }, [mode, virtualizer]);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      const row = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-index]') : null;
      focusedIndex.current = row ? Number(row.dataset.index) : null;
    };
    const onFocusOut = (event: FocusEvent) => {
      if (!(event.relatedTarget instanceof Node && element.contains(event.relatedTarget))) focusedIndex.current = null;
    };
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    const stopFollow = followIn(element);
    return () => {
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
      stopFollow();
    };
  }, []);

  // Follow playback: when the playing segment changes, scroll its index into view (it may not be rendered).
  useEffect(() => {
    let lastId: string | null = null;
    const check = () => {
      const { currentId, ids: order } = editor.get();
      if (!playback.get().playing || currentId === null) {
        lastId = null;
        return;
      }
      if (currentId === lastId) return;
      lastId = currentId;
      const item = virtualizer.measurementsCache[order.indexOf(currentId)];
      const box = scrollRef.current;
      if (!item || !box) return;
      const offset = followOffset(item, box.scrollTop, box.clientHeight);
      if (offset !== null) virtualizer.scrollToOffset(offset);
    };
    const stopEditor = editor.store.subscribe(check);
    const stopPlayback = playback.subscribe(check);
    return () => {
      stopEditor();
      stopPlayback();
    };
  }, [virtualizer]);

  // Reveal requests from anywhere: scroll to the index, then focus the field once the row exists.
  useEffect(() => {
    const fulfil = (request: RevealRequest) => {
      if (request.serial <= handledSerial) return;
      handledSerial = request.serial;
      const index = editor.get().ids.indexOf(request.id);
      if (index < 0) return;
      // The translation view has no source field: the grid shows it.
      if (request.field === 'source' && viewMode.get() === 'translate') viewMode.set('grid');
      // The translation view keeps the row being translated in the middle, with context around it.
      virtualizer.scrollToIndex(index, { align: viewMode.get() === 'translate' ? 'center' : 'auto' });
      let frames = 0;
      const attempt = () => {
        if (reveal.store.get() !== request) return;
        const box = scrollRef.current;
        const row = box?.querySelector<HTMLElement>(`tr[data-segment-id="${CSS.escape(request.id)}"]`);
        if (!row) {
          if (++frames < REVEAL_FRAMES) requestAnimationFrame(attempt);
          return;
        }
        const field = request.field && fieldElement(request.id, request.field);
        if (field && document.activeElement !== field) {
          focusedIndex.current = index;
          field.focus({ preventScroll: true });
        }
        // Measured now: make sure the whole row is in view.
        row.scrollIntoView({ block: 'nearest' });
      };
      requestAnimationFrame(attempt);
    };
    const pending = reveal.store.get();
    if (pending) fulfil(pending);
    return reveal.store.subscribe(() => {
      const request = reveal.store.get();
      if (request) fulfil(request);
    });
  }, [virtualizer]);

  const items = virtualizer.getVirtualItems();
  return (
    <section className="grid" aria-label={t('grid.label')} data-view={mode}>
      <ViewBar />
      {mode === 'grid' ? (
        <div className="grid-header" aria-hidden="true">
          <div className="cell cell-number">{t('grid.number')}</div>
          <div className="cell cell-time">{t('grid.start')}</div>
          <div className="cell cell-time">{t('grid.end')}</div>
          <div className="cell cell-duration">{t('grid.duration')}</div>
          <div className="cell cell-cps" title={t('grid.cpsHint')}>
            {t('grid.cps')}
          </div>
          <div className="cell cell-text">{t('grid.source')}</div>
          <div className="cell cell-text">{t('grid.translation')}</div>
          <div className="cell cell-flags">{t('grid.flags')}</div>
        </div>
      ) : null}
      <div className="grid-scroll" ref={scrollRef} data-testid="grid-scroll">
        {ids.length === 0 ? (
          <p className="grid-empty">{t('grid.noSegments')}</p>
        ) : (
          <table className="grid-table" aria-label={t('grid.label')} aria-rowcount={ids.length}>
            {/* Keyed by document: text fields of a newly opened document start from its text. */}
            <tbody className="grid-rows" ref={virtualizer.containerRef} key={docSerial}>
              {items.map((item) => {
                const id = ids[item.index];
                if (id === undefined) return null;
                return mode === 'grid' ? (
                  <SegmentRow
                    key={item.key}
                    id={id}
                    index={item.index}
                    sourceLang={sourceLang}
                    translationLang={translationLang}
                    maxCpsSource={maxCpsSource}
                    maxCpsTranslation={maxCpsTranslation}
                    measureRef={virtualizer.measureElement}
                  />
                ) : (
                  <TranslationRow
                    key={item.key}
                    id={id}
                    index={item.index}
                    sourceLang={sourceLang}
                    translationLang={translationLang}
                    maxCpsTranslation={maxCpsTranslation}
                    measureRef={virtualizer.measureElement}
                  />
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
});
