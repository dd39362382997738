import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editor } from '../../state/editor';
import { Modal } from '../../ui/Modal';
import { documentStats } from '../status/stats';
import type { ExportOptions } from './commands';

const FORMATS = ['srt', 'vtt'] as const;
const LAYOUTS = ['source', 'translation', 'bilingual', 'bilingual-translation-first'] as const;

interface ExportDialogProps {
  defaults: ExportOptions;
  onDone(options: ExportOptions | null): void;
}

/** Format and text layout of an export; the file is asked for next. */
export function ExportDialog({ defaults, onDone }: ExportDialogProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [format, setFormat] = useState(defaults.format);
  const [layout, setLayout] = useState(defaults.layout);
  // A snapshot when the dialog opens; the document cannot change behind a modal.
  const stats = useMemo(() => documentStats(editor.get().doc?.project.segments ?? []), []);
  const untranslated = stats.segments - stats.translated;
  const needsTranslation = layout !== 'source';

  return (
    <Modal labelledBy={`${ids}-title`} onCancel={() => onDone(null)} className="export-dialog">
      <header className="modal-header">
        <h2 id={`${ids}-title`}>{t('export.title')}</h2>
      </header>
      <div className="modal-body form-grid">
        <span className="form-label" id={`${ids}-format`}>
          {t('export.format')}
        </span>
        <div className="radio-row" role="radiogroup" aria-labelledby={`${ids}-format`}>
          {FORMATS.map((f) => (
            <label key={f} className="radio">
              <input
                type="radio"
                name={`${ids}-format`}
                value={f}
                checked={format === f}
                onChange={() => setFormat(f)}
              />
              {t(`export.${f}`)}
            </label>
          ))}
        </div>
        <label className="form-label" htmlFor={`${ids}-layout`}>
          {t('export.layout')}
        </label>
        <select
          id={`${ids}-layout`}
          value={layout}
          onChange={(event) => setLayout(event.currentTarget.value as ExportOptions['layout'])}
        >
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {t(`export.layouts.${l}`)}
            </option>
          ))}
        </select>
        {stats.untimed > 0 || (needsTranslation && untranslated > 0) ? (
          <ul className="form-notes">
            {stats.untimed > 0 ? <li>{t('export.untimedNote', { count: stats.untimed })}</li> : null}
            {needsTranslation && untranslated > 0 ? (
              <li>{t('export.untranslatedNote', { count: untranslated })}</li>
            ) : null}
          </ul>
        ) : null}
      </div>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('export.cancel')}
        </button>
        <button type="button" className="button primary" onClick={() => onDone({ format, layout })}>
          {t('export.choose')}
        </button>
      </footer>
    </Modal>
  );
}
