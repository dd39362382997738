import type { CommandSubset } from '../../../shared/commands/table';
import type { Client } from '../../platform/client';
import { editor } from '../../state/editor';
import { notices } from '../../state/notices';
import { askPath } from './paths';
import { type CorrectionField, correctionDialog } from './state';

/** The correction round trip's commands (the toolbar's Correction menu, the desktop File menu). */
export type CorrectionCommand = CommandSubset<'correction-export' | 'correction-reimport' | 'correction-batch'>;

/** Ask for the corrected text, then review what it changes in `field`. */
export async function startReimport(client: Pick<Client, 'call'>, field: CorrectionField = 'text'): Promise<void> {
  const doc = editor.get().doc;
  if (!doc) return;
  try {
    const path = await askPath(client, 'open', 'document', doc.path ?? doc.sourcePath);
    if (path) correctionDialog.set({ kind: 'review', path, field });
  } catch (err) {
    notices.error('dialog', err);
  }
}

/** Open the dialog of a correction command; export and reimport need a document, a batch does not. */
export function runCorrection(command: CorrectionCommand, client: Pick<Client, 'call'>): void {
  if (command === 'correction-batch') correctionDialog.set({ kind: 'batch' });
  else if (!editor.get().doc) return;
  else if (command === 'correction-export') correctionDialog.set({ kind: 'export' });
  else void startReimport(client);
}
