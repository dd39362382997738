import { extensionOf, isMediaPath } from '../../../shared/media-files';
import { FILTER_EXTENSIONS } from './paths';

/** A file dropped on the window: its name, and its path where the host can tell (Electron). */
export interface DroppedFile {
  readonly name: string;
  readonly path: string | null;
}

/** What a drop asks for: open a document and/or link media; files of neither kind are named back. */
export interface DropPlan {
  readonly document: DroppedFile | null;
  readonly media: DroppedFile | null;
  readonly unknown: readonly DroppedFile[];
}

/**
 * Sort dropped files into the document to open and the media to link (`talk.srt` + `talk.mp4`
 * dropped together opens one and links the other), by extension. The first of each kind wins.
 */
export function planDrop(files: readonly DroppedFile[]): DropPlan {
  let document: DroppedFile | null = null;
  let media: DroppedFile | null = null;
  const unknown: DroppedFile[] = [];
  for (const file of files) {
    if (isMediaPath(file.name)) media ??= file;
    else if (FILTER_EXTENSIONS.document.includes(extensionOf(file.name))) document ??= file;
    else unknown.push(file);
  }
  return { document, media, unknown };
}
