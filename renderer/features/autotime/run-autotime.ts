import { applyPlaced, hasUntimed } from '../../../shared/autotime/autotime';
import type { OpenedDocument } from '../../../shared/ipc/contract';
import type { Client } from '../../platform/client';
import type { Editor } from '../../state/editor';
import { errorDetail, type Notices } from '../../state/notices';

/** The command applies when the document has untimed segments and media to time them on. */
export function canAutotime(doc: OpenedDocument | null): boolean {
  return doc?.media != null && hasUntimed(doc.project);
}

export interface AutotimeDeps {
  client: Client;
  editor: Editor;
  notices: Notices;
}

/**
 * Time the document's untimed segments on its media: one `project.autotime` call (the host reads
 * the audio, reporting the decode as job.progress of kind peaks), then one edit, `autotime`, which
 * is one undo step. `onProgress` gets the fraction of the audio read, or null while it is unknown.
 * Edits made meanwhile are kept: only segments still untimed take the placed times. Resolves to the
 * number of segments timed (0 when the document changed or nothing applied).
 */
export async function runAutotime(deps: AutotimeDeps, onProgress: (fraction: number | null) => void): Promise<number> {
  const { client, editor, notices } = deps;
  const { doc, docSerial } = editor.get();
  const media = doc?.media;
  if (!doc || !media || !hasUntimed(doc.project)) return 0;
  onProgress(null);
  const stop = client.on('job.progress', (p) => {
    if (p.kind === 'peaks' && p.mediaId === media.id && p.total > 0) onProgress(Math.min(1, p.done / p.total));
  });
  try {
    const { segments } = await client.call('project.autotime', { project: doc.project, mediaId: media.id });
    const now = editor.get();
    if (now.docSerial !== docSerial) return 0;
    const before = now.doc?.project.segments ?? [];
    editor.applyEdit('autotime', (project) => applyPlaced(project, segments));
    const after = editor.get().doc?.project.segments ?? [];
    const count = after.filter((s, i) => s !== before[i]).length;
    notices.info((t) => t('autotime.done', { count }), count > 0 ? 'info' : 'warning');
    return count;
  } catch (err) {
    const detail = errorDetail(err);
    notices.info((t) => t('autotime.failed', { detail }), 'warning');
    return 0;
  } finally {
    stop();
  }
}
