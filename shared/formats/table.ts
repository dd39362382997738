import { MEDIA_EXTENSIONS } from '../media-files';
import { PROJECT_EXTENSION } from '../model/project-file';

/**
 * The one list of caption formats and export layouts. Everything else derives from it: the
 * `FormatId` and `Layout` types, the IPC contract's schemas, the registry's check
 * (electron/services/formats/registry.ts), the file dialogs' filters (Electron's and the in-app
 * picker's) and the export dialog's extensions. Adding a format = one row here and one module
 * implementing it (SubtitleFormat in ./format.ts) in the registry; registry.test.ts fails until the
 * two agree.
 */

export interface FormatRow {
  readonly id: string;
  /** Human name for menus and dialog filters. */
  readonly label: string;
  /** Lower-case, with the dot; the first is what an export is written with. */
  readonly extensions: readonly [string, ...string[]];
  /** Does the format carry times? Untimed formats import segments with start/end null. */
  readonly timed: boolean;
  /** Can Zimu write it (the format module has `serialize`)? */
  readonly export: boolean;
}

export const FORMAT_TABLE = [
  { id: 'srt', label: 'SubRip (SRT)', extensions: ['.srt'], timed: true, export: true },
  { id: 'vtt', label: 'WebVTT', extensions: ['.vtt'], timed: true, export: true },
  { id: 'ass', label: 'Advanced SubStation Alpha', extensions: ['.ass', '.ssa'], timed: true, export: true },
  // A BCC file is often saved as .json; the content tells it from Whisper's JSON.
  { id: 'bcc', label: 'Bilibili subtitles (BCC)', extensions: ['.bcc', '.json'], timed: true, export: true },
  { id: 'lrc', label: 'LRC lyrics', extensions: ['.lrc'], timed: true, export: true },
  { id: 'whisper', label: 'Whisper transcript (JSON)', extensions: ['.json'], timed: true, export: true },
  { id: 'tsv', label: 'Spreadsheet (TSV)', extensions: ['.tsv'], timed: true, export: true },
  { id: 'csv', label: 'Spreadsheet (CSV)', extensions: ['.csv'], timed: true, export: true },
  { id: 'txt', label: 'Plain text transcript', extensions: ['.txt'], timed: false, export: true },
] as const satisfies readonly FormatRow[];

export type FormatId = (typeof FORMAT_TABLE)[number]['id'];
type ExportRow = Extract<(typeof FORMAT_TABLE)[number], { export: true }>;
export type ExportFormatId = ExportRow['id'];

/** Which texts go into each exported cue, and in which order. */
export const LAYOUTS = ['source', 'translation', 'bilingual', 'bilingual-translation-first'] as const;
export type Layout = (typeof LAYOUTS)[number];

/** Non-empty tuples, as z.enum wants them. */
type Ids<T extends string> = readonly [T, ...T[]];

export const FORMAT_IDS = FORMAT_TABLE.map((f) => f.id) as unknown as Ids<FormatId>;
export const EXPORT_FORMAT_IDS = FORMAT_TABLE.filter((f) => f.export).map(
  (f) => f.id,
) as unknown as Ids<ExportFormatId>;

export function formatRow(id: FormatId): FormatRow {
  return FORMAT_TABLE.find((f) => f.id === id) as FormatRow;
}

/** The row's label, extensions and timing, spread into a format module so it cannot disagree. */
export function formatInfo<Id extends FormatId>(
  id: Id,
): { id: Id; label: string; extensions: readonly string[]; timed: boolean } {
  const { label, extensions, timed } = formatRow(id);
  return { id, label, extensions, timed };
}

/** The extension an export in `format` is written with. */
export function exportExtension(format: FormatId): string {
  return formatRow(format).extensions[0];
}

/** The format an export named with `extension` (lower case, with the dot) is written in: the first row that has it. */
export function exportFormatOfExtension(extension: string): ExportFormatId | null {
  const row = FORMAT_TABLE.find((f) => f.export && (f.extensions as readonly string[]).includes(extension));
  return row ? (row.id as ExportFormatId) : null;
}

const unique = (list: readonly string[]) => [...new Set(list)];

/** Extensions of every caption or transcript file Zimu reads. */
export const CAPTION_EXTENSIONS: readonly string[] = unique(FORMAT_TABLE.flatMap((f) => f.extensions));
/** Extensions an export may be written with. */
export const EXPORT_EXTENSIONS: readonly string[] = unique(
  FORMAT_TABLE.filter((f) => f.export).flatMap((f) => f.extensions),
);

/** What a file dialog is asked for. */
export const FILE_FILTERS = ['document', 'media', 'subtitle-export'] as const;
export type FileFilter = (typeof FILE_FILTERS)[number];

/** One line of a dialog's file-type list; extensions lower case with the dot, `*` for any file. */
export interface DialogFilter {
  readonly name: string;
  readonly extensions: readonly string[];
}

const ALL_FILES: DialogFilter = { name: 'All files', extensions: ['*'] };

/**
 * The file types a dialog offers, first one selected: every readable file together, then (when
 * saving an export) one line per format. Electron's dialogs get these (without dots); the in-app
 * picker lists the files matching the first line.
 */
export function dialogFilters(filter: FileFilter): readonly DialogFilter[] {
  switch (filter) {
    case 'document':
      return [{ name: 'Zimu / subtitles', extensions: [PROJECT_EXTENSION, ...CAPTION_EXTENSIONS] }, ALL_FILES];
    case 'media':
      return [{ name: 'Media', extensions: MEDIA_EXTENSIONS }];
    case 'subtitle-export':
      return [
        { name: 'Subtitles', extensions: EXPORT_EXTENSIONS },
        ...FORMAT_TABLE.filter((f) => f.export).map((f) => ({ name: f.label, extensions: f.extensions })),
        ALL_FILES,
      ];
  }
}

/** The extensions the in-app picker shows for a filter: those of its first line. */
export function filterExtensions(filter: FileFilter): readonly string[] {
  return (dialogFilters(filter)[0] as DialogFilter).extensions;
}
