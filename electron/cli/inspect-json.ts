import type { Project } from '../../shared/model/types';
import type { Warning } from '../services/documents';

/** The JSON `zimu inspect` prints and `--to json` writes: times in ms, source as `text`. */
export interface InspectJson {
  format: string;
  encoding: string;
  segments: { start: number | null; end: number | null; text: string; translation: string }[];
  warnings: Warning[];
}

export function inspectJson(format: string, encoding: string, project: Project, warnings: Warning[]): InspectJson {
  return {
    format,
    encoding,
    segments: project.segments.map((s) => ({ start: s.start, end: s.end, text: s.source, translation: s.translation })),
    warnings,
  };
}

export function formatInspectJson(json: InspectJson): string {
  return `${JSON.stringify(json, null, 2)}\n`;
}
