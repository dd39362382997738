import { z } from 'zod';
import { ProjectSchema } from './schema';
import type { Project } from './types';

/** The on-disk `.zimu` project: the document plus a format tag and version, pretty-printed JSON. */
export const PROJECT_FILE_FORMAT = 'zimu-project';
export const PROJECT_FILE_VERSION = 1;
export const PROJECT_EXTENSION = '.zimu';

const ProjectFileSchema = ProjectSchema.extend({
  format: z.literal(PROJECT_FILE_FORMAT),
  version: z.literal(PROJECT_FILE_VERSION),
});

export interface ProjectFileProblem {
  /** 1-based line in the file, when known. */
  line: number | null;
  message: string;
}

export type ProjectFileParse = { ok: true; project: Project } | { ok: false; problem: ProjectFileProblem };

export function serializeProjectFile(project: Project): string {
  const { title, media, languages, nextId, segments, frameRate, glossary } = project;
  const file = {
    format: PROJECT_FILE_FORMAT,
    version: PROJECT_FILE_VERSION,
    title,
    media,
    languages,
    nextId,
    // Optional fields are written only when set, so older projects save as they were.
    ...(frameRate !== undefined ? { frameRate } : {}),
    ...(glossary !== undefined ? { glossary } : {}),
    segments,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Parse a project file's text; never throws. Problems carry the line they were found on. */
export function parseProjectFile(text: string): ProjectFileParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, problem: { line: lineOfJsonError(text, message), message: `not valid JSON: ${message}` } };
  }
  const parsed = ProjectFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String) : [];
    return {
      ok: false,
      problem: {
        line: lineOfJsonPath(text, path),
        message: `${path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      },
    };
  }
  const { format: _format, version: _version, ...project } = parsed.data;
  return { ok: true, project };
}

/** V8 reports either "at position N" or "(line L column C)". */
function lineOfJsonError(text: string, message: string): number | null {
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineAtOffset(text, Number(pos[1]));
  return null;
}

function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Best-effort line of a JSON path in pretty-printed text: walks to the key names and array indexes
 * in order. Good enough to point a person at the right place; null when it cannot tell.
 */
function lineOfJsonPath(text: string, path: readonly string[]): number | null {
  let offset = 0;
  for (const key of path) {
    if (/^\d+$/.test(key)) {
      // The n-th object in the array that follows: count object openings at one nesting level.
      const index = Number(key);
      const open = text.indexOf('[', offset);
      if (open < 0) return null;
      let depth = 0;
      let seen = -1;
      let i = open + 1;
      for (; i < text.length; i++) {
        const ch = text[i];
        if (ch === '"') {
          // Skip string contents: subtitle text may hold brackets.
          for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
          continue;
        }
        if (ch === '{' || ch === '[') {
          if (depth === 0 && ++seen === index) break;
          depth++;
        } else if (ch === '}' || ch === ']') {
          if (depth === 0) return null;
          depth--;
        }
      }
      if (i >= text.length) return null;
      offset = i;
    } else {
      const at = text.indexOf(`"${key}"`, offset);
      if (at < 0) return null;
      offset = at;
    }
  }
  return lineAtOffset(text, offset);
}
