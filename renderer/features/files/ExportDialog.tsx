import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment } from '../../../shared/model/types';
import { warningText } from '../../i18n/host-text';
import { documentStats } from '../../state/document-stats';
import { editor } from '../../state/editor';
import { errorDetail } from '../../state/notices';
import { useRuntime } from '../../state/runtime';
import { WarningIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import type { ExportCheck } from './commands';
import { CharacterList, writeEncodingName } from './EncodingNames';
import {
  ASS_BILINGUAL,
  EXPORT_FORMATS,
  type ExportLayout,
  type ExportOptions,
  formatExtension,
  LAYOUTS,
  LINE_ENDINGS,
  LOSSY_ENCODINGS,
  TEXT_STYLES,
  WRITE_ENCODINGS,
  type WriteEncoding,
} from './export-options';

interface ExportDialogProps {
  defaults: ExportOptions;
  onDone(options: ExportOptions | null): void;
}

/** The dry run of the options on screen: what it found, or why it failed. */
type CheckState =
  | { readonly status: 'checking'; readonly last: ExportCheck | null }
  | { readonly status: 'done'; readonly result: ExportCheck }
  | { readonly status: 'failed'; readonly detail: string };

/** How long option changes settle before the dry run asks the host. */
const CHECK_DELAY_MS = 120;

/** The lines of `segment` a layout puts into its cue, in order. */
function layoutLines(segment: Segment, layout: ExportLayout): { text: string; side: 'source' | 'translation' }[] {
  const source = { text: segment.source.trim(), side: 'source' as const };
  const translation = { text: segment.translation.trim(), side: 'translation' as const };
  const lines = {
    source: [source],
    translation: [translation],
    bilingual: [source, translation],
    'bilingual-translation-first': [translation, source],
  }[layout];
  return lines.filter((l) => l.text !== '');
}

/**
 * Format, text layout, encoding and the format's own choices of an export; the file is asked for
 * next. The host checks every combination as it is chosen (project.exportCheck), so what would be
 * left out or lost shows before anything is written.
 */
export function ExportDialog({ defaults, onDone }: ExportDialogProps) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const ids = useId();
  const [options, setOptions] = useState<ExportOptions>(defaults);
  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) =>
    setOptions((o) => ({ ...o, [key]: value }));
  // A snapshot when the dialog opens; the document cannot change behind a modal.
  const project = useMemo(() => editor.get().doc?.project ?? null, []);
  const segments = project?.segments ?? [];
  const stats = useMemo(() => documentStats(segments), [segments]);
  const sample = useMemo(
    () => segments.find((s) => s.source.trim() && s.translation.trim()) ?? segments.find((s) => s.source.trim()),
    [segments],
  );
  const languages = project?.languages;
  const [check, setCheck] = useState<CheckState>({ status: 'checking', last: null });

  useEffect(() => {
    if (!project) return;
    let current = true;
    setCheck((c) => ({
      status: 'checking',
      last: c.status === 'done' ? c.result : c.status === 'checking' ? c.last : null,
    }));
    const timer = setTimeout(() => {
      client.call('project.exportCheck', { project, ...options }).then(
        (result) => current && setCheck({ status: 'done', result }),
        (err: unknown) => current && setCheck({ status: 'failed', detail: errorDetail(err) }),
      );
    }, CHECK_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, project, options]);

  const shown = check.status === 'done' ? check.result : check.status === 'checking' ? check.last : null;
  const encodingName = (e: WriteEncoding) => writeEncodingName(t, e);
  const untranslated = stats.segments - stats.translated;
  const previewLines = sample ? layoutLines(sample, options.layout) : [];
  // A translation-only export leaves untranslated segments out, which the check already says.
  const bilingual = options.layout === 'bilingual' || options.layout === 'bilingual-translation-first';

  const field = (key: string, label: string, control: ReactNode, labelIsFor = true) => (
    <>
      {labelIsFor ? (
        <label className="form-label" htmlFor={`${ids}-${key}`}>
          {label}
        </label>
      ) : (
        <span className="form-label" id={`${ids}-${key}`}>
          {label}
        </span>
      )}
      <div className="form-control">{control}</div>
    </>
  );

  const radios = <T extends string>(key: keyof ExportOptions, values: readonly T[], labelOf: (v: T) => string) => (
    <div className="radio-row" role="radiogroup" aria-labelledby={`${ids}-${key}`}>
      {values.map((v) => (
        <label key={v} className="radio">
          <input
            type="radio"
            name={`${ids}-${key}`}
            value={v}
            checked={options[key] === v}
            onChange={() => set(key, v as ExportOptions[typeof key])}
          />
          {labelOf(v)}
        </label>
      ))}
    </div>
  );

  return (
    <Modal labelledBy={`${ids}-title`} onCancel={() => onDone(null)} className="export-dialog">
      <header className="modal-header">
        <h2 id={`${ids}-title`}>{t('export.title')}</h2>
      </header>
      <div className="modal-body form-grid">
        {field(
          'format',
          t('export.format'),
          <div className="format-grid" role="radiogroup" aria-labelledby={`${ids}-format`}>
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className={`format-choice${options.format === f ? ' is-checked' : ''}`}>
                <input
                  type="radio"
                  name={`${ids}-format`}
                  value={f}
                  checked={options.format === f}
                  onChange={() => set('format', f)}
                />
                <span className="format-name">{t(`export.formats.${f}`)}</span>
                <span className="format-ext">{formatExtension(f)}</span>
              </label>
            ))}
          </div>,
          false,
        )}

        {field(
          'layout',
          t('export.layout'),
          <>
            <select
              id={`${ids}-layout`}
              value={options.layout}
              onChange={(event) => set('layout', event.currentTarget.value as ExportLayout)}
            >
              {LAYOUTS.map((l) => (
                <option key={l} value={l}>
                  {t(`export.layouts.${l}`)}
                </option>
              ))}
            </select>
            {previewLines.length > 0 ? (
              <figure className="layout-preview" aria-label={t('export.previewLabel')}>
                {previewLines.map((line) => (
                  <p
                    key={line.side}
                    className={`preview-${line.side}`}
                    lang={line.side === 'source' ? languages?.source : languages?.translation}
                  >
                    {line.text}
                  </p>
                ))}
              </figure>
            ) : null}
          </>,
        )}

        {field(
          'encoding',
          t('export.encoding'),
          <>
            <select
              id={`${ids}-encoding`}
              value={options.encoding}
              aria-describedby={`${ids}-encoding-hint`}
              onChange={(event) => set('encoding', event.currentTarget.value as WriteEncoding)}
            >
              {WRITE_ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {encodingName(e)}
                </option>
              ))}
            </select>
            <p
              id={`${ids}-encoding-hint`}
              className={`form-hint${LOSSY_ENCODINGS.has(options.encoding) ? ' is-caution' : ''}`}
            >
              {t(`export.encodingHints.${options.encoding}`)}
            </p>
          </>,
        )}

        {field(
          'lineEnding',
          t('export.lineEnding'),
          radios('lineEnding', LINE_ENDINGS, (v) => t(`export.lineEndings.${v}`)),
          false,
        )}

        {options.format === 'ass'
          ? field(
              'assBilingual',
              t('export.assBilingual'),
              radios('assBilingual', ASS_BILINGUAL, (v) => t(`export.assModes.${v}`)),
              false,
            )
          : null}

        {options.format === 'txt'
          ? field(
              'textStyle',
              t('export.textStyle'),
              radios('textStyle', TEXT_STYLES, (v) => t(`export.textStyles.${v}`)),
              false,
            )
          : null}

        <section className="export-check" aria-live="polite" aria-busy={check.status === 'checking'}>
          {check.status === 'checking' && !shown ? <p className="form-hint">{t('export.checking')}</p> : null}
          {check.status === 'failed' ? (
            <div className="check-box is-danger" role="alert">
              <span className="check-icon">
                <WarningIcon />
              </span>
              <div>
                <p>{t('export.checkFailed')}</p>
                <p className="check-detail">{check.detail}</p>
              </div>
            </div>
          ) : null}
          {shown && shown.unencodable.length > 0 ? (
            <div className="check-box is-caution" data-testid="export-unencodable">
              <span className="check-icon">
                <WarningIcon />
              </span>
              <div>
                <p>{t('export.unencodable', { encoding: encodingName(options.encoding) })}</p>
                <CharacterList characters={shown.unencodable} max={40} />
                <p className="form-hint">{t('export.unencodableHint')}</p>
              </div>
            </div>
          ) : null}
          {(shown && shown.warnings.length > 0) || (bilingual && untranslated > 0) ? (
            <ul className="form-notes" data-testid="export-warnings">
              {shown?.warnings.map((w, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: one check's warnings never reorder.
                <li key={i}>
                  {w.line !== null ? (
                    <span className="warning-line">{t('status.warningLine', { line: w.line })}</span>
                  ) : null}
                  {warningText(w)}
                </li>
              ))}
              {bilingual && untranslated > 0 ? <li>{t('export.untranslatedNote', { count: untranslated })}</li> : null}
            </ul>
          ) : null}
        </section>
      </div>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('export.cancel')}
        </button>
        <button type="button" className="button primary" onClick={() => onDone(options)}>
          {t('export.choose')}
        </button>
      </footer>
    </Modal>
  );
}
