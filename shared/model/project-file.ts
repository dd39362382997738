import { z } from 'zod';
import { type HostMessage, msg } from '../ipc/messages';
import { jsonLines, syntaxErrorLine } from '../json-locate';
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
  message: HostMessage;
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
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      problem: { line: syntaxErrorLine(body, message), message: msg('project-invalid-json', { reason: message }) },
    };
  }
  const parsed = ProjectFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String) : [];
    return {
      ok: false,
      problem: {
        // A missing member is reported at the object that lacks it.
        line: issue ? jsonLines(body).nearestLine(issue.path) : null,
        message: msg('project-invalid', { path: path.join('.') || '(root)', reason: issue?.message ?? 'invalid' }),
      },
    };
  }
  const { format: _format, version: _version, ...project } = parsed.data;
  return { ok: true, project };
}
