import { z } from 'zod';
import { insertSegment } from './project';
import { FlagSchema } from './schema';
import type { Flag, Project, Segment, SegmentId } from './types';

/**
 * How a call that changes a document answers: a patch, made by the host from the project it was
 * sent and applied by the renderer to the project as it is *now* (the user may have typed while the
 * host worked). One pure function applies every patch, so every such call answers in one shape and
 * the renderer makes one undo step of it.
 *
 * Each change says what it changes from (`from`), field by field. Where the document no longer has
 * that value, the user edited it meanwhile: their edit wins and the change is a conflict (skipped
 * whole, reported by id). Flags are added and removed as sets, so they never conflict.
 */

/** The fields of a segment a patch can set (its id is fixed; flags change through add/remove). */
export type SegmentFields = Omit<Segment, 'id' | 'flags'>;
/** Project fields a patch can set. The linked media is not one: it is not part of undo. */
export type ProjectFields = Pick<Project, 'title' | 'languages'>;

export interface SegmentChange {
  readonly id: SegmentId;
  /** The values the host started from; only these fields are checked for a conflicting edit. */
  readonly from: Partial<SegmentFields>;
  readonly to: Partial<SegmentFields>;
  readonly addFlags?: readonly Flag[];
  readonly removeFlags?: readonly Flag[];
}

export interface SegmentInsert {
  /** The host's name for the new segment, which later inserts may go after; the project mints its real id. */
  readonly id: SegmentId;
  /** Goes after this segment or earlier insert (null: at the start; one deleted meanwhile: at the end). */
  readonly after: SegmentId | null;
  /** The new segment; its id is minted by the project it is applied to. */
  readonly segment: Omit<Segment, 'id'>;
}

export interface SegmentRemoval {
  readonly id: SegmentId;
  /** Fields as the host saw them: a segment edited meanwhile is kept (a conflict). */
  readonly from?: Partial<SegmentFields>;
}

export interface ProjectPatch {
  readonly update?: readonly SegmentChange[];
  readonly insert?: readonly SegmentInsert[];
  readonly remove?: readonly SegmentRemoval[];
  /** New relative order of these segments; segments not listed keep their places. */
  readonly order?: readonly SegmentId[];
  readonly project?: { readonly from: Partial<ProjectFields>; readonly to: Partial<ProjectFields> };
}

export interface PatchResult {
  /** The same object as the input when nothing applied. */
  readonly project: Project;
  /** Segments changed, inserted or removed. */
  readonly applied: number;
  /** Segments (or 'project') the user changed meanwhile, whose change from the patch was skipped. */
  readonly conflicts: readonly (SegmentId | 'project')[];
}

const fieldsShape = {
  start: z.number().int().nonnegative().nullable(),
  end: z.number().int().nonnegative().nullable(),
  source: z.string(),
  translation: z.string(),
  speaker: z.string(),
  note: z.string(),
  extras: z.record(z.string(), z.record(z.string(), z.string()).readonly()).readonly(),
};
const FieldsSchema = z.object(fieldsShape).partial().strict();
const ProjectFieldsSchema = z
  .object({ title: z.string(), languages: z.object({ source: z.string(), translation: z.string() }) })
  .partial()
  .strict();

const NewSegmentSchema = z.object({
  ...fieldsShape,
  speaker: fieldsShape.speaker.optional(),
  note: fieldsShape.note.optional(),
  extras: fieldsShape.extras.optional(),
  flags: z.array(FlagSchema).readonly(),
});

export const ProjectPatchSchema = z.object({
  update: z
    .array(
      z.object({
        id: z.string(),
        from: FieldsSchema,
        to: FieldsSchema,
        addFlags: z.array(FlagSchema).readonly().optional(),
        removeFlags: z.array(FlagSchema).readonly().optional(),
      }),
    )
    .readonly()
    .optional(),
  insert: z
    .array(z.object({ id: z.string(), after: z.string().nullable(), segment: NewSegmentSchema }))
    .readonly()
    .optional(),
  remove: z
    .array(z.object({ id: z.string(), from: FieldsSchema.optional() }))
    .readonly()
    .optional(),
  order: z.array(z.string()).readonly().optional(),
  project: z.object({ from: ProjectFieldsSchema, to: ProjectFieldsSchema }).optional(),
}) satisfies z.ZodType<ProjectPatch>;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Does `target` still hold every value of `from`? */
function unchanged<T extends object>(target: T, from: Partial<T>): boolean {
  return Object.entries(from).every(([k, v]) => same((target as Record<string, unknown>)[k], v));
}

function changedSegment(s: Segment, change: SegmentChange): Segment {
  const removed = new Set(change.removeFlags ?? []);
  const kept = s.flags.filter((f) => !removed.has(f));
  const flags = [...kept, ...(change.addFlags ?? []).filter((f) => !kept.includes(f))];
  const merged: Record<string, unknown> = { ...s, ...change.to, flags };
  // An optional field set to undefined is absent, as the schema has it.
  for (const key of ['speaker', 'note', 'extras']) if (merged[key] === undefined) delete merged[key];
  const next = merged as unknown as Segment;
  return same(next, s) ? s : next;
}

/** Apply `patch` to the project as it is now. Pure; see the module comment for conflicts. */
export function applyPatch(project: Project, patch: ProjectPatch): PatchResult {
  const conflicts: (SegmentId | 'project')[] = [];
  let applied = 0;
  let segments = project.segments.slice();
  const indexOf = new Map(segments.map((s, i) => [s.id, i]));

  for (const change of patch.update ?? []) {
    const at = indexOf.get(change.id);
    const s = at === undefined ? undefined : segments[at];
    if (at === undefined || !s || !unchanged(s, change.from)) {
      conflicts.push(change.id);
      continue;
    }
    const next = changedSegment(s, change);
    if (next !== s) {
      segments[at] = next;
      applied++;
    }
  }

  const removing = new Set<SegmentId>();
  for (const removal of patch.remove ?? []) {
    const at = indexOf.get(removal.id);
    const s = at === undefined ? undefined : segments[at];
    if (!s) continue; // already gone
    if (removal.from && !unchanged(s, removal.from)) conflicts.push(removal.id);
    else removing.add(removal.id);
  }
  if (removing.size > 0) {
    segments = segments.filter((s) => !removing.has(s.id));
    applied += removing.size;
  }

  if (patch.order && patch.order.length > 1) {
    // The listed segments, in the listed order, into the places they hold now.
    const listed = new Set(patch.order);
    const byId = new Map(segments.map((s) => [s.id, s]));
    const inOrder = patch.order.map((id) => byId.get(id)).filter((s): s is Segment => s !== undefined);
    let k = 0;
    const reordered = segments.map((s) => (listed.has(s.id) ? (inOrder[k++] as Segment) : s));
    if (reordered.some((s, i) => s !== segments[i])) {
      segments = reordered;
      applied++;
    }
  }

  let next: Project = applied > 0 ? { ...project, segments } : project;

  const minted = new Map<SegmentId, SegmentId>();
  for (const insert of patch.insert ?? []) {
    let anchor = insert.after === null ? null : (minted.get(insert.after) ?? insert.after);
    if (anchor !== null && !next.segments.some((s) => s.id === anchor)) anchor = next.segments.at(-1)?.id ?? null;
    const inserted = insertSegment(next, anchor, insert.segment);
    minted.set(insert.id, inserted.id);
    next = inserted.project;
    applied++;
  }

  if (patch.project) {
    const current: ProjectFields = { title: next.title, languages: next.languages };
    if (!unchanged(current, patch.project.from)) conflicts.push('project');
    else if (!unchanged(current, patch.project.to)) {
      next = { ...next, ...patch.project.to };
      applied++;
    }
  }
  return { project: applied > 0 ? next : project, applied, conflicts };
}

const FIELDS = Object.keys(fieldsShape) as (keyof SegmentFields)[];

function fieldChange(before: Segment, after: Segment): SegmentChange | null {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  for (const key of FIELDS) {
    if (same(before[key], after[key])) continue;
    from[key] = before[key];
    to[key] = after[key];
  }
  const addFlags = after.flags.filter((f) => !before.flags.includes(f));
  const removeFlags = before.flags.filter((f) => !after.flags.includes(f));
  if (Object.keys(to).length === 0 && addFlags.length === 0 && removeFlags.length === 0) return null;
  return {
    id: after.id,
    from: from as Partial<SegmentFields>,
    to: to as Partial<SegmentFields>,
    ...(addFlags.length ? { addFlags } : {}),
    ...(removeFlags.length ? { removeFlags } : {}),
  };
}

/**
 * The patch that turns `before` into `after` (the result of a pure operation on it): how a call
 * answers. Segments of `after` with ids `before` lacks are inserts (their ids are minted again
 * where the patch is applied).
 */
export function diffProjects(before: Project, after: Project): ProjectPatch {
  const old = new Map(before.segments.map((s) => [s.id, s]));
  const kept = new Set(after.segments.map((s) => s.id));
  const update: SegmentChange[] = [];
  const insert: SegmentInsert[] = [];
  let previous: SegmentId | null = null;
  for (const s of after.segments) {
    const was = old.get(s.id);
    if (!was) {
      const { id, ...segment } = s;
      insert.push({ id, after: previous, segment });
    } else if (was !== s) {
      const change = fieldChange(was, s);
      if (change) update.push(change);
    }
    previous = s.id;
  }
  const remove: SegmentRemoval[] = before.segments.filter((s) => !kept.has(s.id)).map((s) => ({ id: s.id }));
  const common = after.segments.filter((s) => old.has(s.id)).map((s) => s.id);
  const wasOrder = before.segments.filter((s) => kept.has(s.id)).map((s) => s.id);
  const reordered = common.some((id, i) => id !== wasOrder[i]);
  const from: { -readonly [K in keyof ProjectFields]?: ProjectFields[K] } = {};
  const to: typeof from = {};
  if (before.title !== after.title) [from.title, to.title] = [before.title, after.title];
  if (!same(before.languages, after.languages)) [from.languages, to.languages] = [before.languages, after.languages];
  return {
    ...(update.length ? { update } : {}),
    ...(insert.length ? { insert } : {}),
    ...(remove.length ? { remove } : {}),
    ...(reordered ? { order: common } : {}),
    ...(Object.keys(to).length ? { project: { from, to } } : {}),
  };
}
