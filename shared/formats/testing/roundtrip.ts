import type { SegmentInit } from '../../model/project';
import type { Project } from '../../model/types';
import type { SerializeOptions, SerializeResult, SubtitleFormat } from '../format';

/** Test support: what a round trip compares, and a serializer that every exporting format has. */

/** Times and both texts of each segment: what a timed format must read back. */
export const view = (segments: readonly SegmentInit[]) =>
  segments.map(({ start, end, source, translation }) => ({ start, end, source, translation }));

export function write(format: SubtitleFormat, project: Project, options: SerializeOptions): SerializeResult {
  const serialize = format.serialize;
  if (!serialize) throw new Error(`${format.id} has a serializer`);
  return serialize(project, options);
}
