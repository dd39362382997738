import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoutes } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/errors';
import { locateFfmpeg } from '../services/ffmpeg';
import { createHandlers } from '../services/handlers';
import { createMediaRegistry } from '../services/media-registry';
import { createSettingsStore } from '../services/settings';
import { startWebHost, type WebHost } from './web-host';

let dir: string;
let rendererDir: string;
let host: WebHost;
let base: string;
const media = createMediaRegistry();
const bugs: string[] = [];
const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 251));
let clipId: string;
let tone: string;
const INDEX = '<!doctype html><title>Zimu</title><script src="/assets/app.js"></script>';

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-web-'));
  rendererDir = join(dir, 'renderer');
  await fs.mkdir(join(rendererDir, 'assets'), { recursive: true });
  await fs.writeFile(join(rendererDir, 'index.html'), INDEX);
  await fs.writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("zimu");');
  await fs.writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  await fs.mkdir(join(dir, 'renderer-secret'));
  await fs.writeFile(join(dir, 'renderer-secret', 'x.txt'), 'TOP SECRET');
  await fs.writeFile(join(dir, 'clip.mp4'), bytes);
  clipId = media.register(join(dir, 'clip.mp4'));
  tone = join(dir, 'tone.opus');
  await promisify(execFile)(locateFfmpeg().ffmpeg, [
    ...['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-c:a', 'libopus', tone],
  ]);

  host = await startWebHost({ rendererDir, port: 0, media, reportBug: (name) => bugs.push(name) });
  base = `http://127.0.0.1:${host.port}`;
  const handlers = createHandlers({
    host: 'web',
    version: '0.0.0-test',
    locale: 'en',
    startupFile: null,
    settings: createSettingsStore(join(dir, 'profile')),
    cacheDir: join(dir, 'profile', 'cache'),
    media,
    mediaUrl: (id) => `${webRoutes.media(id)}?${webRoutes.tokenParam}=${host.token}`,
    emit: host.emit,
    dialogs: null,
  });
  // One handler with a programmer bug, to see how the host reports it.
  host.setHandlers({
    ...handlers,
    'dialog.save': async () => {
      throw new TypeError('cannot read properties of undefined');
    },
  });
});

afterAll(async () => {
  await host?.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A request exactly as written: fetch would normalise the path and forbids setting Host. */
function raw(
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

async function call(name: string, args: unknown, token: string | null = host.token): Promise<Response> {
  return fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { [webRoutes.tokenHeader]: token } : {}) },
    body: typeof args === 'string' ? args : JSON.stringify(args),
  });
}

async function envelope(name: string, args: unknown): Promise<Envelope<unknown>> {
  const res = await call(name, args);
  expect(res.status).toBe(200);
  return (await res.json()) as Envelope<unknown>;
}

/** Read an event stream until `marker` has arrived. */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, marker: string): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${JSON.stringify(marker)}; got ${JSON.stringify(text)}`);
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('web host: static files', () => {
  it('serves index.html with a Content-Security-Policy, and assets', async () => {
    expect(host.url).toBe(`${base}/?token=${host.token}`);
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toBe(INDEX);
    const js = await fetch(`${base}/assets/app.js`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await js.text()).toContain('zimu');
  });

  it('answers 404 to path traversal, folders and missing files', async () => {
    for (const path of [
      '/../../etc/passwd',
      '/../secret.txt',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/%2e%2e/secret.txt',
      '/..%2f..%2fetc%2fpasswd',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%2frenderer-secret%2fx.txt',
      '/%2fetc%2fpasswd',
      '/assets',
      '/nope.js',
    ]) {
      const res = await raw(path, { host: `127.0.0.1:${host.port}` });
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body).not.toContain('SECRET');
      expect(res.body).not.toContain('root:');
    }
  });

  it('answers a malformed percent-encoding as a client error, not a bug', async () => {
    const before = bugs.length;
    for (const path of ['/%E0%A4%A', `/media/%zz?token=${host.token}`]) {
      const res = await raw(path, { host: `127.0.0.1:${host.port}` });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const api = await call('%zz', {});
    expect(((await api.json()) as Envelope<unknown>).ok).toBe(false);
    expect(bugs.length).toBe(before);
  });

  it('refuses requests naming another host (DNS rebinding) and accepts localhost', async () => {
    const evil = await raw('/', { host: `evil.example:${host.port}` });
    expect(evil.status).toBe(403);
    expect(evil.body).not.toContain('Zimu');
    expect((await raw(`/media/${clipId}?token=${host.token}`, { host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await raw('/', { host: `localhost:${host.port}` })).status).toBe(200);
  });
});

describe('web host: calls', () => {
  it('requires the token on calls', async () => {
    expect((await call('app.info', {}, null)).status).toBe(401);
    expect((await call('app.info', {}, 'x'.repeat(host.token.length))).status).toBe(401);
    expect((await fetch(`${base}/api/app.info?token=${host.token}`)).status).toBe(405);
    expect(await envelope('app.info', {})).toMatchObject({
      ok: true,
      value: { name: 'Zimu', version: '0.0.0-test', host: 'web' },
    });
  });

  it('turns every outcome into an envelope', async () => {
    expect(await envelope('fs.deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    const bad = await envelope('project.open', { path: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    if (!bad.ok) expect(bad.error.message).toContain('path');

    const missing = join(dir, 'missing.srt');
    expect(await envelope('project.open', { path: missing })).toEqual({
      ok: false,
      error: {
        code: 'not-found',
        message: 'cannot read: no such file',
        detail: { file: missing },
        hostMessage: { code: 'fs-no-such-file', params: { action: { code: 'fs-action-read', params: {} } } },
      },
    });

    const before = bugs.length;
    const bug = await envelope('dialog.save', { filter: 'document', defaultPath: '/a.zimu' });
    expect(bug).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(bugs.slice(before)).toEqual(['dialog.save']);

    const notJson = await call('app.info', '{not json');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('web host: media', () => {
  it('serves a registered id with HTTP Range', async () => {
    const url = `${base}/media/${clipId}?token=${host.token}`;
    const part = await fetch(url, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(0, 100))).toBe(true);

    const tail = await fetch(url, { headers: { range: 'bytes=4000-' } });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(4000))).toBe(true);
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await fetch(url, { headers: { range: 'bytes=5000-' } })).status).toBe(416);
  });

  it('refuses unregistered ids, paths and requests without the token', async () => {
    expect((await fetch(`${base}/media/${'0'.repeat(24)}?token=${host.token}`)).status).toBe(404);
    expect((await raw(`/media/%2Fetc%2Fpasswd?token=${host.token}`, { host: `127.0.0.1:${host.port}` })).status).toBe(
      404,
    );
    expect((await fetch(`${base}/media/${clipId}`)).status).toBe(401);
    expect((await fetch(`${base}/media/${clipId}?token=wrong`)).status).toBe(401);
    expect((await fetch(`${base}/media/${clipId}?token=${host.token}`, { method: 'POST' })).status).toBe(405);
  });

  it('media.open hands out a URL this host serves', async () => {
    const opened = await envelope('media.open', { path: tone });
    expect(opened.ok).toBe(true);
    const { url } = (opened as { value: { url: string } }).value;
    const res = await fetch(new URL(url, base), { headers: { range: 'bytes=0-3' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-type')).toBe('audio/ogg');
    expect(Buffer.from(await res.arrayBuffer()).toString('latin1')).toBe('OggS');
  });
});

describe('web host: events', () => {
  it('streams events to pages holding the token', async () => {
    expect((await fetch(`${base}/events`)).status).toBe(401);
    const res = await fetch(`${base}/events?token=${host.token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await readUntil(reader, ': connected');
    const payload = { jobId: 'j1', kind: 'peaks' as const, mediaId: 'm1', done: 500, total: 3000 };
    host.emit('job.progress', payload);
    const text = await readUntil(reader, '\n\n');
    const frame = /event: (.+)\ndata: (.+)\n\n/.exec(text);
    expect(frame?.[1]).toBe('job.progress');
    expect(JSON.parse(frame?.[2] ?? 'null')).toEqual(payload);
    await reader.cancel();
  });

  it('close() resolves while an event stream is open, and the stream ends', async () => {
    const other = await startWebHost({ rendererDir, port: 0, media, reportBug: (name) => bugs.push(name) });
    const res = await fetch(`http://127.0.0.1:${other.port}/events?token=${other.token}`);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await readUntil(reader, ': connected');
    await other.close();
    const rest = await reader.read().catch(() => ({ done: true }));
    expect(rest.done).toBe(true);
    await expect(fetch(`http://127.0.0.1:${other.port}/`)).rejects.toThrow();
  });
});
