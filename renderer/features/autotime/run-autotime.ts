import { hasUntimed } from '../../../shared/autotime/autotime';
import type { OpenedDocument } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import { errorText } from '../../i18n/host-text';
import type { Client } from '../../platform/client';
import { callJob } from '../../platform/jobs';
import type { Editor } from '../../state/editor';
import type { Notices } from '../../state/notices';

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
 * Time the document's untimed segments on its media: one `project.autotime` job (the host reads
 * the audio, reporting the decode as job.progress of kind peaks under this job's id), then its
 * patch applied as one edit, `autotime`, one undo step. `onProgress` gets the fraction of the audio
 * read, or null while it is unknown. Aborting `signal` cancels the job at once. Edits made meanwhile
 * are kept: only segments still untimed take the placed times. Resolves to the number of segments
 * timed (0 when cancelled, the document changed or nothing applied).
 */
export async function runAutotime(
  deps: AutotimeDeps,
  onProgress: (fraction: number | null) => void,
  signal?: AbortSignal,
): Promise<number> {
  const { client, editor, notices } = deps;
  const { doc, docSerial } = editor.get();
  const media = doc?.media;
  if (!doc || !media || !hasUntimed(doc.project)) return 0;
  onProgress(null);
  let jobId: string | null = null;
  const stop = client.on('job.progress', (p) => {
    if (p.jobId === jobId && p.kind === 'peaks' && p.total > 0) onProgress(Math.min(1, p.done / p.total));
  });
  try {
    const job = callJob(
      client,
      'project.autotime',
      { project: doc.project, mediaId: media.id },
      signal ? { signal } : {},
    );
    jobId = job.jobId;
    const { patch } = await job.result;
    if (editor.get().docSerial !== docSerial) return 0;
    const count = editor.applyPatch('autotime', patch)?.applied ?? 0;
    notices.info((t) => t('autotime.done', { count }), count > 0 ? 'info' : 'warning');
    return count;
  } catch (err) {
    if (err instanceof ZimuError && err.code === 'cancelled') return 0;
    notices.info((t) => t('autotime.failed', { detail: errorText(err) }), 'warning');
    return 0;
  } finally {
    stop();
  }
}
