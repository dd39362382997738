import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { ZimuError } from '../../shared/ipc/errors';
import { type MessageCode, msg } from '../../shared/ipc/messages';

/** What was being done when a file operation failed: the `fs-action-…` messages. */
export type FsAction = Extract<MessageCode, `fs-action-${string}`>;

/** Turn a Node fs error into a user-facing error that names the file. */
export function fsError(err: unknown, file: string, actionCode: FsAction): ZimuError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const action = msg(actionCode);
  if (code === 'ENOENT') return new ZimuError('not-found', msg('fs-no-such-file', { action }), { file });
  if (code === 'EISDIR') return new ZimuError('unreadable', msg('fs-is-folder', { action }), { file });
  if (code === 'EACCES' || code === 'EPERM')
    return new ZimuError('io-error', msg('fs-permission', { action }), { file });
  const reason = err instanceof Error ? err.message : String(err);
  return new ZimuError('io-error', msg('fs-failed', { action, reason }), { file });
}

/** Files larger than this are not subtitle or project files; refuse them instead of filling memory. */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

export async function readFileBytes(path: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<Buffer> {
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) throw new ZimuError('unreadable', msg('file-is-folder'), { file: path });
    if (stat.size > maxBytes) {
      const megabytes = Math.round(stat.size / 1048576);
      throw new ZimuError('unreadable', msg('file-too-large', { megabytes }), { file: path });
    }
    return await fs.readFile(path);
  } catch (err) {
    if (err instanceof ZimuError) throw err;
    throw fsError(err, path, 'fs-action-read');
  }
}

/**
 * Write a file so that readers see either the old or the new content, never a torn one:
 * write a temp file beside it, flush it to disk, then rename over the target. `mode` 0o600 for
 * secrets (the API key file): the file never exists with wider permissions (umask may narrow them).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  const dir = dirname(path);
  // A fixed-length temp name: the target's own name may already be near the 255-byte limit.
  const temp = join(dir, `.zimu-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(temp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, mode);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fs.rename(temp, path);
  } catch (err) {
    await handle?.close().catch(() => {});
    await fs.rm(temp, { force: true }).catch(() => {});
    throw fsError(err, path, 'fs-action-save');
  }
  // Make the rename itself durable; not every platform can open a directory, which is fine.
  await fs
    .open(dir, 'r')
    .then(async (d) => {
      await d.sync().catch(() => {});
      await d.close();
    })
    .catch(() => {});
}
