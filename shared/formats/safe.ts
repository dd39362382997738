import type { ParsedDocument, ParseOptions } from './format';
import { failed } from './issues';

/**
 * Formats never throw on bad input. These wrap a parser or a sniffer so that a bug that does throw
 * becomes one error (parse) or a score of 0 (sniff) instead of an exception.
 */

/** `what` names the input in the error: `Could not read the ${what}: …`. */
export function safeParse(
  what: string,
  parse: (text: string, options: ParseOptions) => ParsedDocument,
): (text: string, options?: ParseOptions) => ParsedDocument {
  return (text, options = {}) => {
    try {
      return parse(text, options);
    } catch (e) {
      return failed(`Could not read the ${what}: ${e}`);
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
