/**
 * Media Zimu opens, by extension (lower case, with the dot): what file dialogs offer, what a dropped
 * or command-line file is taken for, and what the in-app picker lists. Anything else is a document.
 */
export const MEDIA_EXTENSIONS: readonly string[] = [
  '.opus',
  '.ogg',
  '.oga',
  '.mp3',
  '.m4a',
  '.aac',
  '.wav',
  '.flac',
  '.mp4',
  '.m4v',
  '.m4s',
  '.mkv',
  '.webm',
  '.mov',
  '.flv',
];

/** The extension of a POSIX or Windows path, lower case with the dot; '' when it has none. */
export function extensionOf(path: string): string {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

export function isMediaPath(path: string): boolean {
  return MEDIA_EXTENSIONS.includes(extensionOf(path));
}
