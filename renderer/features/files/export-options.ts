import { EXPORT_EXTENSIONS, exportExtension, FORMAT_TABLE } from '../../../shared/formats/table';
import {
  type CallArgs,
  ExportFormatSchema,
  LayoutSchema,
  type OpenedDocument,
  ReadEncodingSchema,
  WriteEncodingSchema,
} from '../../../shared/ipc/contract';

type ExportArgs = CallArgs<'project.export'>;

export type ExportFormat = ExportArgs['format'];
export type ExportLayout = ExportArgs['layout'];
export type WriteEncoding = NonNullable<ExportArgs['encoding']>;
export type LineEnding = NonNullable<ExportArgs['lineEnding']>;
export type AssBilingual = NonNullable<ExportArgs['assBilingual']>;
export type TextStyle = NonNullable<ExportArgs['textStyle']>;
export type ReadEncoding = NonNullable<OpenedDocument['encoding']>;

/** Everything the export dialog asks; sent as is to project.exportCheck and project.export. */
export interface ExportOptions {
  format: ExportFormat;
  layout: ExportLayout;
  encoding: WriteEncoding;
  lineEnding: LineEnding;
  assBilingual: AssBilingual;
  textStyle: TextStyle;
}

/** The contract's lists (from the format table), in its order: a format added there shows up in the dialog. */
export const EXPORT_FORMATS: readonly ExportFormat[] = ExportFormatSchema.options;
export const LAYOUTS: readonly ExportLayout[] = LayoutSchema.options;
export const WRITE_ENCODINGS: readonly WriteEncoding[] = WriteEncodingSchema.options;
export const READ_ENCODINGS: readonly ReadEncoding[] = ReadEncodingSchema.options;
export const LINE_ENDINGS: readonly LineEnding[] = ['lf', 'crlf'];
export const ASS_BILINGUAL: readonly AssBilingual[] = ['one-event', 'two-events'];
export const TEXT_STYLES: readonly TextStyle[] = ['paragraphs', 'lines'];

/**
 * The extension each format is written with (first) and the others a user may name its file with
 * (a BCC file is often saved as .json): the format table's (shared/formats/table.ts).
 */
export const FORMAT_EXTENSIONS: Record<ExportFormat, readonly [string, ...string[]]> = Object.fromEntries(
  FORMAT_TABLE.filter((f) => f.export).map((f) => [f.id, f.extensions]),
) as unknown as Record<ExportFormat, readonly [string, ...string[]]>;

export function formatExtension(format: ExportFormat): string {
  return exportExtension(format);
}

/** Every extension an export may be written with, for the in-app picker's filter. */
export { EXPORT_EXTENSIONS };

/** Encoding names as people know them; the same in every language. */
export const READ_ENCODING_NAMES: Record<ReadEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030',
  big5: 'Big5',
  shift_jis: 'Shift_JIS',
  'euc-kr': 'EUC-KR',
  'windows-1252': 'Windows-1252',
};

/** Write encodings that can lose characters (the check lists which). */
export const LOSSY_ENCODINGS: ReadonlySet<WriteEncoding> = new Set<WriteEncoding>(['gbk', 'big5']);

/** Below this, the detected encoding is shown as uncertain. */
export const LOW_ENCODING_CONFIDENCE = 0.6;

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  format: 'srt',
  layout: 'bilingual',
  encoding: 'utf8',
  lineEnding: 'lf',
  assBilingual: 'one-event',
  textStyle: 'lines',
};

/** The minimal storage the remembered options need (localStorage in the app; a Map in tests). */
export interface OptionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const EXPORT_OPTIONS_KEY = 'zimu.exportOptions';

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** The options of the last export; each unreadable or outdated field falls back to its default. */
export function loadExportOptions(storage: OptionStorage | null): ExportOptions {
  let saved: Record<string, unknown> = {};
  try {
    const raw = storage?.getItem(EXPORT_OPTIONS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object') saved = parsed as Record<string, unknown>;
  } catch {
    // A damaged entry (or storage the browser refuses) just means the defaults.
  }
  const d = DEFAULT_EXPORT_OPTIONS;
  return {
    format: pick(saved.format, EXPORT_FORMATS, d.format),
    layout: pick(saved.layout, LAYOUTS, d.layout),
    encoding: pick(saved.encoding, WRITE_ENCODINGS, d.encoding),
    lineEnding: pick(saved.lineEnding, LINE_ENDINGS, d.lineEnding),
    assBilingual: pick(saved.assBilingual, ASS_BILINGUAL, d.assBilingual),
    textStyle: pick(saved.textStyle, TEXT_STYLES, d.textStyle),
  };
}

export function saveExportOptions(storage: OptionStorage | null, options: ExportOptions): void {
  try {
    storage?.setItem(EXPORT_OPTIONS_KEY, JSON.stringify(options));
  } catch {
    // Remembering is a convenience; a full or disabled storage must not fail the export.
  }
}
