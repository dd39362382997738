import { parseTimestamp } from '../../../shared/time/timestamp';

/** Which bound of a segment a time field edits. */
export type Bound = 'start' | 'end';

/** Display time given to an untimed segment when one of its bounds is typed. */
export const UNTIMED_DEFAULT_MS = 2000;

export type TimingResult =
  | { readonly ok: true; readonly start: number; readonly end: number }
  | { readonly ok: false; readonly error: 'format' | 'order' };

/** The segment's new times when `bound` becomes `ms`; an untimed segment gets a default length. */
export function withBound(start: number | null, end: number | null, bound: Bound, ms: number): TimingResult {
  if (!Number.isInteger(ms) || ms < 0) return { ok: false, error: 'format' };
  let next: { start: number; end: number };
  if (start === null || end === null) {
    next =
      bound === 'start'
        ? { start: ms, end: ms + UNTIMED_DEFAULT_MS }
        : { start: Math.max(0, ms - UNTIMED_DEFAULT_MS), end: ms };
  } else {
    next = bound === 'start' ? { start: ms, end } : { start, end: ms };
  }
  return next.start <= next.end ? { ok: true, ...next } : { ok: false, error: 'order' };
}

/** The times after typing `text` (h:mm:ss.mmm, mm:ss.mmm or mm:ss) into the `bound` field. */
export function typedTiming(start: number | null, end: number | null, bound: Bound, text: string): TimingResult {
  const ms = parseTimestamp(text);
  return ms === null ? { ok: false, error: 'format' } : withBound(start, end, bound, ms);
}

/** Alt+↑/↓ moves a bound by 100 ms, Alt+Shift+↑/↓ by 10 ms; other keys are no nudge (null). */
export function nudgeStep(key: string, altKey: boolean, shiftKey: boolean): number | null {
  if (!altKey || (key !== 'ArrowUp' && key !== 'ArrowDown')) return null;
  const step = shiftKey ? 10 : 100;
  return key === 'ArrowUp' ? step : -step;
}

/** The times after nudging `bound` by `delta` ms; an untimed segment or a bound below zero is refused. */
export function nudgedTiming(start: number | null, end: number | null, bound: Bound, delta: number): TimingResult {
  if (start === null || end === null) return { ok: false, error: 'format' };
  const value = (bound === 'start' ? start : end) + delta;
  return value < 0 ? { ok: false, error: 'order' } : withBound(start, end, bound, value);
}
