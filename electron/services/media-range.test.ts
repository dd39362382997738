import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaMimeType, parseRange, serveMediaFile } from './media-range';

let dir: string;
let file: string;
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-range-'));
  file = join(dir, 'clip.mp4');
  await fs.writeFile(file, bytes);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function readAll(body: Readable | null): Promise<Buffer> {
  expect(body).not.toBeNull();
  const chunks: Buffer[] = [];
  for await (const chunk of body as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('parseRange', () => {
  it('serves the whole file without a Range header', () => {
    expect(parseRange(undefined, 100)).toBeNull();
    expect(parseRange(null, 100)).toBeNull();
    expect(parseRange('', 100)).toBeNull();
  });

  it('parses open, closed and suffix ranges', () => {
    expect(parseRange('bytes=0-', 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=10-19', 100)).toEqual({ start: 10, end: 19 });
    expect(parseRange('bytes=-5', 100)).toEqual({ start: 95, end: 99 });
    expect(parseRange(' bytes=50-50 ', 100)).toEqual({ start: 50, end: 50 });
  });

  it('clamps an end past the file and a suffix longer than the file', () => {
    expect(parseRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('refuses unsatisfiable and malformed ranges', () => {
    expect(parseRange('bytes=100-', 100)).toBe('invalid');
    expect(parseRange('bytes=200-300', 100)).toBe('invalid');
    expect(parseRange('bytes=20-10', 100)).toBe('invalid');
    expect(parseRange('bytes=-0', 100)).toBe('invalid');
    expect(parseRange('bytes=-', 100)).toBe('invalid');
    expect(parseRange('bytes=0-', 0)).toBe('invalid');
    expect(parseRange('items=0-10', 100)).toBe('invalid');
    expect(parseRange('bytes=abc', 100)).toBe('invalid');
    expect(parseRange('bytes=0-1,5-6', 100)).toBe('invalid');
  });
});

describe('serveMediaFile', () => {
  it('answers 200 with the whole file and its type', async () => {
    const r = await serveMediaFile(file, undefined);
    expect(r.status).toBe(200);
    expect(r.headers['content-length']).toBe('1000');
    expect(r.headers['content-type']).toBe('video/mp4');
    expect(r.headers['accept-ranges']).toBe('bytes');
    expect((await readAll(r.body)).equals(bytes)).toBe(true);
  });

  it('answers 206 with Content-Range and exactly the requested bytes', async () => {
    const r = await serveMediaFile(file, 'bytes=10-19');
    expect(r.status).toBe(206);
    expect(r.headers['content-range']).toBe('bytes 10-19/1000');
    expect(r.headers['content-length']).toBe('10');
    expect((await readAll(r.body)).equals(bytes.subarray(10, 20))).toBe(true);

    const tail = await serveMediaFile(file, 'bytes=-5');
    expect(tail.headers['content-range']).toBe('bytes 995-999/1000');
    expect((await readAll(tail.body)).equals(bytes.subarray(995))).toBe(true);

    const open = await serveMediaFile(file, 'bytes=900-');
    expect(open.headers['content-range']).toBe('bytes 900-999/1000');
    expect((await readAll(open.body)).equals(bytes.subarray(900))).toBe(true);
  });

  it('answers HEAD with headers and no body', async () => {
    const r = await serveMediaFile(file, 'bytes=0-9', true);
    expect(r.status).toBe(206);
    expect(r.headers['content-length']).toBe('10');
    expect(r.body).toBeNull();
  });

  it('answers 416 with the size for an unsatisfiable range', async () => {
    const r = await serveMediaFile(file, 'bytes=1000-');
    expect(r.status).toBe(416);
    expect(r.headers['content-range']).toBe('bytes */1000');
    expect(r.body).toBeNull();
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await serveMediaFile(join(dir, 'gone.mp4'), undefined)).status).toBe(404);
    expect((await serveMediaFile(dir, 'bytes=0-')).status).toBe(404);
  });

  it('names media types by extension, case-insensitively', () => {
    expect(mediaMimeType('/a/B.OPUS')).toBe('audio/ogg');
    expect(mediaMimeType('/a/b.mkv')).toBe('video/x-matroska');
    expect(mediaMimeType('/a/b.unknown')).toBe('application/octet-stream');
  });
});
