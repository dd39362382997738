import { msg } from '../ipc/messages';
import type { ParsedDocument, ParseOptions } from './format';
import { failed } from './issues';

/**
 * Formats never throw on bad input. These wrap a parser or a sniffer so that a bug that does throw
 * becomes one error (parse) or a score of 0 (sniff) instead of an exception.
 */

/** `format` names the format in the error: `could not read the file as ${format}: …`. */
export function safeParse(
  format: string,
  parse: (text: string, options: ParseOptions) => ParsedDocument,
): (text: string, options?: ParseOptions) => ParsedDocument {
  return (text, options = {}) => {
    try {
      return parse(text, options);
    } catch (e) {
      return failed(msg('format-read-failed', { format, reason: e instanceof Error ? e.message : String(e) }));
    }
  };
}

export function safeSniff(sniff: (text: string) => number): (text: string) => number {
  return (text) => {
    try {
      return sniff(text);
    } catch {
      return 0;
    }
  };
}
