import { englishMessage, type HostMessage, mapStringParams } from '../../../shared/ipc/messages';
import type { ReplyProblem } from '../../../shared/translate/reply';

/**
 * Why one request did not give a usable answer, sorted by what the job does about it:
 * - rate-limited: wait (Retry-After when the server says), the whole job holds back;
 * - offline: the network or the server is unreachable: the job pauses and retries with backoff;
 * - server-error / stalled: retried with backoff a few times, then the batch is reported;
 * - invalid-reply: the reply failed validation: retried, then the batch is split;
 * - refused: the endpoint said no (bad key, unknown model, bad request): the job stops;
 * - cancelled: the user cancelled.
 */
export type FailureKind =
  | 'rate-limited'
  | 'offline'
  | 'server-error'
  | 'stalled'
  | 'invalid-reply'
  | 'refused'
  | 'cancelled';

/** `message` is the English of `hostMessage` (shared/ipc/messages.ts), which the UI words in its language. */
export class LlmFailure extends Error {
  readonly kind: FailureKind;
  readonly hostMessage: HostMessage;
  readonly status: number | null;
  /** From the server's Retry-After (rate-limited, sometimes 503). */
  readonly retryAfterMs: number | null;
  readonly problem: ReplyProblem | null;
  /** offline: no connection could be made at all (refused, no such host), as opposed to one lost midway. */
  readonly unreachable: boolean;
  constructor(
    kind: FailureKind,
    message: HostMessage,
    extra: {
      status?: number | null;
      retryAfterMs?: number | null;
      problem?: ReplyProblem | null;
      unreachable?: boolean;
    } = {},
  ) {
    super(englishMessage(message));
    this.name = 'LlmFailure';
    this.kind = kind;
    this.hostMessage = message;
    this.status = extra.status ?? null;
    this.retryAfterMs = extra.retryAfterMs ?? null;
    this.problem = extra.problem ?? null;
    this.unreachable = extra.unreachable ?? false;
  }
}

/** Text with every secret (and anything shaped like an API key) replaced: for messages that may echo a request. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[key]');
  // Servers echo keys partly masked (sk-proj-ab**…**cd): keep none of it.
  return out
    .replace(/\b(sk|pk|ak|key)-[A-Za-z0-9_*.-]{6,}/gi, '[key]')
    .replace(/Bearer\s+(?!\[key\])[A-Za-z0-9._~+/=-]+/gi, 'Bearer [key]');
}

/** A message with every secret scrubbed from its words (the server's, the URL's): see scrubSecrets. */
export function scrubMessage(message: HostMessage, secrets: readonly string[]): HostMessage {
  return mapStringParams(message, (text) => scrubSecrets(text, secrets));
}

/** Milliseconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date); null when absent or unreadable. */
export function retryAfterMs(
  headers: { get(name: string): string | null } | undefined,
  now = Date.now(),
): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '' && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.max(0, Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
