import type { Project, Segment } from '../model/types';
import {
  DEFAULT_SENTENCE_OPTIONS,
  groupSentences,
  joinPhrases,
  type Sentence,
  type SentenceOptions,
  textLength,
} from './sentences';

/** Which segments a job works on. */
export type TranslateScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'untranslated' }
  | { readonly kind: 'selection'; readonly ids: readonly string[] };

/** Text around a unit that the model reads but does not translate. */
export interface ContextText {
  readonly source: string;
  /** Its existing translation, '' when there is none. */
  readonly translation: string;
}

/** What one entry of a request translates: a sentence, or the part of one that is in scope. */
export interface TranslationUnit extends Sentence {
  readonly before: ContextText | null;
  readonly after: ContextText | null;
}

export interface UnitBatch {
  /** 0-based, in project order; results and undo steps are per batch. */
  readonly index: number;
  readonly units: readonly TranslationUnit[];
}

export interface PlanOptions {
  readonly sentences?: SentenceOptions;
  /** Units per request. */
  readonly batchSentences: number;
  /** Source characters per request, so a batch of long sentences still fits the model's context. */
  readonly batchChars?: number;
}

export const DEFAULT_BATCH_CHARS = 1500;

/**
 * Positions of the segments a job may change: those in scope with source text, never a locked one,
 * and — unless `overwrite` — never one that already has a translation.
 */
export function targetIndexes(project: Project, scope: TranslateScope, overwrite: boolean): Set<number> {
  const wanted = scope.kind === 'selection' ? new Set(scope.ids) : null;
  const out = new Set<number>();
  project.segments.forEach((s, i) => {
    if (s.source.trim() === '' || s.flags.includes('locked')) return;
    if (wanted && !wanted.has(s.id)) return;
    const translated = s.translation.trim() !== '';
    if (translated && (scope.kind === 'untranslated' || !overwrite)) return;
    out.add(i);
  });
  return out;
}

function context(segments: readonly Segment[], indexes: readonly number[]): ContextText | null {
  if (indexes.length === 0) return null;
  const segs = indexes.map((i) => segments[i] as Segment);
  return {
    source: joinPhrases(segs.map((s) => s.source)),
    translation: segs
      .map((s) => s.translation.trim())
      .filter((t) => t !== '')
      .join(' '),
  };
}

/**
 * The units to translate: sentences of the whole project (so grouping does not depend on the
 * scope), cut to the runs of target segments inside each. A unit's context is the rest of its own
 * sentence where it has one, else the neighbouring sentence.
 */
export function translationUnits(
  project: Project,
  targets: ReadonlySet<number>,
  options: SentenceOptions = DEFAULT_SENTENCE_OPTIONS,
): TranslationUnit[] {
  const segments = project.segments;
  const sentences = groupSentences(segments, options);
  const units: TranslationUnit[] = [];
  sentences.forEach((sentence, k) => {
    const runs: number[][] = [];
    let run: number[] = [];
    for (const i of sentence.indexes) {
      if (targets.has(i)) run.push(i);
      else if (run.length > 0) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
    for (const r of runs) {
      const first = sentence.indexes.indexOf(r[0] as number);
      const last = sentence.indexes.indexOf(r[r.length - 1] as number);
      const beforeInSentence = sentence.indexes.slice(0, first);
      const afterInSentence = sentence.indexes.slice(last + 1);
      const segs = r.map((i) => segments[i] as Segment);
      units.push({
        id: (segs[0] as Segment).id,
        indexes: r,
        segmentIds: segs.map((s) => s.id),
        text: joinPhrases(segs.map((s) => s.source)),
        before: context(segments, beforeInSentence.length > 0 ? beforeInSentence : (sentences[k - 1]?.indexes ?? [])),
        after: context(segments, afterInSentence.length > 0 ? afterInSentence : (sentences[k + 1]?.indexes ?? [])),
      });
    }
  });
  return units;
}

/** Consecutive units in batches of at most `batchSentences` units and about `batchChars` characters. */
export function batchUnits(units: readonly TranslationUnit[], options: PlanOptions): UnitBatch[] {
  const maxChars = options.batchChars ?? DEFAULT_BATCH_CHARS;
  const batches: UnitBatch[] = [];
  let current: TranslationUnit[] = [];
  let chars = 0;
  for (const unit of units) {
    const length = textLength(unit.text);
    if (current.length > 0 && (current.length >= options.batchSentences || chars + length > maxChars)) {
      batches.push({ index: batches.length, units: current });
      current = [];
      chars = 0;
    }
    current.push(unit);
    chars += length;
  }
  if (current.length > 0) batches.push({ index: batches.length, units: current });
  return batches;
}

export interface TranslatePlan {
  readonly batches: readonly UnitBatch[];
  /** Segments the job will propose translations for. */
  readonly segments: number;
  readonly units: number;
}

/** Scope → units → batches: everything a job will send, before anything is sent. */
export function planTranslation(
  project: Project,
  scope: TranslateScope,
  overwrite: boolean,
  options: PlanOptions,
  exclude: ReadonlySet<string> = new Set(),
): TranslatePlan {
  const targets = targetIndexes(project, scope, overwrite);
  for (const i of [...targets]) if (exclude.has((project.segments[i] as Segment).id)) targets.delete(i);
  const units = translationUnits(project, targets, options.sentences);
  const batches = batchUnits(units, options);
  return { batches, segments: targets.size, units: units.length };
}
