import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../ui/Modal';
import { ExportDialog } from './ExportDialog';
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
      return <ConfirmDiscard name={request.name} onDone={request.resolve} />;
  }
}

function ConfirmDiscard({ name, onDone }: { name: string; onDone(ok: boolean): void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Modal labelledBy={`${id}-title`} onCancel={() => onDone(false)} className="confirm-dialog">
      <header className="modal-header">
        <h2 id={`${id}-title`}>{t('confirm.discardTitle')}</h2>
      </header>
      <p className="modal-body">{t('confirm.discardMessage', { name })}</p>
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
