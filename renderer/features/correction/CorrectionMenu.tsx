import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runCommand } from '../../state/commands';
import { useEditor } from '../../state/editor';
import { useRuntime } from '../../state/runtime';
import { ToolButton } from '../../ui/controls';
import { ChevronUpDownIcon } from '../../ui/icons';
import { BatchDialog } from './BatchDialog';
import { type CorrectionCommand, startReimport } from './commands';
import { ExportTextDialog } from './ExportTextDialog';
import { ReviewDialog } from './ReviewDialog';
import { correctionDialog, useCorrectionDialog } from './state';
import './correction.css';

/**
 * The toolbar's correction menu (export for correction, reimport, batch) and the dialogs it opens;
 * the desktop File menu runs the same commands (shared/commands/table.ts).
 */
export function CorrectionMenu() {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const hasDoc = useEditor((s) => s.doc !== null);
  const dialog = useCorrectionDialog();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const done = () => correctionDialog.set(null);
  const items: { command: CorrectionCommand; label: string; needsDoc: boolean }[] = [
    { command: 'correction-export', label: t('correction.exportText'), needsDoc: true },
    { command: 'correction-reimport', label: t('correction.reimport'), needsDoc: true },
    { command: 'correction-batch', label: t('correction.batch'), needsDoc: false },
  ];

  return (
    <div className="correction-menu" ref={menuRef}>
      <ToolButton
        icon={<ChevronUpDownIcon />}
        label={t('correction.menu')}
        title={t('correction.menuHint')}
        testId="correction-menu"
        onClick={() => setOpen((o) => !o)}
      />
      {open ? (
        <div className="correction-popup" role="menu">
          {items.map((item) => (
            <button
              key={item.command}
              type="button"
              role="menuitem"
              disabled={item.needsDoc && !hasDoc}
              onClick={() => {
                setOpen(false);
                runCommand(item.command);
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
      {dialog?.kind === 'export' ? <ExportTextDialog onDone={done} /> : null}
      {dialog?.kind === 'batch' ? <BatchDialog onDone={done} /> : null}
      {dialog?.kind === 'review' ? (
        <ReviewDialog
          key={`${dialog.path}|${dialog.field}`}
          path={dialog.path}
          field={dialog.field}
          onField={(field) => correctionDialog.set({ ...dialog, field })}
          onChooseAnother={() => {
            done();
            void startReimport(client, dialog.field);
          }}
          onDone={done}
        />
      ) : null}
    </div>
  );
}
