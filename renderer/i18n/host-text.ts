import i18next from 'i18next';
import { type ErrorDetail, ZimuError } from '../../shared/ipc/errors';
import { englishMessage, type HostMessageData, isMessageCode, wordedParams } from '../../shared/ipc/messages';

/** What host texts need of an i18next instance: whether a key exists, and its text. */
export interface HostI18n {
  exists(key: string, options?: Record<string, unknown>): boolean;
  t(key: string, options?: Record<string, unknown>): string;
}

/** The app's i18next, in its current language. */
const appI18n: HostI18n = {
  exists: (key, options) => i18next.exists(key, options),
  t: (key, options) => i18next.t(key as never, options as never) as unknown as string,
};

/**
 * A host message (an error's, a warning's, a parser issue's) in the UI language: its code worded
 * from the `hostMessages` resources, nested messages first. A code the UI does not know (or a
 * message without one) shows the host's English `message`.
 */
export function hostText(
  message: Partial<HostMessageData> & { readonly message?: string },
  i18n: HostI18n = appI18n,
): string {
  const { code, params = {} } = message;
  const english = () => message.message ?? (code ? englishMessage({ code, params }) : '');
  if (!code || !isMessageCode(code)) return english();
  const values = wordedParams(params, (nested) => hostText(nested, i18n));
  const key = `hostMessages.${code}`;
  return i18n.exists(key, values) ? i18n.t(key, values) : english();
}

/** A warning or issue: its message, after its JSON path when it has one (`body[3].from: …`). */
export function warningText(
  warning: HostMessageData & { readonly path?: string; readonly message: string },
  i18n: HostI18n = appI18n,
): string {
  // Without a known code the English (which already carries the path) is shown.
  if (!isMessageCode(warning.code)) return warning.message;
  const text = hostText({ code: warning.code, params: warning.params, message: warning.message }, i18n);
  return warning.path && text !== warning.message ? `${warning.path}: ${text}` : text;
}

/** `file:line: message` for a host error in the UI language; other errors by their own message. */
export function errorText(error: unknown, i18n: HostI18n = appI18n): string {
  if (error instanceof ZimuError)
    return `${where(error.detail)}${hostText({ ...error.hostMessage, message: error.message }, i18n)}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

function where(detail: ErrorDetail | undefined): string {
  if (!detail?.file) return '';
  return `${detail.file}${detail.line ? `:${detail.line}` : ''}: `;
}
