import type { CallResult } from '../../../shared/ipc/contract';
import { createStore, useStore } from '../../state/store';

export type CorrectionField = 'text' | 'translation';
export type ReimportProposal = CallResult<'correction.preview'>['proposal'];
export type ReimportChange = ReimportProposal['changes'][number];

/** Which correction dialog is open, if any. */
export type CorrectionDialog =
  | { readonly kind: 'export' }
  | { readonly kind: 'review'; readonly path: string; readonly field: CorrectionField }
  | { readonly kind: 'batch' };

export const correctionDialog = createStore<CorrectionDialog | null>(null);

export function useCorrectionDialog(): CorrectionDialog | null {
  return useStore(correctionDialog, (d) => d);
}
