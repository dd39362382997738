import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { fsError } from './files';

/**
 * What tells one media file from another without reading it all: size, modification time and a
 * hash of its first and last 64 KiB (container headers, the moov box, the last frames). A 2-hour
 * talk is read 128 KiB deep, so checking it costs about a millisecond.
 */
export interface MediaIdentity {
  size: number;
  mtimeMs: number;
  /** sha1 of the first 64 KiB, then of the last 64 KiB (overlapping for small files). */
  head: string;
  tail: string;
}

export const IDENTITY_SPAN = 64 * 1024;

export async function mediaIdentity(path: string): Promise<MediaIdentity> {
  let handle: fs.FileHandle | undefined;
  try {
    const file = await fs.open(path, 'r');
    handle = file;
    const stat = await file.stat();
    const span = Math.min(IDENTITY_SPAN, stat.size);
    const hashAt = async (position: number) => {
      const buffer = Buffer.alloc(span);
      const { bytesRead } = await file.read(buffer, 0, span, position);
      return createHash('sha1').update(buffer.subarray(0, bytesRead)).digest('hex');
    };
    return { size: stat.size, mtimeMs: stat.mtimeMs, head: await hashAt(0), tail: await hashAt(stat.size - span) };
  } catch (err) {
    throw fsError(err, path, 'fs-action-read');
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** A short hex key for an identity plus whatever else the cached result depends on. */
export function identityKey(identity: MediaIdentity, ...parts: (string | number)[]): string {
  const h = createHash('sha1');
  h.update(JSON.stringify([identity.size, identity.mtimeMs, identity.head, identity.tail, ...parts]));
  return h.digest('hex').slice(0, 32);
}
