import { type HostMessage, hostWarning, msg } from '../ipc/messages';
import type { FormatIssue, ParsedDocument } from './format';

/**
 * Building the issues that parsers and serializers report: one warning or error (a host message with
 * its line, and path for JSON), a document that is only an error, the cap on how many are listed,
 * and the usual "segments left out" warnings.
 */

/** At most this many issues are listed; the rest are counted in one last warning. */
export const MAX_ISSUES = 50;

export function warning(line: number | null, message: HostMessage, path?: string): FormatIssue {
  return { severity: 'warning', ...hostWarning(line, message, path) };
}

export function error(line: number | null, message: HostMessage, path?: string): FormatIssue {
  return { severity: 'error', ...hostWarning(line, message, path) };
}

/** A parse result with no segments and one error. */
export function failed(message: HostMessage, line: number | null = null, path?: string): ParsedDocument {
  return { segments: [], issues: [error(line, message, path)] };
}

/** The warning that stands for `count` issues not listed. */
export function moreProblems(count: number): FormatIssue {
  return warning(null, msg('format-more-problems', { count }));
}

/** The first `max` issues, plus one warning counting the rest when there are more. */
export function capIssues(issues: FormatIssue[], { max = MAX_ISSUES }: { max?: number } = {}): FormatIssue[] {
  return issues.length <= max ? issues : [...issues.slice(0, max), moreProblems(issues.length - max)];
}

/** Segment numbers for a message: `#1, #2, #5`, at most ten, then `…`. */
export function segmentList(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 10).map((n) => `#${n}`);
  return numbers.length > 10 ? `${shown.join(', ')}…` : shown.join(', ');
}

/** A timed format leaves out untimed segments (1-based numbers). */
export function untimedLeftOut(numbers: readonly number[]): FormatIssue {
  return warning(null, msg('export-untimed-left-out', { count: numbers.length, segments: segmentList(numbers) }));
}

/** Segments whose text for the layout is empty are not written (1-based numbers). */
export function noTextLeftOut(numbers: readonly number[]): FormatIssue {
  return warning(null, msg('export-no-text-left-out', { count: numbers.length, segments: segmentList(numbers) }));
}
