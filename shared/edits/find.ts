import type { Project, Segment, SegmentId, Side } from '../model/types';

/** What the find bar searches for: literal text (no patterns), in one or both sides. */
export interface FindQuery {
  readonly text: string;
  readonly sides: readonly Side[];
  readonly matchCase: boolean;
}

export interface Match {
  readonly id: SegmentId;
  readonly side: Side;
  /** UTF-16 offset and length in that side's text. */
  readonly index: number;
  readonly length: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A global regex for the query, or null for an empty query (which finds nothing). */
function patternOf(query: FindQuery): RegExp | null {
  if (query.text === '') return null;
  return new RegExp(escapeRegExp(query.text), query.matchCase ? 'gu' : 'giu');
}

/** Every match, in document order: segment by segment, source before translation, left to right. */
export function findMatches(project: Project, query: FindQuery): Match[] {
  const pattern = patternOf(query);
  if (!pattern) return [];
  const sides = (['source', 'translation'] as const).filter((s) => query.sides.includes(s));
  const matches: Match[] = [];
  for (const seg of project.segments) {
    for (const side of sides) {
      for (const m of seg[side].matchAll(pattern)) {
        matches.push({ id: seg.id, side, index: m.index, length: m[0].length });
      }
    }
  }
  return matches;
}

/** Replace one match (if the text there still matches); the same project when it does not. */
export function replaceMatch(project: Project, match: Match, query: FindQuery, replacement: string): Project {
  const pattern = patternOf(query);
  if (!pattern) return project;
  const index = project.segments.findIndex((s) => s.id === match.id);
  const seg = project.segments[index];
  if (!seg) return project;
  const text = seg[match.side];
  const found = text.slice(match.index, match.index + match.length);
  const exact = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', ''));
  if (!exact.test(found)) return project;
  const next = text.slice(0, match.index) + replacement + text.slice(match.index + match.length);
  if (next === text) return project;
  const segments = project.segments.slice();
  segments[index] = { ...seg, [match.side]: next };
  return { ...project, segments };
}

/**
 * Replace every match in one pass over the segments (one new project: one undo step). Untouched
 * segments keep their identity. Returns how many replacements were made.
 */
export function replaceAll(
  project: Project,
  query: FindQuery,
  replacement: string,
): { project: Project; count: number; ids: SegmentId[] } {
  const pattern = patternOf(query);
  if (!pattern) return { project, count: 0, ids: [] };
  let count = 0;
  const ids: SegmentId[] = [];
  const segments = project.segments.map((seg) => {
    let next: Segment = seg;
    for (const side of query.sides) {
      const text = next[side];
      let n = 0;
      // A function replacement: `$&` and friends in the user's text stay literal.
      const replaced = text.replace(pattern, () => {
        n += 1;
        return replacement;
      });
      if (n > 0 && replaced !== text) next = { ...next, [side]: replaced };
      count += n;
    }
    if (next !== seg) ids.push(seg.id);
    return next;
  });
  return ids.length === 0 ? { project, count, ids } : { project: { ...project, segments }, count, ids };
}
