import type { Segment } from '../model/types';

/** Known times of a segment's speech, ms. */
export interface ReferenceTiming {
  readonly start: number;
  readonly end: number;
}

export interface BoundaryErrors {
  /** |automatic − reference| of every start and end, ms. */
  readonly errors: readonly number[];
  readonly median: number;
  readonly p90: number;
  readonly max: number;
}

function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

/** How far automatic times are from known ones, boundary by boundary (an untimed segment is an error). */
export function boundaryErrors(segments: readonly Segment[], reference: readonly ReferenceTiming[]): BoundaryErrors {
  if (segments.length !== reference.length) {
    throw new RangeError(`${segments.length} segments but ${reference.length} reference timings`);
  }
  const errors: number[] = [];
  segments.forEach((s, k) => {
    const r = reference[k] as ReferenceTiming;
    errors.push(s.start === null ? Number.POSITIVE_INFINITY : Math.abs(s.start - r.start));
    errors.push(s.end === null ? Number.POSITIVE_INFINITY : Math.abs(s.end - r.end));
  });
  const sorted = [...errors].sort((a, b) => a - b);
  return { errors, median: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), max: sorted.at(-1) ?? Number.NaN };
}
