import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMediaPath } from '../../shared/media-files';

/** What the app opens at startup: a document, media for it, or both (`zimu talk.srt talk.mp4`). */
export interface StartupPaths {
  file: string | null;
  media: string | null;
}

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Sort the paths named on a command line into a document and media, in any order: media by its
 * extension, a folder as a Bilibili cache folder, anything else as the document. Options (`-x`) are
 * skipped; the first of each kind wins. Paths are resolved against `cwd`.
 */
export function startupPaths(args: readonly string[], cwd = process.cwd(), folder = isFolder): StartupPaths {
  const paths: StartupPaths = { file: null, media: null };
  for (const arg of args) {
    if (arg.startsWith('-')) continue;
    const path = resolve(cwd, arg);
    if (isMediaPath(path) || folder(path)) paths.media ??= path;
    else paths.file ??= path;
  }
  return paths;
}
