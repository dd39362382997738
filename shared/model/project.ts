import type { MediaRef, Project, Segment, SegmentId, Side } from './types';

/** Fields a caller may give when creating segments; the id is minted by the project. */
export type SegmentInit = Partial<Omit<Segment, 'id'>>;

export function createProject(
  init: {
    title?: string;
    media?: MediaRef | null;
    languages?: Project['languages'];
    segments?: readonly SegmentInit[];
  } = {},
): Project {
  const empty: Project = {
    title: init.title ?? '',
    media: init.media ?? null,
    languages: init.languages ?? { source: 'zh-CN', translation: 'en' },
    segments: [],
    nextId: 1,
  };
  return appendSegments(empty, init.segments ?? []);
}

function makeSegment(id: SegmentId, init: SegmentInit): Segment {
  const seg: Segment = {
    id,
    start: init.start ?? null,
    end: init.end ?? null,
    source: init.source ?? '',
    translation: init.translation ?? '',
    flags: init.flags ?? [],
  };
  return {
    ...seg,
    ...(init.speaker !== undefined ? { speaker: init.speaker } : {}),
    ...(init.note !== undefined ? { note: init.note } : {}),
    ...(init.extras !== undefined ? { extras: init.extras } : {}),
  };
}

/** Mint `count` fresh ids; returns them with the project's advanced counter. */
function mintIds(project: Project, count: number): { ids: SegmentId[]; nextId: number } {
  const ids = Array.from({ length: count }, (_, i) => `s${project.nextId + i}`);
  return { ids, nextId: project.nextId + count };
}

export function appendSegments(project: Project, inits: readonly SegmentInit[]): Project {
  const { ids, nextId } = mintIds(project, inits.length);
  const added = inits.map((init, i) => makeSegment(ids[i] as SegmentId, init));
  return { ...project, segments: [...project.segments, ...added], nextId };
}

export function indexOfSegment(project: Project, id: SegmentId): number {
  return project.segments.findIndex((s) => s.id === id);
}

export function getSegment(project: Project, id: SegmentId): Segment | undefined {
  return project.segments.find((s) => s.id === id);
}

/** Replace one segment through `update`; unknown ids leave the project unchanged (same object). */
export function updateSegment(project: Project, id: SegmentId, update: (s: Segment) => Segment): Project {
  const index = indexOfSegment(project, id);
  if (index < 0) return project;
  const before = project.segments[index] as Segment;
  const after = update(before);
  if (after === before) return project;
  const segments = project.segments.slice();
  segments[index] = after;
  return { ...project, segments };
}

/** A person's edit of a translation makes it theirs: a machine draft's flag goes. */
export function setText(project: Project, id: SegmentId, side: Side, text: string): Project {
  return updateSegment(project, id, (s) => {
    if (s[side] === text) return s;
    if (side === 'translation' && s.flags.includes('machine-translated'))
      return { ...s, translation: text, flags: s.flags.filter((f) => f !== 'machine-translated') };
    return { ...s, [side]: text };
  });
}

/** Set both times; a timed segment must satisfy 0 <= start <= end. A person's timing replaces any automatic one. */
export function setTiming(project: Project, id: SegmentId, start: number | null, end: number | null): Project {
  if ((start === null) !== (end === null)) throw new RangeError('start and end must both be set or both be null');
  if (start !== null && end !== null) {
    if (!Number.isInteger(start) || !Number.isInteger(end)) throw new RangeError('times are integer milliseconds');
    if (start < 0 || end < start) throw new RangeError(`invalid timing ${start}–${end}`);
  }
  return updateSegment(project, id, (s) =>
    s.start === start && s.end === end
      ? s
      : { ...s, start, end, flags: s.flags.filter((f) => f !== 'needs-timing' && f !== 'auto-timed') },
  );
}

/** Insert a new segment after `afterId` (or at the start when null). Returns the project and the new id. */
export function insertSegment(
  project: Project,
  afterId: SegmentId | null,
  init: SegmentInit = {},
): { project: Project; id: SegmentId } {
  const { ids, nextId } = mintIds(project, 1);
  const id = ids[0] as SegmentId;
  const at = afterId === null ? 0 : indexOfSegment(project, afterId) + 1;
  if (afterId !== null && at === 0) throw new RangeError(`no segment ${afterId}`);
  const segments = project.segments.slice();
  segments.splice(at, 0, makeSegment(id, init));
  return { project: { ...project, segments, nextId }, id };
}

export function deleteSegments(project: Project, ids: readonly SegmentId[]): Project {
  const gone = new Set(ids);
  const segments = project.segments.filter((s) => !gone.has(s.id));
  return segments.length === project.segments.length ? project : { ...project, segments };
}

/** Shift the timed segments among `ids` (all when undefined) by `deltaMs`, clamping at zero. */
export function shiftTimes(project: Project, deltaMs: number, ids?: readonly SegmentId[]): Project {
  if (!Number.isInteger(deltaMs)) throw new RangeError('shift is integer milliseconds');
  const only = ids ? new Set(ids) : null;
  let changed = false;
  const segments = project.segments.map((s) => {
    if (s.start === null || s.end === null || (only && !only.has(s.id))) return s;
    const shift = Math.max(deltaMs, -s.start);
    if (shift === 0) return s;
    changed = true;
    return { ...s, start: s.start + shift, end: s.end + shift };
  });
  return changed ? { ...project, segments } : project;
}
