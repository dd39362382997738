import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { editor, useEditor } from '../../state/editor';
import { reveal } from '../../state/reveal';
import { selection } from '../../state/selection';
import { translatedCount } from './progress';
import { useViewMode, type ViewMode, viewMode } from './view-mode';

/** Switch to `mode`, keeping the segment the user was on in view (and its translation focused). */
export function switchView(mode: ViewMode): void {
  if (viewMode.get() === mode) return;
  viewMode.set(mode);
  const s = editor.get();
  const segments = s.doc?.project.segments ?? [];
  const focus = selection.get().focus ?? s.currentId;
  const target =
    mode === 'translate'
      ? (segments.find((seg) => seg.id === focus && seg.translation.trim() === '')?.id ??
        segments.find((seg) => seg.translation.trim() === '')?.id ??
        focus ??
        segments[0]?.id)
      : focus;
  if (target) reveal.request(target, mode === 'translate' ? 'translation' : null);
}

/** The grid / translation view switch and the translation progress, above the list (memoized: the list re-renders as it scrolls). */
export const ViewBar = memo(function ViewBar() {
  const { t } = useTranslation();
  const mode = useViewMode();
  return (
    <div className="view-bar">
      <fieldset className="view-switch" aria-label={t('grid.view')}>
        {(['grid', 'translate'] as const).map((m) => (
          <button
            key={m}
            type="button"
            data-testid={`view-${m}`}
            aria-pressed={mode === m}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => switchView(m)}
          >
            {t(m === 'grid' ? 'grid.viewGrid' : 'grid.viewTranslate')}
          </button>
        ))}
      </fieldset>
      <TranslationProgress />
    </div>
  );
});

/** Translated / total with a bar; re-renders only when the count changes. */
function TranslationProgress() {
  const { t } = useTranslation();
  const total = useEditor((s) => s.ids.length);
  const done = useEditor((s) => translatedCount(s.doc?.project.segments ?? []));
  const percent = total === 0 ? 0 : Math.floor((done / total) * 100);
  return (
    <div className="translate-progress" data-testid="translate-progress" data-done={done} data-total={total}>
      <span className="translate-progress-label">{t('grid.progress', { done, total, percent })}</span>
      <progress max={total || 1} value={done} aria-label={t('grid.progressLabel')} />
    </div>
  );
}
