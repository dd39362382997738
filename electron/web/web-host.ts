import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { webRoutes } from '../../shared/ipc/bridge';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { type BugReporter, dispatch, type Handlers } from '../../shared/ipc/dispatch';
import { wireError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import { notFound, serveMediaFile } from '../services/media-range';
import type { MediaRegistry } from '../services/media-registry';

export interface WebHostOptions {
  /** Built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  media: MediaRegistry;
  reportBug: BugReporter;
}

export interface WebHost {
  /** Address to open, token included. */
  url: string;
  port: number;
  token: string;
  /** Push an event to every connected page. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Serve calls with these handlers (set once the services exist; they need the host's URL). */
  setHandlers(handlers: Handlers): void;
  close(): Promise<void>;
}

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "media-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const MAX_BODY_BYTES = 256 * 1024 * 1024;

/**
 * The browser host: serves the built renderer and answers the contract on 127.0.0.1 only. Every
 * call, event stream and media request must carry the per-start token; the Host header is checked
 * so a web page elsewhere cannot reach it through DNS rebinding.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  let handlers: Handlers | null = null;
  let port = 0;
  const rendererDir = resolve(options.rendererDir);

  const tokenOk = (given: string | null | undefined) => {
    if (!given) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  };

  const hostOk = (req: IncomingMessage) => {
    const host = req.headers.host ?? '';
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!hostOk(req)) return send(res, 403, 'forbidden host');

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'POST only');
      if (!tokenOk(req.headers[webRoutes.tokenHeader] as string | undefined)) return send(res, 401, 'bad token');
      const name = decodePathPart(url.pathname.slice('/api/'.length));
      let args: unknown;
      try {
        args = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return sendJson(res, 400, { ok: false, error: wireError('invalid-argument', msg('ipc-not-json')) });
      }
      if (!handlers) return sendJson(res, 503, { ok: false, error: wireError('internal', msg('ipc-starting')) });
      return sendJson(res, 200, await dispatch(handlers, name, args, options.reportBug));
    }

    if (url.pathname === webRoutes.events) {
      if (!tokenOk(url.searchParams.get(webRoutes.tokenParam))) return send(res, 401, 'bad token');
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }

    if (url.pathname.startsWith('/media/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');
      if (!tokenOk(url.searchParams.get(webRoutes.tokenParam))) return send(res, 401, 'bad token');
      const id = decodePathPart(url.pathname.slice('/media/'.length));
      const path = id === null ? undefined : options.media.pathOf(id);
      const answer = path ? await serveMediaFile(path, req.headers.range, req.method === 'HEAD') : notFound();
      res.writeHead(answer.status, answer.headers);
      if (answer.body) {
        answer.body.pipe(res);
        res.on('close', () => answer.body?.destroy());
      } else res.end();
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');
    return serveStatic(url.pathname, res);
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const rel = pathname === '/' ? 'index.html' : decodePathPart(pathname)?.replace(/^\/+/, '');
    if (rel === undefined) return send(res, 404, 'not found');
    const file = resolve(rendererDir, rel);
    if (!file.startsWith(rendererDir + sep)) return send(res, 404, 'not found');
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return send(res, 404, 'not found');
    } catch {
      return send(res, 404, 'not found');
    }
    const headers: Record<string, string> = {
      'content-type': STATIC_TYPES[extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    };
    if (file.endsWith('.html')) headers['content-security-policy'] = CSP;
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      options.reportBug(`${req.method} ${req.url}`, err);
      if (!res.headersSent) send(res, 500, 'internal error');
      else res.destroy();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const s of streams) s.write(': ping\n\n');
  }, 25_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/?${webRoutes.tokenParam}=${token}`,
    port,
    token,
    emit(event, payload) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const s of streams) s.write(frame);
    },
    setHandlers(h) {
      handlers = h;
    },
    async close() {
      clearInterval(heartbeat);
      for (const s of streams) s.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/** A URL path part, percent-decoded; null when the encoding is malformed (a client error, not a bug). */
function decodePathPart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}
