import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../state/editor';
import { notices, useNotices } from '../../state/notices';
import { WarningIcon } from '../../ui/icons';
import { basename } from '../files/paths';
import { documentStats } from './stats';
import './status.css';

const INFO_VISIBLE_MS = 5000;

export function StatusBar() {
  const { t } = useTranslation();
  const path = useEditor((s) => s.doc?.path ?? null);
  const sourcePath = useEditor((s) => s.doc?.sourcePath ?? null);
  const format = useEditor((s) => s.doc?.format ?? null);
  const encoding = useEditor((s) => s.doc?.encoding ?? null);
  const warnings = useEditor((s) => s.doc?.warnings);
  const dirty = useEditor((s) => s.dirty);
  const segments = useEditor((s) => s.doc?.project.segments);
  // Counting is linear: let it trail the typing instead of running inside each keystroke's render.
  const deferredSegments = useDeferredValue(segments);
  const stats = useMemo(() => (deferredSegments ? documentStats(deferredSegments) : null), [deferredSegments]);
  const [showWarnings, setShowWarnings] = useState(false);

  const shownPath = path ?? sourcePath;
  const name = shownPath ? basename(shownPath) : t('app.untitled');

  return (
    <footer className="status-bar">
      {shownPath ? (
        <>
          <span className="status-file" title={shownPath}>
            {dirty ? (
              <span className="dirty-marker" role="img" aria-label={t('status.unsaved')} title={t('status.unsaved')}>
                ●
              </span>
            ) : null}
            <span className="status-name">{name}</span>
          </span>
          {format ? <span className="status-format">{format.toUpperCase()}</span> : null}
          {encoding ? <span className="status-format">{encoding.toUpperCase()}</span> : null}
          {path === null ? <span className="status-hint">{t('status.notSavedYet')}</span> : null}
        </>
      ) : null}
      {stats ? (
        <>
          <span className="status-item">{t('status.segments', { count: stats.segments })}</span>
          <span className={`status-item${stats.translated < stats.segments ? ' status-todo' : ''}`}>
            {t('status.translated', { done: stats.translated, total: stats.segments })}
          </span>
          <span className={`status-item${stats.untimed > 0 ? ' status-todo' : ' status-muted'}`}>
            {t('status.untimed', { count: stats.untimed })}
          </span>
        </>
      ) : null}
      {warnings && warnings.length > 0 ? (
        <span className="status-warnings">
          <button
            type="button"
            className="status-warnings-button"
            aria-expanded={showWarnings}
            onClick={() => setShowWarnings((v) => !v)}
          >
            <WarningIcon />
            {t('status.warnings', { count: warnings.length })}
          </button>
          {showWarnings ? (
            <section className="warnings-panel" aria-label={t('status.warningsTitle', { name })}>
              <h3>{t('status.warningsTitle', { name })}</h3>
              <ul>
                {warnings.map((w, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: warnings are a fixed list that never reorders.
                  <li key={i}>
                    {w.line !== null ? (
                      <span className="warning-line">{t('status.warningLine', { line: w.line })}</span>
                    ) : null}
                    {w.message}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </span>
      ) : null}
      <span className="status-spacer" />
      <InfoNotice />
      {dirty ? <span className="status-unsaved">{t('status.unsaved')}</span> : null}
      {shownPath && !dirty && path !== null ? <span className="status-muted">{t('status.saved')}</span> : null}
    </footer>
  );
}

/** The last "saved" / "exported" message, fading after a few seconds. */
function InfoNotice() {
  const { t } = useTranslation();
  const info = useNotices((s) => s.info);
  useEffect(() => {
    if (!info) return;
    const timer = setTimeout(() => notices.clearInfo(info.id), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [info]);
  if (!info) return null;
  return (
    <output className="status-info" key={info.id}>
      {info.message(t)}
    </output>
  );
}
