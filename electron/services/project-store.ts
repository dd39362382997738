import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ZimuError } from '../../shared/ipc/errors';
import { parseProjectFile, serializeProjectFile } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { readFileBytes, writeFileAtomic } from './files';
import { decodeText } from './text-decode';

/** Read a .zimu project; its media path comes back absolute. */
export async function loadProjectFile(path: string): Promise<Project> {
  const text = decodeText(await readFileBytes(path), path);
  const parsed = parseProjectFile(text);
  if (!parsed.ok) {
    const { line, message } = parsed.problem;
    throw new ZimuError('parse-error', message, line === null ? { file: path } : { file: path, line });
  }
  const project = parsed.project;
  if (!project.media) return project;
  return { ...project, media: { ...project.media, path: resolve(dirname(path), project.media.path) } };
}

/** Save atomically; the media path is stored relative to the project file so folders can move. */
export async function saveProjectFile(path: string, project: Project): Promise<void> {
  let stored = project;
  if (project.media && isAbsolute(project.media.path)) {
    const rel = relative(dirname(path), project.media.path);
    // Keep absolute paths across drives (Windows) where no relative path exists.
    const portable = isAbsolute(rel) ? project.media.path : rel.split(sep).join('/');
    stored = { ...project, media: { ...project.media, path: portable } };
  }
  await writeFileAtomic(path, serializeProjectFile(stored));
}
