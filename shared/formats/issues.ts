import type { FormatIssue, ParsedDocument } from './format';

/**
 * Building the issues that parsers and serializers report: one warning or error, a document that is
 * only an error, the cap on how many are listed, and the usual "segments left out" warnings.
 */

/** At most this many issues are listed; the rest are counted in one last warning. */
export const MAX_ISSUES = 50;

export function warning(line: number | null, message: string, path?: string): FormatIssue {
  return { severity: 'warning', line, ...(path !== undefined ? { path } : {}), message };
}

export function error(line: number | null, message: string, path?: string): FormatIssue {
  return { severity: 'error', line, ...(path !== undefined ? { path } : {}), message };
}

/** A parse result with no segments and one error. */
export function failed(message: string, line: number | null = null, path?: string): ParsedDocument {
  return { segments: [], issues: [error(line, message, path)] };
}

/** The warning that stands for `count` issues not listed: `N more problems not listed.` */
export function moreProblems(count: number, fullStop = true): FormatIssue {
  return warning(null, `${count} more problems not listed${fullStop ? '.' : ''}`);
}

/**
 * The first `max` issues, plus one warning counting the rest when there are more. `fullStop: false`
 * for formats whose messages are phrases without a full stop (SRT, WebVTT).
 */
export function capIssues(
  issues: FormatIssue[],
  { max = MAX_ISSUES, fullStop = true }: { max?: number; fullStop?: boolean } = {},
): FormatIssue[] {
  return issues.length <= max ? issues : [...issues.slice(0, max), moreProblems(issues.length - max, fullStop)];
}

/** Segment numbers for a message: `#1, #2, #5`, at most ten, then `…`. */
export function segmentList(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 10).map((n) => `#${n}`);
  return numbers.length > 10 ? `${shown.join(', ')}…` : shown.join(', ');
}

/** A timed format leaves out untimed segments (1-based numbers). */
export function untimedLeftOut(numbers: readonly number[]): FormatIssue {
  return warning(null, `${numbers.length} untimed segments left out: ${segmentList(numbers)}.`);
}

/** Segments whose text for the layout is empty are not written (1-based numbers). */
export function noTextLeftOut(numbers: readonly number[]): FormatIssue {
  return warning(
    null,
    `${numbers.length} segments have no text for this layout and were left out: ${segmentList(numbers)}.`,
  );
}
