import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editor } from '../../state/editor';
import { notices } from '../../state/notices';
import { useRuntime } from '../../state/runtime';
import { Modal } from '../../ui/Modal';
import { writeEncodingName } from '../files/EncodingNames';
import { WRITE_ENCODINGS, type WriteEncoding } from '../files/export-options';
import { basename, withExtension } from '../files/paths';
import { askPath } from './paths';
import type { CorrectionField } from './state';

type Style = 'paragraphs' | 'lines' | 'tsv';
const STYLES: readonly Style[] = ['paragraphs', 'lines', 'tsv'];
const FIELDS: readonly CorrectionField[] = ['text', 'translation'];

/** Where the correction text goes by default: next to the document, `<name>.correction.txt|tsv`. */
export function correctionPathFor(docPath: string, style: Style): string {
  return withExtension(docPath, style === 'tsv' ? '.correction.tsv' : '.correction.txt');
}

/** Style, field and encoding of the text sent out for correction; then where to save it. */
export function ExportTextDialog({ onDone }: { onDone(): void }) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const ids = useId();
  const [style, setStyle] = useState<Style>('paragraphs');
  const [field, setField] = useState<CorrectionField>('text');
  const [encoding, setEncoding] = useState<WriteEncoding>('utf8');
  const [busy, setBusy] = useState(false);

  async function save() {
    const doc = editor.get().doc;
    if (!doc) return;
    setBusy(true);
    try {
      const path = await askPath(
        client,
        'save',
        'subtitle-export',
        correctionPathFor(doc.path ?? doc.sourcePath, style),
      );
      if (!path) return;
      const project = editor.get().doc?.project ?? doc.project;
      const written = await client.call('correction.exportText', { path, project, style, field, encoding });
      notices.info((tt) => tt('correction.exported', { name: basename(written.path), count: written.segments }));
      onDone();
    } catch (err) {
      notices.error('export', err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onDone} className="correction-export-dialog">
      <header className="modal-header">
        <h2 id={`${ids}-title`}>{t('correction.exportTitle')}</h2>
      </header>
      <div className="modal-body form-grid">
        <span className="form-label" id={`${ids}-field`}>
          {t('correction.field')}
        </span>
        <div className="form-control">
          <div className="radio-row" role="radiogroup" aria-labelledby={`${ids}-field`}>
            {FIELDS.map((f) => (
              <label key={f} className="radio">
                <input type="radio" name={`${ids}-field`} checked={field === f} onChange={() => setField(f)} />
                {t(`correction.fields.${f}`)}
              </label>
            ))}
          </div>
        </div>
        <span className="form-label" id={`${ids}-style`}>
          {t('correction.style')}
        </span>
        <div className="form-control">
          <div className="correction-styles" role="radiogroup" aria-labelledby={`${ids}-style`}>
            {STYLES.map((s) => (
              <label key={s} className="radio">
                <input type="radio" name={`${ids}-style`} checked={style === s} onChange={() => setStyle(s)} />
                {t(`correction.styles.${s}`)}
              </label>
            ))}
          </div>
          <p className="form-hint">{t(`correction.styleHints.${style}`)}</p>
        </div>
        <label className="form-label" htmlFor={`${ids}-encoding`}>
          {t('correction.encoding')}
        </label>
        <div className="form-control">
          <select
            id={`${ids}-encoding`}
            value={encoding}
            onChange={(event) => setEncoding(event.currentTarget.value as WriteEncoding)}
          >
            {WRITE_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {writeEncodingName(t, e)}
              </option>
            ))}
          </select>
          <p className="form-hint">{t('correction.docxNote')}</p>
        </div>
      </div>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={onDone}>
          {t('correction.cancel')}
        </button>
        <button type="button" className="button primary" disabled={busy} onClick={() => void save()}>
          {t('correction.exportChoose')}
        </button>
      </footer>
    </Modal>
  );
}
