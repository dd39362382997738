import { applyReimport } from '../../../shared/reimport/reimport';
import type { Editor } from '../../state/editor';
import type { ReimportProposal } from './state';

/** Apply the accepted changes of a reviewed proposal as ONE edit (one undo step). */
export function applyProposal(
  editor: Pick<Editor, 'applyEdit'>,
  proposal: ReimportProposal,
  accepted: ReadonlySet<string>,
): boolean {
  if (accepted.size === 0) return false;
  return editor.applyEdit('reimport', (project) => applyReimport(project, proposal, accepted));
}
