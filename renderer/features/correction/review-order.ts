import type { ReimportChange } from './state';

/**
 * The order the review dialog lists changes in: those that need review first, least sure first;
 * then the rest in document order.
 */
export function reviewOrder(changes: readonly ReimportChange[]): ReimportChange[] {
  return [...changes].sort((a, b) => {
    if (a.needsReview !== b.needsReview) return a.needsReview ? -1 : 1;
    if (a.needsReview && a.confidence !== b.confidence) return a.confidence - b.confidence;
    return a.index - b.index;
  });
}

/** Changes preselected for applying: all of them (the user unticks what they reject). */
export function initialSelection(changes: readonly ReimportChange[]): Set<string> {
  return new Set(changes.map((c) => c.id));
}
