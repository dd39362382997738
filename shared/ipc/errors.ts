import { englishMessage, type HostMessage, type HostMessageData, msg } from './messages';

/** What went wrong, in terms a handler's caller can act on. Programmer bugs are 'internal'. */
export type ErrorCode =
  | 'invalid-argument'
  | 'unknown-call'
  | 'not-found'
  | 'unreadable'
  | 'parse-error'
  | 'io-error'
  | 'unsupported'
  | 'cancelled'
  | 'internal';

export interface ErrorDetail {
  /** The file the problem is in, when there is one. */
  file?: string;
  /** 1-based line in that file. */
  line?: number;
  [key: string]: unknown;
}

export interface WireError {
  /** What kind of failure: what the caller can do about it. */
  code: ErrorCode;
  /** The English text (command line, logs, and the UI for a message code it does not know). */
  message: string;
  detail?: ErrorDetail;
  /** What to tell the user, by message code (shared/ipc/messages.ts), for the UI to word in its language. */
  hostMessage?: HostMessageData;
}

/** Every call's answer on the wire: Electron passes only a thrown error's message, so errors travel as data. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

/**
 * A failure meant for the user (bad file, missing path). Anything else thrown is a bug. `code` says
 * what kind of failure it is; `hostMessage` what to tell the user (its English is `message`).
 */
export class ZimuError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail | undefined;
  readonly hostMessage: HostMessageData;
  constructor(code: ErrorCode, message: HostMessage, detail?: ErrorDetail) {
    super(englishMessage(message));
    this.name = 'ZimuError';
    this.code = code;
    this.detail = detail;
    this.hostMessage = message;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message, hostMessage: this.hostMessage };
    return this.detail ? { ...wire, detail: this.detail } : wire;
  }

  /** An error from the wire; one without a message code (another host version) keeps its English as is. */
  static fromWire(error: WireError): ZimuError {
    const err = new ZimuError(error.code, msg('host-text', { text: error.message }), error.detail);
    if (error.hostMessage) Object.assign(err, { hostMessage: error.hostMessage, message: error.message });
    return err;
  }
}

/** An error as it travels, for places that answer without throwing (dispatch, transports). */
export function wireError(code: ErrorCode, message: HostMessage): WireError {
  return new ZimuError(code, message).toWire();
}

/** What an error says, as a message: its own, with the file (and line) in front when it names one. */
export function errorMessage(error: unknown): HostMessage {
  if (!(error instanceof ZimuError))
    return msg('host-text', { text: error instanceof Error ? error.message : String(error) });
  const file = error.detail?.file;
  if (!file) return error.hostMessage as HostMessage;
  const where = error.detail?.line ? `${file}:${error.detail.line}` : file;
  return msg('in-file', { file: where, problem: error.hostMessage });
}

/** `file:line: message`, the form people and editors recognise. */
export function describeError(error: { message: string; detail?: ErrorDetail | undefined }): string {
  const where = error.detail?.file ? `${error.detail.file}${error.detail.line ? `:${error.detail.line}` : ''}: ` : '';
  return `${where}${error.message}`;
}
