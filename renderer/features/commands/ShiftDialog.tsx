import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSelection } from '../../state/selection';
import { Modal } from '../../ui/Modal';
import { editCommands } from './actions';

/** Shift the times of the selected or all segments by a signed number of milliseconds. */
export function ShiftDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const selected = useSelection((s) => s.ids.size);
  const [amount, setAmount] = useState('0');
  const [scope, setScope] = useState<'selected' | 'all'>(selected > 0 ? 'selected' : 'all');
  const ms = Number(amount);
  const valid = amount.trim() !== '' && Number.isFinite(ms) && ms !== 0;

  return (
    <Modal labelledBy={titleId} onCancel={onClose} className="shift-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          editCommands.shift(ms, scope);
          onClose();
        }}
      >
        <header className="modal-header">
          <h2 id={titleId}>{t('edit.shift.title')}</h2>
        </header>
        <div className="form-grid">
          <label className="form-label" htmlFor={`${titleId}-amount`}>
            {t('edit.shift.amount')}
          </label>
          <div className="form-control">
            <input
              id={`${titleId}-amount`}
              className="settings-number"
              data-testid="shift-input"
              data-autofocus
              type="number"
              step={10}
              value={amount}
              onChange={(e) => setAmount(e.currentTarget.value)}
            />
            <span className="form-hint">{t('edit.shift.amountHint')}</span>
          </div>
          <span className="form-label">{t('edit.shift.scope')}</span>
          <div className="radio-row">
            <label className="radio">
              <input
                type="radio"
                name="shift-scope"
                data-testid="shift-scope-selected"
                disabled={selected === 0}
                checked={scope === 'selected'}
                onChange={() => setScope('selected')}
              />
              {t('edit.shift.selected', { count: selected })}
            </label>
            <label className="radio">
              <input
                type="radio"
                name="shift-scope"
                data-testid="shift-scope-all"
                checked={scope === 'all'}
                onChange={() => setScope('all')}
              />
              {t('edit.shift.all')}
            </label>
          </div>
        </div>
        <footer className="modal-footer">
          <button type="button" className="tool-button" onClick={onClose}>
            {t('edit.shift.cancel')}
          </button>
          <button type="submit" className="tool-button primary" data-testid="shift-apply" disabled={!valid}>
            {t('edit.shift.apply')}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
