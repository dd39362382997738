import { ShiftDialog } from '../features/commands/ShiftDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ShortcutSheet } from '../features/shortcuts/ShortcutSheet';
import { closeDialog, usePanels } from '../state/panels';

/** The modal dialogs the commands open (settings, shortcut sheet, shift times); one at a time. */
export function EditDialogs() {
  const dialog = usePanels((s) => s.dialog);
  if (dialog === 'settings') return <SettingsDialog onClose={closeDialog} />;
  if (dialog === 'shortcuts') return <ShortcutSheet onClose={closeDialog} />;
  if (dialog === 'shift') return <ShiftDialog onClose={closeDialog} />;
  return null;
}
