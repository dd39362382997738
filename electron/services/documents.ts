import { basename, extname } from 'node:path';
import { type FormatId, type FormatIssue, layoutText, type SerializeOptions } from '../../shared/formats/format';
import { ZimuError } from '../../shared/ipc/errors';
import { type HostWarning, msg, withPath } from '../../shared/ipc/messages';
import { createProject } from '../../shared/model/project';
import type { Project } from '../../shared/model/types';
import {
  type DecodedText,
  decodeBytes,
  decodeWith,
  encodeText,
  type ReadEncoding,
  unencodableCharacters,
  type WriteEncoding,
} from './encoding';
import { prepareForExport, type TextExportOptions } from './export-prepare';
import { readFileBytes } from './files';
import { detectFormat, formatById } from './formats/registry';

/** Something skipped or repaired while reading or writing, with its line (a host message). */
export type Warning = HostWarning;

export interface ImportedDocument {
  format: FormatId;
  encoding: ReadEncoding;
  /** 0..1, how sure the encoding detection is (1 for a BOM or valid UTF-8). */
  encodingConfidence: number;
  project: Project;
  warnings: Warning[];
}

export interface ImportOptions {
  /** Read with this encoding instead of detecting it ("reopen with encoding…"). */
  encoding?: ReadEncoding;
  /** Parse as this format instead of detecting it. */
  format?: FormatId;
  keepTags?: boolean;
}

/** An issue as a warning: the same message and line, without the severity. */
function toWarning({ severity: _, ...warning }: FormatIssue): Warning {
  return warning;
}

/** Decoded text → project, or a parse error naming the file and line when nothing could be read. */
export function importText(decoded: DecodedText, file: string, options: ImportOptions = {}): ImportedDocument {
  const detected = options.format ? formatById(options.format) : detectFormat(decoded.text, file)?.format;
  if (!detected) {
    const empty = decoded.text.trim() === '';
    throw new ZimuError('parse-error', msg(empty ? 'file-empty' : 'format-unknown'), { file });
  }
  const parsed = detected.parse(decoded.text, options.keepTags ? { keepTags: true } : {});
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (parsed.segments.length === 0 && errors.length > 0) {
    const first = errors[0] as FormatIssue;
    throw new ZimuError('parse-error', withPath(first), first.line === null ? { file } : { file, line: first.line });
  }
  const title = parsed.title ?? basename(file, extname(file));
  return {
    format: detected.id,
    encoding: decoded.encoding,
    encodingConfidence: decoded.confidence,
    project: createProject({ title, segments: parsed.segments }),
    warnings: parsed.issues.map(toWarning),
  };
}

/** Read, decode and parse a caption or transcript file. Never touches the open project. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportedDocument> {
  const bytes = await readFileBytes(path);
  if (bytes.length === 0) throw new ZimuError('parse-error', msg('file-empty'), { file: path });
  const decoded = options.encoding ? decodeWith(bytes, options.encoding) : decodeBytes(bytes, path);
  return importText(decoded, path, options);
}

export interface ExportOptions extends SerializeOptions, TextExportOptions {
  format: FormatId;
  encoding: WriteEncoding;
}

export interface ExportResult {
  bytes: Buffer;
  warnings: Warning[];
  /** Characters the chosen encoding cannot write (they would become '?'). */
  unencodable: string[];
  /** Segments the export carries (timed ones with text for the layout, or all for untimed formats). */
  cues: number;
}

/**
 * Serialise a project for export. Format errors (e.g. overlapping cues in BCC) refuse the export
 * rather than write a file players reject; the caller decides about lossy encodings. The script
 * and wrap options change the text first (export-prepare.ts).
 */
export function exportProject(original: Project, options: ExportOptions): ExportResult {
  const project = prepareForExport(original, options);
  const format = formatById(options.format);
  if (!format?.serialize) throw new ZimuError('unsupported', msg('export-unsupported', { format: options.format }));
  const { text, issues } = format.serialize(project, options);
  const errors = issues.filter((i) => i.severity === 'error');
  const [first, ...others] = errors;
  if (first) {
    const problem = withPath(first);
    const refused =
      others.length > 0
        ? msg('export-refused-more', { format: format.label, problem, more: others.length })
        : msg('export-refused', { format: format.label, problem });
    throw new ZimuError('invalid-argument', refused, { problems: errors.length });
  }
  const cues = project.segments.filter(
    (s) => layoutText(s.source, s.translation, options.layout) !== '' && (!format.timed || s.start !== null),
  ).length;
  return {
    cues,
    bytes: encodeText(text, options.encoding),
    warnings: issues.map(toWarning),
    unencodable: unencodableCharacters(text, options.encoding),
  };
}
