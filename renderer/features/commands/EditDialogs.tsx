import { SettingsDialog } from '../settings/SettingsDialog';
import { ShortcutSheet } from '../shortcuts/ShortcutSheet';
import { closeDialog, usePanels } from './panels';
import { ShiftDialog } from './ShiftDialog';

/** The modal dialogs of the editing area; one at a time. */
export function EditDialogs() {
  const dialog = usePanels((s) => s.dialog);
  if (dialog === 'settings') return <SettingsDialog onClose={closeDialog} />;
  if (dialog === 'shortcuts') return <ShortcutSheet onClose={closeDialog} />;
  if (dialog === 'shift') return <ShiftDialog onClose={closeDialog} />;
  return null;
}
