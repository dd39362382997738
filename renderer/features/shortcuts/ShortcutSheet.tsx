import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { chordLabel } from '../../../shared/commands/chords';
import { COMMAND_GROUPS, COMMAND_TABLE } from '../../../shared/commands/table';
import { openDialog } from '../../state/panels';
import { usePreferences } from '../../state/preferences';
import { Modal } from '../../ui/Modal';
import './shortcuts.css';

/** Every command of the table and its keys (the user's, where changed), by group. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const keymap = usePreferences((s) => s.keymap);
  const mac = usePreferences((s) => s.info?.platform === 'darwin');

  return (
    <Modal labelledBy={titleId} onCancel={onClose} className="shortcut-sheet">
      <header className="modal-header">
        <h2 id={titleId}>{t('edit.sheet.title')}</h2>
        <button type="button" className="tool-button" data-autofocus onClick={onClose}>
          {t('edit.close')}
        </button>
      </header>
      <div className="modal-body shortcut-sheet-body" data-testid="shortcut-sheet">
        <p className="form-hint">{t('edit.sheet.note', { mod: mac ? '⌘' : 'Ctrl' })}</p>
        <div className="shortcut-groups">
          {COMMAND_GROUPS.map((group) => (
            <section key={group} className="shortcut-group">
              <h3>{t(`edit.groups.${group}`)}</h3>
              <dl>
                {COMMAND_TABLE.filter((c) => c.group === group).map(({ id }) => {
                  const chords = keymap.get(id) ?? [];
                  return (
                    <div key={id} className="shortcut-line" data-action={id}>
                      <dt>{t(`edit.actions.${id}`)}</dt>
                      <dd>
                        {chords.length === 0 ? (
                          <span className="form-hint">{t('edit.sheet.none')}</span>
                        ) : (
                          chords.map((chord) => <kbd key={chord}>{chordLabel(chord, mac)}</kbd>)
                        )}
                      </dd>
                    </div>
                  );
                })}
              </dl>
            </section>
          ))}
        </div>
      </div>
      <footer className="modal-footer">
        <button type="button" className="tool-button" onClick={() => openDialog('settings')}>
          {t('edit.sheet.customize')}
        </button>
      </footer>
    </Modal>
  );
}
