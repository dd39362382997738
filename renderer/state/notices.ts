import type { TFunction } from 'i18next';
import { describeError, ZimuError } from '../../shared/ipc/errors';
import type { en } from '../i18n/en';
import { errorText } from '../i18n/host-text';
import { createStore, useStore } from './store';

/** What failed, as a key of the `errors` messages; the detail is the host's own words. */
export type ErrorKey = Exclude<keyof typeof en.errors, 'dismiss' | 'title'>;

/** A way out the banner offers: read a file whose encoding could not be told with one chosen by hand. */
export interface ErrorAction {
  readonly kind: 'open-with-encoding';
  readonly path: string;
}

export interface ErrorNotice {
  readonly id: number;
  readonly key: ErrorKey;
  /** `file:line: message` for ZimuErrors (in English), else the error's message. */
  readonly detail: string;
  /** The error itself: the banner words its message in the current language (renderer/i18n/host-text.ts). */
  readonly error: unknown;
  readonly action?: ErrorAction;
}

/** 'warning': something worth reading happened (a file with problems); it stays up longer. */
export type InfoTone = 'info' | 'warning';

export interface InfoNotice {
  readonly id: number;
  /** The message in the current language (so it follows a language switch while shown). */
  readonly message: (t: TFunction) => string;
  readonly tone: InfoTone;
}

export interface NoticesState {
  readonly errors: readonly ErrorNotice[];
  readonly info: InfoNotice | null;
}

/** At most this many error banners; older ones give way. */
const MAX_ERRORS = 4;

/** How an error reads: `file:line: message`, the message in the UI language where it has a code. */
export function errorDetail(error: unknown): string {
  return errorText(error);
}

/** The English `file:line: message` (kept with the notice, e.g. for a bug report). */
function englishDetail(error: unknown): string {
  if (error instanceof ZimuError) return describeError(error);
  if (error instanceof Error) return error.message;
  return String(error);
}

export function createNotices() {
  const store = createStore<NoticesState>({ errors: [], info: null });
  let nextId = 1;
  return {
    store,
    error(key: ErrorKey, error: unknown, action?: ErrorAction): void {
      const s = store.get();
      const base = { id: nextId++, key, detail: englishDetail(error), error };
      const notice: ErrorNotice = action ? { ...base, action } : base;
      store.set({ ...s, errors: [...s.errors, notice].slice(-MAX_ERRORS) });
    },
    dismiss(id: number): void {
      const s = store.get();
      store.set({ ...s, errors: s.errors.filter((e) => e.id !== id) });
    },
    info(message: (t: TFunction) => string, tone: InfoTone = 'info'): void {
      store.set({ ...store.get(), info: { id: nextId++, message, tone } });
    },
    clearInfo(id: number): void {
      const s = store.get();
      if (s.info?.id === id) store.set({ ...s, info: null });
    },
  };
}

export type Notices = ReturnType<typeof createNotices>;

export const notices = createNotices();

export function useNotices<T>(selector: (state: NoticesState) => T): T {
  return useStore(notices.store, selector);
}
