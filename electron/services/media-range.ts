import { createReadStream, promises as fs } from 'node:fs';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';

/** A host-neutral HTTP answer for a media request: both hosts turn it into their own response. */
export interface MediaResponse {
  status: number;
  headers: Record<string, string>;
  body: Readable | null;
}

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.m4s': 'video/mp4',
  '.aac': 'audio/aac',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.flac': 'audio/flac',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.mov': 'video/quicktime',
  '.flv': 'video/x-flv',
  // Waveform peaks files (electron/services/peaks-file.ts), served like media.
  '.zpk': 'application/octet-stream',
};

export function mediaMimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Parse a single `bytes=a-b` range (the only kind media elements send). Null = serve whole file. */
export function parseRange(
  header: string | null | undefined,
  size: number,
): { start: number; end: number } | 'invalid' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    // Suffix range: the last N bytes.
    const n = Number(m[2]);
    if (n === 0) return 'invalid';
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

/** Answer a GET/HEAD for a file the caller already allowed, honouring HTTP Range. */
export async function serveMediaFile(
  path: string,
  rangeHeader: string | null | undefined,
  head = false,
): Promise<MediaResponse> {
  let size: number;
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile()) return notFound();
    size = stat.size;
  } catch {
    return notFound();
  }
  const base = { 'content-type': mediaMimeType(path), 'accept-ranges': 'bytes', 'cache-control': 'no-store' };
  const range = parseRange(rangeHeader, size);
  if (range === 'invalid') {
    return { status: 416, headers: { ...base, 'content-range': `bytes */${size}` }, body: null };
  }
  if (range === null) {
    return {
      status: 200,
      headers: { ...base, 'content-length': String(size) },
      body: head ? null : createReadStream(path),
    };
  }
  const { start, end } = range;
  return {
    status: 206,
    headers: { ...base, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${size}` },
    body: head ? null : createReadStream(path, { start, end }),
  };
}

export function notFound(): MediaResponse {
  return { status: 404, headers: { 'content-type': 'text/plain' }, body: null };
}
