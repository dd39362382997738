import type { Flag, Project, Segment, SegmentId } from '../model/types';
import { type DistributionOptions, distributeTranslation } from './distribute';
import type { TranslationUnit } from './plan';

/**
 * Machine output is a proposal, never an edit: one draft per segment, reviewed (accept all, per
 * segment, reject) before it touches the document. Applied drafts carry the 'machine-translated'
 * flag until a person edits or confirms the translation.
 */

export const MACHINE_FLAG: Flag = 'machine-translated';

export type DraftOrigin = 'llm' | 'memory';

export interface TranslationDraft {
  readonly segmentId: SegmentId;
  /** The sentence (unit) the text was translated in: its first segment's id. */
  readonly sentenceId: string;
  /** The translation when the job read the project ('' = untranslated). */
  readonly oldTranslation: string;
  readonly newTranslation: string;
  readonly origin: DraftOrigin;
  /** The batch it came from: applying a batch is one undo step. */
  readonly batch: number;
}

/** The drafts of one translated unit: its translation distributed over its segments. */
export function unitDrafts(
  project: Project,
  unit: TranslationUnit,
  translation: string,
  batch: number,
  options?: DistributionOptions,
): TranslationDraft[] {
  const segments = unit.indexes.map((i) => project.segments[i] as Segment);
  const pieces = distributeTranslation(
    translation,
    segments.map((s) => ({
      source: s.source,
      durationMs: s.start !== null && s.end !== null ? s.end - s.start : null,
    })),
    options,
  );
  return segments.map((s, k) => ({
    segmentId: s.id,
    sentenceId: unit.id,
    oldTranslation: s.translation,
    newTranslation: pieces[k] ?? '',
    origin: 'llm',
    batch,
  }));
}

export interface AppliedDrafts {
  readonly project: Project;
  readonly applied: readonly SegmentId[];
  /** Drafts not applied because the segment changed since the job read it (or is gone, or locked). */
  readonly stale: readonly SegmentId[];
}

/**
 * The project with the accepted drafts (all when `accepted` is omitted) as translations, flagged
 * machine-translated. A draft whose segment's translation is no longer the one the job saw is
 * left out: a person's edit made meanwhile is never overwritten. Pure.
 */
export function applyDrafts(
  project: Project,
  drafts: readonly TranslationDraft[],
  accepted?: ReadonlySet<SegmentId>,
): AppliedDrafts {
  const byId = new Map(drafts.filter((d) => !accepted || accepted.has(d.segmentId)).map((d) => [d.segmentId, d]));
  if (byId.size === 0) return { project, applied: [], stale: [] };
  const applied: SegmentId[] = [];
  const stale: SegmentId[] = [];
  const segments = project.segments.map((s) => {
    const draft = byId.get(s.id);
    if (!draft) return s;
    byId.delete(s.id);
    if (s.translation !== draft.oldTranslation || s.flags.includes('locked')) {
      stale.push(s.id);
      return s;
    }
    applied.push(s.id);
    const flags = s.flags.includes(MACHINE_FLAG) ? s.flags : [...s.flags, MACHINE_FLAG];
    return { ...s, translation: draft.newTranslation, flags };
  });
  stale.push(...byId.keys());
  return { project: applied.length > 0 ? { ...project, segments } : project, applied, stale };
}

/** A person confirms machine translations as they are: the flag goes, the text stays. */
export function confirmTranslations(project: Project, ids: readonly SegmentId[]): Project {
  const wanted = new Set(ids);
  let changed = false;
  const segments = project.segments.map((s) => {
    if (!wanted.has(s.id) || !s.flags.includes(MACHINE_FLAG)) return s;
    changed = true;
    return { ...s, flags: s.flags.filter((f) => f !== MACHINE_FLAG) };
  });
  return changed ? { ...project, segments } : project;
}
