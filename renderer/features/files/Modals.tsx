import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WarningIcon } from '../../ui/icons';
import { Modal } from '../../ui/Modal';
import type { DiscardReason, LossyAnswer, LossyExport } from './commands';
import { CharacterList, useWriteEncodingName } from './EncodingNames';
import { ExportDialog } from './ExportDialog';
import { READ_ENCODING_NAMES, READ_ENCODINGS, type ReadEncoding } from './export-options';
import { FilePicker } from './FilePicker';
import { useUiRequest } from './requests';
import './files.css';

/** Whichever question the file commands are asking, as a modal dialog. */
export function Modals() {
  const request = useUiRequest();
  if (!request) return null;
  switch (request.kind) {
    case 'path':
      return <FilePicker request={request.request} onDone={request.resolve} />;
    case 'export':
      return <ExportDialog defaults={request.defaults} onDone={request.resolve} />;
    case 'confirm-discard':
      return <ConfirmDiscard name={request.name} reason={request.reason} onDone={request.resolve} />;
    case 'confirm-lossy':
      return <ConfirmLossyExport question={request.question} onDone={request.resolve} />;
    case 'choose-encoding':
      return <ChooseEncoding name={request.name} onDone={request.resolve} />;
  }
}

/** Detection could not tell the encoding of `name`: the user picks one to read it with. */
function ChooseEncoding({ name, onDone }: { name: string; onDone(encoding: ReadEncoding | null): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [encoding, setEncoding] = useState<ReadEncoding>('gb18030');
  return (
    <Modal labelledBy={`${id}-title`} onCancel={() => onDone(null)} className="confirm-dialog">
      <header className="modal-header">
        <h2 id={`${id}-title`}>{t('openEncoding.title')}</h2>
      </header>
      <div className="modal-body encoding-choice">
        <p>{t('openEncoding.message', { name })}</p>
        <div className="encoding-row">
          <label htmlFor={`${id}-encoding`}>{t('openEncoding.encoding')}</label>
          <select
            id={`${id}-encoding`}
            value={encoding}
            data-autofocus
            onChange={(event) => setEncoding(event.currentTarget.value as ReadEncoding)}
          >
            {READ_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {READ_ENCODING_NAMES[e]}
              </option>
            ))}
          </select>
        </div>
        <p className="form-hint">{t('openEncoding.hint')}</p>
      </div>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('openEncoding.cancel')}
        </button>
        <button type="button" className="button primary" onClick={() => onDone(encoding)}>
          {t('openEncoding.open')}
        </button>
      </footer>
    </Modal>
  );
}

function ConfirmDiscard({ name, reason, onDone }: { name: string; reason: DiscardReason; onDone(ok: boolean): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} onCancel={() => onDone(false)} className="confirm-dialog">
      <header className="modal-header">
        <h2 id={`${id}-title`}>{t('confirm.discardTitle')}</h2>
      </header>
      <p className="modal-body">
        {reason === 'reopen' ? t('confirm.reopenMessage', { name }) : t('confirm.discardMessage', { name })}
      </p>
      <footer className="modal-footer">
        <button type="button" className="button danger" onClick={() => onDone(true)}>
          {t('confirm.discard')}
        </button>
        <button type="button" className="button primary" data-autofocus onClick={() => onDone(false)}>
          {t('confirm.cancel')}
        </button>
      </footer>
    </Modal>
  );
}

/** The characters an encoding would lose, before anything is written; "change" is the safe default. */
function ConfirmLossyExport({ question, onDone }: { question: LossyExport; onDone(answer: LossyAnswer): void }) {
  const { t } = useTranslation();
  const id = useId();
  const encoding = useWriteEncodingName(question.encoding);
  return (
    <Modal labelledBy={`${id}-title`} onCancel={() => onDone('cancel')} className="confirm-dialog lossy-dialog">
      <header className="modal-header">
        <h2 id={`${id}-title`}>
          <span className="lossy-icon">
            <WarningIcon />
          </span>
          {t('export.lossyTitle')}
        </h2>
      </header>
      <div className="modal-body">
        <p>{t('export.lossyMessage', { encoding, count: question.characters.length })}</p>
        <CharacterList characters={question.characters} testId="lossy-characters" />
        <p className="lossy-consequence">{t('export.lossyConsequence')}</p>
      </div>
      <footer className="modal-footer">
        <button type="button" className="button" onClick={() => onDone('cancel')}>
          {t('export.cancel')}
        </button>
        <span className="footer-spacer" />
        <button type="button" className="button danger" onClick={() => onDone('export')}>
          {t('export.exportAnyway')}
        </button>
        <button type="button" className="button primary" data-autofocus onClick={() => onDone('change')}>
          {t('export.changeEncoding')}
        </button>
      </footer>
    </Modal>
  );
}
