import { lookup } from 'node:dns/promises';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { type HostMessage, msg } from '../../../shared/ipc/messages';
import { isLoopbackHost } from '../../../shared/translate/destination';
import type { ChatMessage } from '../../../shared/translate/prompt';
import type { ResolvedEndpoint } from '../../../shared/translate/settings';
import { LlmFailure, retryAfterMs, scrubMessage, scrubSecrets } from './failure';

/**
 * One chat-completions endpoint through the official `openai` client: streamed replies, a timer
 * that gives up on a stream that stops sending, errors sorted into LlmFailure kinds with any key
 * scrubbed from their messages, and a fetch that sends nothing but to the configured host (and,
 * with "local only", only to loopback addresses, redirects refused).
 */

export interface TokenUsage {
  readonly prompt: number;
  readonly completion: number;
}

export interface ChatReply {
  readonly text: string;
  readonly usage: TokenUsage;
  /** True when the server reported no usage and the counts are estimated from the text. */
  readonly estimated: boolean;
}

export interface ChatClient {
  readonly endpoint: ResolvedEndpoint;
  complete(
    messages: readonly ChatMessage[],
    signal: AbortSignal,
    onChunk?: (chars: number) => void,
  ): Promise<ChatReply>;
  listModels(signal: AbortSignal): Promise<string[]>;
}

export interface ChatClientOptions {
  readonly endpoint: ResolvedEndpoint;
  readonly apiKey: string | null;
  readonly localOnly: boolean;
  /** Longest wait for the first streamed chunk (a local model may load first). */
  readonly firstChunkMs?: number;
  /** Longest silence between two chunks before the stream counts as stalled. */
  readonly stallMs?: number;
  /** Resolves a host to its addresses (tests); default: the system resolver. */
  readonly resolve?: (host: string) => Promise<string[]>;
}

export const DEFAULT_FIRST_CHUNK_MS = 120_000;
export const DEFAULT_STALL_MS = 30_000;

/** Tokens as most tokenizers count them: about one per Han character, one per four other characters. */
export function estimateTokens(text: string): number {
  let han = 0;
  for (const ch of text) if (/[\u3400-\u9fff\uf900-\ufaff]/.test(ch)) han++;
  return han + Math.ceil((text.length - han) / 4);
}

const systemResolve = async (host: string) => (await lookup(host, { all: true })).map((a) => a.address);

function requestUrl(input: string | URL | Request): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/** The guard every request passes: right host, and with "local only" a loopback address. */
function guardedFetch(options: ChatClientOptions): typeof fetch {
  const { destination } = options.endpoint;
  const resolve = options.resolve ?? systemResolve;
  return async (input, init) => {
    const url = new URL(requestUrl(input));
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (url.origin !== new URL(destination.origin).origin) {
      throw new LlmFailure('refused', msg('llm-wrong-origin', { url: url.origin, endpoint: destination.origin }));
    }
    if (options.localOnly) {
      const addresses = isLoopbackHost(host) && /^[\d.:]+$/.test(host) ? [host] : await resolve(host);
      const outside = addresses.filter((a) => !isLoopbackHost(a));
      if (addresses.length === 0 || outside.length > 0) {
        const where =
          outside.length > 0
            ? msg('llm-local-only-resolves', { host, addresses: outside.join(', ') })
            : msg('llm-local-only-unresolved', { host });
        throw new LlmFailure('refused', where);
      }
    }
    return fetch(input, { ...init, redirect: 'error' });
  };
}

function describeCause(err: unknown): string {
  let cause: unknown = err;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code) return code;
    cause = cause.cause;
  }
  return err instanceof Error ? err.message : String(err);
}

/** Causes that mean the server was not reached at all (rather than lost midway). */
export const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

const CONTEXT_TOO_LONG = /context|too long|maximum|max_tokens|token limit/i;

/** Any error of a request as an LlmFailure, its message free of the key. */
export function classifyError(err: unknown, origin: string, secrets: readonly string[]): LlmFailure {
  if (err instanceof LlmFailure) return new LlmFailure(err.kind, scrubMessage(err.hostMessage, secrets), err);
  const clean = (message: HostMessage) => scrubMessage(message, secrets);
  if (err instanceof APIUserAbortError) return new LlmFailure('cancelled', msg('llm-cancelled'));
  if (err instanceof APIConnectionTimeoutError) return new LlmFailure('stalled', msg('llm-no-answer', { origin }));
  if (err instanceof APIConnectionError) {
    const inner = err.cause instanceof LlmFailure ? err.cause : null;
    if (inner) return new LlmFailure(inner.kind, clean(inner.hostMessage));
    const cause = describeCause(err.cause ?? err);
    const unreachable = UNREACHABLE.has(cause);
    const message = msg(unreachable ? 'llm-unreachable' : 'llm-connection-lost', { origin, cause });
    return new LlmFailure('offline', clean(message), { unreachable });
  }
  if (err instanceof APIError) {
    const status = err.status ?? 0;
    const said = err.message.replace(/^\d{3}\s*/, '');
    // The server's own words (scrubbed of any key), or that it gave none.
    const detail = said ? scrubSecrets(said, secrets) : msg('llm-no-details');
    const headers = err.headers as { get(name: string): string | null } | undefined;
    if (status === 429) {
      return new LlmFailure('rate-limited', msg('llm-rate-limited', { origin, detail }), {
        status,
        retryAfterMs: retryAfterMs(headers),
      });
    }
    if (status >= 500 || status === 408 || status === 409 || status === 425) {
      return new LlmFailure('server-error', msg('llm-server-failed', { origin, status, detail }), {
        status,
        retryAfterMs: retryAfterMs(headers),
      });
    }
    if (status === 401 || status === 403) {
      return new LlmFailure('refused', msg('llm-key-refused', { origin, status, detail }), { status });
    }
    if (status === 404) {
      return new LlmFailure('refused', msg('llm-no-such-model', { origin, detail }), { status });
    }
    if ((status === 400 || status === 413 || status === 422) && CONTEXT_TOO_LONG.test(said)) {
      return new LlmFailure('invalid-reply', msg('llm-too-long', { origin, status, detail }), { status });
    }
    if (status === 0) return new LlmFailure('server-error', msg('llm-server-said', { origin, detail }));
    return new LlmFailure('refused', msg('llm-request-refused', { origin, status, detail }), { status });
  }
  if (err instanceof SyntaxError)
    return new LlmFailure('invalid-reply', clean(msg('llm-malformed-stream', { origin, reason: err.message })));
  // A stream cut off midway (socket closed) surfaces as a plain TypeError from fetch.
  return new LlmFailure('offline', clean(msg('llm-connection-lost', { origin, cause: describeCause(err) })));
}

export function createChatClient(options: ChatClientOptions): ChatClient {
  const { endpoint } = options;
  const origin = endpoint.destination.origin;
  const secrets = options.apiKey ? [options.apiKey] : [];
  const client = new OpenAI({
    // Servers without keys still get a header; never the OPENAI_API_KEY of the environment.
    apiKey: options.apiKey ?? 'no-key',
    baseURL: endpoint.destination.baseUrl,
    maxRetries: 0, // the job retries, honouring Retry-After and pausing the whole job
    timeout: options.firstChunkMs ?? DEFAULT_FIRST_CHUNK_MS,
    fetch: guardedFetch(options),
    logLevel: 'off',
  });
  const firstChunkMs = options.firstChunkMs ?? DEFAULT_FIRST_CHUNK_MS;
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;

  async function complete(
    messages: readonly ChatMessage[],
    signal: AbortSignal,
    onChunk?: (chars: number) => void,
  ): Promise<ChatReply> {
    if (signal.aborted) throw new LlmFailure('cancelled', msg('llm-cancelled'));
    const inner = new AbortController();
    let stalled = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stalled = true;
        inner.abort();
      }, ms);
    };
    const onAbort = () => inner.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    arm(firstChunkMs);
    let text = '';
    let usage: TokenUsage | null = null;
    try {
      const stream = await client.chat.completions.create(
        {
          model: endpoint.model,
          messages: messages.map((m) => ({ role: m.role, content: m.content })),
          temperature: endpoint.temperature,
          stream: true,
          stream_options: { include_usage: true },
          ...(endpoint.jsonMode === 'json_object' ? { response_format: { type: 'json_object' as const } } : {}),
        },
        { signal: inner.signal },
      );
      arm(stallMs);
      for await (const chunk of stream) {
        arm(stallMs);
        const delta = chunk.choices[0]?.delta?.content ?? '';
        if (delta) {
          text += delta;
          onChunk?.(delta.length);
        }
        if (chunk.usage) usage = { prompt: chunk.usage.prompt_tokens, completion: chunk.usage.completion_tokens };
      }
      // An aborted stream ends its iteration quietly: say why it ended.
      if (signal.aborted || stalled) throw new LlmFailure('cancelled', msg('llm-cancelled'));
    } catch (err) {
      if (signal.aborted) throw new LlmFailure('cancelled', msg('llm-cancelled'));
      if (stalled) {
        const silence = Math.round((text ? stallMs : firstChunkMs) / 100) / 10;
        throw new LlmFailure('stalled', msg('llm-stalled', { origin, seconds: silence }));
      }
      throw classifyError(err, origin, secrets);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
    if (usage) return { text, usage, estimated: false };
    const prompt = messages.reduce((n, m) => n + estimateTokens(m.content) + 4, 0);
    return { text, usage: { prompt, completion: estimateTokens(text) }, estimated: true };
  }

  async function listModels(signal: AbortSignal): Promise<string[]> {
    try {
      const page = await client.models.list({ signal, timeout: stallMs });
      return page.data.map((m) => m.id);
    } catch (err) {
      throw classifyError(err, origin, secrets);
    }
  }

  return { endpoint, complete, listModels };
}
