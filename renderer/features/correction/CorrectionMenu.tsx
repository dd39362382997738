import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../app/runtime';
import { editor, useEditor } from '../../state/editor';
import { notices } from '../../state/notices';
import { ToolButton } from '../../ui/controls';
import { ChevronUpDownIcon } from '../../ui/icons';
import { BatchDialog } from './BatchDialog';
import { ExportTextDialog } from './ExportTextDialog';
import { askPath } from './paths';
import { ReviewDialog } from './ReviewDialog';
import { type CorrectionField, correctionDialog, useCorrectionDialog } from './state';
import './correction.css';

type Command = 'export-text' | 'reimport' | 'batch';

/**
 * The toolbar's correction menu (export for correction, reimport, batch) and the dialogs it opens;
 * the Electron File menu reaches the same commands through the correction.command event.
 */
export function CorrectionMenu() {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const hasDoc = useEditor((s) => s.doc !== null);
  const dialog = useCorrectionDialog();
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);

  async function reimport(field: CorrectionField = 'text') {
    const doc = editor.get().doc;
    if (!doc) return;
    try {
      const path = await askPath(client, 'open', 'document', doc.path ?? doc.sourcePath);
      if (path) correctionDialog.set({ kind: 'review', path, field });
    } catch (err) {
      notices.error('dialog', err);
    }
  }

  function run(command: Command) {
    setOpen(false);
    if (command === 'batch') return correctionDialog.set({ kind: 'batch' });
    if (!editor.get().doc) return;
    if (command === 'export-text') return correctionDialog.set({ kind: 'export' });
    void reimport();
  }

  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => client.on('correction.command', ({ command }) => runRef.current(command)), [client]);

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
  const items: { command: Command; label: string; needsDoc: boolean }[] = [
    { command: 'export-text', label: t('correction.exportText'), needsDoc: true },
    { command: 'reimport', label: t('correction.reimport'), needsDoc: true },
    { command: 'batch', label: t('correction.batch'), needsDoc: false },
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
              onClick={() => run(item.command)}
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
            void reimport(dialog.field);
          }}
          onDone={done}
        />
      ) : null}
    </div>
  );
}
