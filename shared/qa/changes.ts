import type { Project, Segment, SegmentId, Side } from '../model/types';
import type { Change, TextChange, TimingChange } from './types';

/**
 * Proposed changes: what a fix would do, listed for review before it is applied. Applying is pure
 * (project → project) so the editor makes it one undo step.
 */

/** A text change of one side, or null when the text would not change. */
export function textChange(
  project: Project,
  segment: SegmentId,
  side: Side,
  after: string,
  rule: string,
): TextChange | null {
  const seg = project.segments.find((s) => s.id === segment);
  if (!seg || seg[side] === after || seg.flags.includes('locked')) return null;
  return { kind: 'text', segment, side, before: seg[side], after, rule };
}

/**
 * The project with these changes made, in one pass over the segments. A change whose `before` no
 * longer matches the segment (it was edited since the preview) is skipped, as is any change to a
 * locked segment. A retimed segment loses its auto-timed and needs-timing flags: a person chose it.
 */
export function applyChanges(project: Project, changes: readonly Change[]): Project {
  if (changes.length === 0) return project;
  const bySegment = new Map<SegmentId, Change[]>();
  for (const c of changes) bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
  let changed = false;
  const segments: Segment[] = [];
  for (const seg of project.segments) {
    const mine = bySegment.get(seg.id);
    if (!mine || seg.flags.includes('locked')) {
      segments.push(seg);
      continue;
    }
    let next: Segment = seg;
    let removed = false;
    for (const c of mine) {
      if (c.kind === 'remove') removed = true;
      else if (c.kind === 'text') {
        if (next[c.side] === c.before && c.after !== c.before) next = { ...next, [c.side]: c.after };
      } else if (next.start === c.before.start && next.end === c.before.end && validTiming(c.after)) {
        const flags = next.flags.filter((f) => f !== 'needs-timing' && f !== 'auto-timed');
        next = { ...next, start: c.after.start, end: c.after.end, flags };
      }
    }
    if (removed || next !== seg) changed = true;
    if (!removed) segments.push(next);
  }
  return changed ? { ...project, segments } : project;
}

function validTiming(t: { start: number; end: number }): boolean {
  return Number.isInteger(t.start) && Number.isInteger(t.end) && t.start >= 0 && t.end >= t.start;
}

/**
 * Several rounds of changes as one list for review: per segment and side the first `before` and the
 * last `after` (dropping changes that cancel out), in project order.
 */
export function mergeChanges(project: Project, changes: readonly Change[]): Change[] {
  const texts = new Map<string, TextChange>();
  const timings = new Map<string, TimingChange>();
  const removes = new Map<string, Change>();
  for (const c of changes) {
    if (c.kind === 'remove') removes.set(c.segment, c);
    else if (c.kind === 'text') {
      const key = `${c.segment}\u0000${c.side}`;
      const prev = texts.get(key);
      texts.set(key, prev ? { ...prev, after: c.after, rule: joinRules(prev.rule, c.rule) } : c);
    } else {
      const prev = timings.get(c.segment);
      timings.set(c.segment, prev ? { ...prev, after: c.after, rule: joinRules(prev.rule, c.rule) } : c);
    }
  }
  const order = new Map(project.segments.map((s, i) => [s.id, i]));
  const all: Change[] = [
    ...[...texts.values()].filter((c) => c.before !== c.after),
    ...[...timings.values()].filter((c) => c.before.start !== c.after.start || c.before.end !== c.after.end),
    ...removes.values(),
  ];
  const rank = (c: Change) => (c.kind === 'remove' ? 2 : c.kind === 'timing' ? 1 : 0);
  return all.sort((a, b) => (order.get(a.segment) ?? 0) - (order.get(b.segment) ?? 0) || rank(a) - rank(b));
}

function joinRules(a: string, b: string): string {
  return a.split('+').includes(b) ? a : `${a}+${b}`;
}
