import { type FileFilter, filterExtensions } from '../../../shared/formats/table';
import { PROJECT_EXTENSION } from '../../../shared/model/project-file';
import { type ExportFormat, FORMAT_EXTENSIONS, formatExtension } from './export-options';

/**
 * Path helpers for the renderer, which has no `node:path`. Paths come from the host and may be
 * POSIX (`/home/a/b.srt`) or Windows (`C:\a\b.srt`); these only split and join, never resolve.
 */

export type { FileFilter };
export { PROJECT_EXTENSION };

/** Extensions the in-app picker shows for each filter, lower case with the dot (the dialogs' own list). */
export const FILTER_EXTENSIONS: Record<FileFilter, readonly string[]> = {
  document: filterExtensions('document'),
  media: filterExtensions('media'),
  'subtitle-export': filterExtensions('subtitle-export'),
};

function lastSeparator(path: string): number {
  return Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
}

function separatorOf(path: string): '/' | '\\' {
  return path.includes('\\') && !path.includes('/') ? '\\' : '/';
}

export function basename(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  return trimmed.slice(lastSeparator(trimmed) + 1);
}

/** The folder part; the root (`/`, `C:\`) stays itself. */
export function dirname(path: string): string {
  const trimmed = path.length > 1 ? path.replace(/[\\/]+$/, '') : path;
  const at = lastSeparator(trimmed);
  if (at < 0) return '';
  if (at === 0) return trimmed.slice(0, 1);
  if (at === 2 && /^[A-Za-z]:/.test(trimmed)) return trimmed.slice(0, 3);
  return trimmed.slice(0, at);
}

export function joinPath(dir: string, name: string): string {
  if (dir === '') return name;
  return /[\\/]$/.test(dir) ? `${dir}${name}` : `${dir}${separatorOf(dir)}${name}`;
}

/** Lower-case extension with its dot, '' when there is none (`.bashrc` has none). */
export function extname(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function hasExtension(path: string, extensions: readonly string[]): boolean {
  return extensions.includes(extname(path));
}

/** `path` with its extension replaced by (or, without one, followed by) `extension`. */
export function withExtension(path: string, extension: string): string {
  const ext = extname(path);
  return `${ext ? path.slice(0, path.length - ext.length) : path}${extension}`;
}

/**
 * Where a project should be written when the user named `path`: keep a .zimu name, turn a caption
 * file's name into a .zimu one (never write project JSON into `talk.srt`), else add .zimu.
 */
export function projectPathFor(path: string): string {
  const ext = extname(path);
  if (ext === PROJECT_EXTENSION) return path;
  if (FILTER_EXTENSIONS.document.includes(ext)) return withExtension(path, PROJECT_EXTENSION);
  return `${path}${PROJECT_EXTENSION}`;
}

/**
 * An export path with an extension of the chosen format: kept when it has one (`talk.json` for
 * BCC), replaced when it is another caption format's, else added.
 */
export function exportPathFor(path: string, format: ExportFormat): string {
  const ext = extname(path);
  if (FORMAT_EXTENSIONS[format].includes(ext)) return path;
  if (FILTER_EXTENSIONS['subtitle-export'].includes(ext)) return withExtension(path, formatExtension(format));
  return `${path}${formatExtension(format)}`;
}

/** Extensions an imported caption file may have: the document filter without projects. */
export const CAPTION_EXTENSIONS: readonly string[] = FILTER_EXTENSIONS.document.filter((e) => e !== PROJECT_EXTENSION);
