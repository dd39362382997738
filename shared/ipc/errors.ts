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
  code: ErrorCode;
  message: string;
  detail?: ErrorDetail;
}

/** Every call's answer on the wire: Electron passes only a thrown error's message, so errors travel as data. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** A failure meant for the user (bad file, missing path). Anything else thrown is a bug. */
export class ZimuError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail | undefined;
  constructor(code: ErrorCode, message: string, detail?: ErrorDetail) {
    super(message);
    this.name = 'ZimuError';
    this.code = code;
    this.detail = detail;
  }

  toWire(): WireError {
    return this.detail
      ? { code: this.code, message: this.message, detail: this.detail }
      : { code: this.code, message: this.message };
  }

  static fromWire(error: WireError): ZimuError {
    return new ZimuError(error.code, error.message, error.detail);
  }
}

/** `file:line: message`, the form people and editors recognise. */
export function describeError(error: { message: string; detail?: ErrorDetail | undefined }): string {
  const where = error.detail?.file ? `${error.detail.file}${error.detail.line ? `:${error.detail.line}` : ''}: ` : '';
  return `${where}${error.message}`;
}
