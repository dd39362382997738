import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenAI-protocol server for tests (unit and e2e): bound to 127.0.0.1 on a free port, it
 * answers chat completions deterministically — a fake "translation" made from the input, so tests
 * can predict it — and misbehaves on demand, one scripted behaviour per request.
 *
 * Translation requests (the user message holds {"items": [{id, text}], "glossary": [...]}) get
 * {"translations": {id: fakeEnglish(text)}}; proofreading requests (the system prompt starts with
 * "You proofread") get {"fixes": …} from a table of known ASR errors.
 */

export type Behaviour =
  | 'ok'
  /** An id that was not asked for in place of the first one. */
  | 'wrong-ids'
  /** The last id left out. */
  | 'missing-id'
  | 'invalid-json'
  /** The source text sent back untranslated (still Chinese). */
  | 'chinese'
  /** 429 with Retry-After: 1. */
  | '429'
  | '500'
  /** 401 whose body echoes the Authorization header (a key must not leak from it). */
  | '401'
  /** Headers and one chunk, then silence. */
  | 'stall'
  /** One chunk, then the connection is destroyed. */
  | 'drop'
  /** Waits until release() before answering normally. */
  | 'hold';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  readonly body: ChatBody | null;
}

interface ChatBody {
  model?: string;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  messages?: { role: string; content: string }[];
  response_format?: unknown;
}

export interface FakeLlmServer {
  /** Base URL to configure: http://127.0.0.1:<port>/v1 */
  readonly baseUrl: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Behaviours for the next chat requests, in order; after them every request is 'ok'. */
  script(...behaviours: Behaviour[]): void;
  /** Chat requests answered (any outcome) so far. */
  readonly answered: number;
  /** Requests waiting in 'hold'. */
  readonly holding: number;
  /** Resolves once `count` requests are waiting in 'hold' (a state to wait for, not a time). */
  whenHolding(count: number): Promise<void>;
  release(): void;
  close(): Promise<void>;
}

export const KNOWN_ASR_FIXES: Readonly<Record<string, string>> = {
  志愿大会: '智源大会',
  聚生: '具身',
  'skin low': 'scaling law',
};

const INITIALS = [
  'b',
  'p',
  'm',
  'f',
  'd',
  't',
  'n',
  'l',
  'g',
  'k',
  'h',
  'j',
  'q',
  'x',
  'zh',
  'ch',
  'sh',
  'r',
  'z',
  's',
  'y',
  'w',
];
const FINALS = [
  'a',
  'o',
  'e',
  'i',
  'u',
  'ai',
  'ei',
  'ao',
  'ou',
  'an',
  'en',
  'ang',
  'eng',
  'ong',
  'ia',
  'ie',
  'iu',
  'un',
];

function syllable(ch: string): string {
  const code = ch.codePointAt(0) as number;
  return `${INITIALS[code % INITIALS.length]}${FINALS[Math.floor(code / INITIALS.length) % FINALS.length]}`;
}

/**
 * The fake model's "English": glossary terms become their target, every two Han characters one
 * made-up Latin word, Chinese punctuation its ASCII form. Deterministic; no Han survives.
 */
export function fakeEnglish(text: string, glossary: readonly { source: string; target: string }[] = []): string {
  const terms = [...glossary].filter((t) => t.source).sort((a, b) => b.source.length - a.source.length);
  const words: string[] = [];
  let pending = '';
  const flush = () => {
    if (pending) words.push(pending);
    pending = '';
  };
  let i = 0;
  const chars = [...text];
  while (i < chars.length) {
    const rest = chars.slice(i).join('');
    const term = terms.find((t) => rest.startsWith(t.source));
    if (term) {
      flush();
      words.push(term.target);
      i += [...term.source].length;
      continue;
    }
    const ch = chars[i] as string;
    if (/[\u3400-\u9fff]/.test(ch)) {
      pending += syllable(ch);
      if (pending.length >= 5) flush();
    } else if (/[，、,；;：:]/.test(ch)) {
      flush();
      if (words.length > 0) words[words.length - 1] += ',';
    } else if (/[。！？.!?]/.test(ch)) {
      flush();
      if (words.length > 0) words[words.length - 1] += '.';
    } else if (/\s/.test(ch)) flush();
    else pending += ch;
    i++;
  }
  flush();
  const out = words.join(' ');
  return out ? out[0]?.toUpperCase() + out.slice(1) : 'Mm.';
}

function fakeFixes(text: string): string {
  let out = text;
  for (const [wrong, right] of Object.entries(KNOWN_ASR_FIXES)) out = out.split(wrong).join(right);
  return out;
}

interface Payload {
  items?: { id: string; text: string }[];
  glossary?: ({ source: string; target: string } | string)[];
}

function answerFor(body: ChatBody, behaviour: Behaviour): string {
  const system = body.messages?.find((m) => m.role === 'system')?.content ?? '';
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '{}';
  let payload: Payload = {};
  try {
    payload = JSON.parse(user) as Payload;
  } catch {
    // not one of ours: answer with an empty object
  }
  const items = payload.items ?? [];
  if (behaviour === 'invalid-json') return 'Sure! Here are the translations: {"translations": {"';
  if (system.startsWith('You proofread')) {
    const fixes: Record<string, string> = {};
    for (const item of items) {
      const fixed = fakeFixes(item.text);
      if (fixed !== item.text) fixes[item.id] = fixed;
    }
    return JSON.stringify({ fixes });
  }
  const glossary = (payload.glossary ?? []).filter(
    (g): g is { source: string; target: string } => typeof g !== 'string',
  );
  const translations: Record<string, string> = {};
  items.forEach((item, k) => {
    if (behaviour === 'missing-id' && k === items.length - 1) return;
    const id = behaviour === 'wrong-ids' && k === 0 ? `${item.id}-unknown` : item.id;
    translations[id] = behaviour === 'chinese' ? item.text : fakeEnglish(item.text, glossary);
  });
  return JSON.stringify({ translations });
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

function sendJson(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function chunkOf(id: string, model: string, delta: Record<string, string>, finish: string | null = null) {
  return {
    id,
    object: 'chat.completion.chunk',
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

export async function startFakeLlmServer(options: { key?: string } = {}): Promise<FakeLlmServer> {
  const queue: Behaviour[] = [];
  const requests: RecordedRequest[] = [];
  const held: (() => void)[] = [];
  const holdWaiters: { count: number; resolve: () => void }[] = [];
  const checkHolding = () => {
    for (const w of holdWaiters.splice(0)) {
      if (held.length >= w.count) w.resolve();
      else holdWaiters.push(w);
    }
  };
  let answered = 0;
  let counter = 0;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    let body: ChatBody | null = null;
    try {
      body = raw ? (JSON.parse(raw) as ChatBody) : null;
    } catch {
      body = null;
    }
    const path = (req.url ?? '/').split('?')[0] as string;
    const authorization = req.headers.authorization ?? null;
    requests.push({ method: req.method ?? 'GET', path, authorization, body });

    if (options.key !== undefined && authorization !== `Bearer ${options.key}`) {
      sendJson(res, 401, { error: { message: 'invalid api key', type: 'invalid_request_error' } });
      return;
    }
    if (req.method === 'GET' && path === '/v1/models') {
      sendJson(res, 200, {
        object: 'list',
        data: [{ id: 'fake-model', object: 'model', created: 0, owned_by: 'zimu' }],
      });
      return;
    }
    if (req.method !== 'POST' || path !== '/v1/chat/completions' || !body) {
      sendJson(res, 404, { error: { message: `no route ${req.method} ${path}` } });
      return;
    }
    let behaviour = queue.shift() ?? 'ok';
    if (behaviour === 'hold') {
      await new Promise<void>((resolve) => {
        held.push(resolve);
        checkHolding();
      });
      behaviour = 'ok';
    }
    answered++;
    const model = body.model ?? 'fake-model';
    if (behaviour === '429') {
      sendJson(res, 429, { error: { message: 'rate limit reached', type: 'rate_limit' } }, { 'retry-after': '1' });
      return;
    }
    if (behaviour === '500') {
      sendJson(res, 500, { error: { message: 'internal error', type: 'server_error' } });
      return;
    }
    if (behaviour === '401') {
      sendJson(res, 401, {
        error: { message: `invalid api key: ${authorization ?? ''}`, type: 'invalid_request_error' },
      });
      return;
    }
    const text = answerFor(body, behaviour);
    const id = `chatcmpl-${++counter}`;
    if (!body.stream) {
      sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created: 0,
        model,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        usage: {
          prompt_tokens: raw.length >> 2,
          completion_tokens: text.length >> 2,
          total_tokens: (raw.length + text.length) >> 2,
        },
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    send(chunkOf(id, model, { role: 'assistant', content: '' }));
    const pieces = text.match(/[\s\S]{1,12}/g) ?? [];
    if (behaviour === 'stall') {
      send(chunkOf(id, model, { content: pieces[0] ?? '' }));
      return; // never another byte; the client's stall timer must give up
    }
    if (behaviour === 'drop') {
      send(chunkOf(id, model, { content: pieces[0] ?? '' }));
      res.socket?.destroy();
      return;
    }
    for (const piece of pieces) send(chunkOf(id, model, { content: piece }));
    send(chunkOf(id, model, {}, 'stop'));
    if (body.stream_options?.include_usage) {
      send({
        id,
        object: 'chat.completion.chunk',
        created: 0,
        model,
        choices: [],
        usage: {
          prompt_tokens: raw.length >> 2,
          completion_tokens: text.length >> 2,
          total_tokens: (raw.length + text.length) >> 2,
        },
      });
    }
    res.write('data: [DONE]\n\n');
    res.end();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get answered() {
      return answered;
    },
    get holding() {
      return held.length;
    },
    script: (...behaviours) => queue.push(...behaviours),
    whenHolding: (count) =>
      new Promise<void>((resolve) => {
        holdWaiters.push({ count, resolve });
        checkHolding();
      }),
    release: () => {
      for (const resolve of held.splice(0)) resolve();
    },
    close: async () => {
      for (const resolve of held.splice(0)) resolve();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
