import {
  type KeyboardEvent,
  type RefObject,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenedDocument } from '../../../shared/ipc/contract';
import { documentStats } from '../../state/document-stats';
import { useEditor } from '../../state/editor';
import { notices, useNotices } from '../../state/notices';
import { CheckIcon, ChevronUpDownIcon, CloseIcon, WarningIcon } from '../../ui/icons';
import { useFileCommands } from '../files/context';
import {
  LOW_ENCODING_CONFIDENCE,
  READ_ENCODING_NAMES,
  READ_ENCODINGS,
  type ReadEncoding,
} from '../files/export-options';
import { basename } from '../files/paths';
import './status.css';
import { warningText } from '../../i18n/host-text';

const INFO_VISIBLE_MS = 5000;
/** Messages about problems stay longer: they point at something to look at. */
const WARNING_VISIBLE_MS = 10_000;

const NO_WARNINGS: OpenedDocument['warnings'] = [];

export function StatusBar() {
  const { t } = useTranslation();
  const path = useEditor((s) => s.doc?.path ?? null);
  const sourcePath = useEditor((s) => s.doc?.sourcePath ?? null);
  const format = useEditor((s) => s.doc?.format ?? null);
  const warnings = useEditor((s) => s.doc?.warnings ?? NO_WARNINGS);
  const docSerial = useEditor((s) => s.docSerial);
  const dirty = useEditor((s) => s.dirty);
  const segments = useEditor((s) => s.doc?.project.segments);
  // Counting is linear: let it trail the typing instead of running inside each keystroke's render.
  const deferredSegments = useDeferredValue(segments);
  const stats = useMemo(() => (deferredSegments ? documentStats(deferredSegments) : null), [deferredSegments]);

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
          <EncodingMenu />
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
      {/* A new document starts with its list closed. */}
      {warnings.length > 0 ? <WarningsButton key={docSerial} warnings={warnings} name={name} /> : null}
      <span className="status-spacer" />
      <InfoNotice />
      {dirty ? <span className="status-unsaved">{t('status.unsaved')}</span> : null}
      {shownPath && !dirty && path !== null ? <span className="status-muted">{t('status.saved')}</span> : null}
    </footer>
  );
}

/** Close a popup on Escape (focus back to its button) or a press anywhere outside it. */
function useDismiss(open: boolean, within: RefObject<HTMLElement | null>, close: (refocus: boolean) => void): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && within.current?.contains(event.target)) return;
      closeRef.current(false);
    };
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      closeRef.current(true);
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open, within]);
}

/** Problems found while reading the file: a count, and their list (line: message) on click. */
function WarningsButton({ warnings, name }: { warnings: OpenedDocument['warnings']; name: string }) {
  const { t } = useTranslation();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  useDismiss(open, boxRef, close);

  return (
    <span className="status-warnings" ref={boxRef}>
      <button
        ref={buttonRef}
        type="button"
        className="status-warnings-button"
        aria-expanded={open}
        aria-controls={open ? `${ids}-panel` : undefined}
        data-testid="warnings-button"
        onClick={() => setOpen((v) => !v)}
      >
        <WarningIcon />
        {t('status.warnings', { count: warnings.length })}
      </button>
      {open ? (
        <section
          id={`${ids}-panel`}
          className="status-popup warnings-panel"
          aria-labelledby={`${ids}-title`}
          data-testid="warnings-panel"
        >
          <header className="popup-header">
            <h3 id={`${ids}-title`}>{t('status.warningsTitle', { name })}</h3>
            <button
              type="button"
              className="popup-close"
              aria-label={t('status.warningsClose')}
              title={t('status.warningsClose')}
              onClick={() => close(true)}
            >
              <CloseIcon />
            </button>
          </header>
          <ul>
            {warnings.map((w, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings are a fixed list that never reorders.
              <li key={i}>
                {w.line !== null ? (
                  <span className="warning-line">{t('status.warningLine', { line: w.line })}</span>
                ) : null}
                {warningText(w)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </span>
  );
}

/**
 * The encoding an imported file was read with, as a button: it opens a menu of the encodings Zimu
 * reads, and choosing one reads the file again with it. Uncertain detections are marked.
 */
function EncodingMenu() {
  const { t } = useTranslation();
  const commands = useFileCommands();
  const ids = useId();
  const encoding = useEditor((s) => s.doc?.encoding ?? null);
  const confidence = useEditor((s) => s.doc?.encodingConfidence ?? null);
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLSpanElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  useDismiss(open, boxRef, close);

  // Focus the current encoding when the menu opens, as native menus do.
  useEffect(() => {
    if (!open) return;
    const items = menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]');
    const checked = menuRef.current?.querySelector<HTMLElement>('[aria-checked="true"]');
    (checked ?? items?.[0])?.focus();
  }, [open]);

  if (encoding === null) return null;
  const label = READ_ENCODING_NAMES[encoding];
  const percent = confidence === null ? null : Math.round(confidence * 100);
  const uncertain = confidence !== null && confidence < LOW_ENCODING_CONFIDENCE;
  const hint = uncertain
    ? t('status.encodingUncertain', { confidence: percent ?? 0 })
    : t('status.encodingHint', { encoding: label, confidence: percent ?? 100 });

  const choose = (chosen: ReadEncoding) => {
    close(true);
    void commands.reopenWithEncoding(chosen);
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move !== undefined) {
      event.preventDefault();
      items[(at + move + items.length) % items.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? items[0] : items[items.length - 1])?.focus();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <span className="status-encoding" ref={boxRef}>
      <button
        ref={buttonRef}
        type="button"
        className={`status-format status-encoding-button${uncertain ? ' is-uncertain' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${ids}-menu` : undefined}
        aria-label={t('status.encodingLabel', { encoding: label })}
        title={hint}
        data-testid="encoding-button"
        onClick={() => setOpen((v) => !v)}
      >
        {uncertain ? <WarningIcon /> : null}
        {label}
        <ChevronUpDownIcon />
      </button>
      {open ? (
        <div
          ref={menuRef}
          id={`${ids}-menu`}
          className="status-popup encoding-menu"
          role="menu"
          aria-label={t('status.reopenTitle')}
          data-testid="encoding-menu"
          onKeyDown={onMenuKeyDown}
        >
          <div className="popup-title" aria-hidden="true">
            {t('status.reopenTitle')}
          </div>
          {uncertain ? <p className="encoding-caution">{hint}</p> : null}
          {READ_ENCODINGS.map((e) => (
            <button
              key={e}
              type="button"
              role="menuitemradio"
              aria-checked={e === encoding}
              tabIndex={-1}
              className="menu-item"
              onClick={() => choose(e)}
            >
              <span className="menu-check">{e === encoding ? <CheckIcon /> : null}</span>
              <span className="menu-label">{READ_ENCODING_NAMES[e]}</span>
              {e === encoding ? <span className="menu-note">{t('status.reopenCurrent')}</span> : null}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}

/** The last "saved" / "exported" message, fading after a few seconds (problems stay longer). */
function InfoNotice() {
  const { t } = useTranslation();
  const info = useNotices((s) => s.info);
  useEffect(() => {
    if (!info) return;
    const timer = setTimeout(
      () => notices.clearInfo(info.id),
      info.tone === 'warning' ? WARNING_VISIBLE_MS : INFO_VISIBLE_MS,
    );
    return () => clearTimeout(timer);
  }, [info]);
  if (!info) return null;
  const message = info.message(t);
  return (
    <output
      className={`status-info${info.tone === 'warning' ? ' is-warning' : ''}`}
      key={info.id}
      title={message}
      data-testid="status-info"
    >
      {info.tone === 'warning' ? <WarningIcon /> : null}
      <span className="status-info-text">{message}</span>
    </output>
  );
}
