import { basename, extname } from 'node:path';
import { type FormatId, type FormatIssue, layoutText, type SerializeOptions } from '../../shared/formats/format';
import { ZimuError } from '../../shared/ipc/errors';
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

export interface Warning {
  line: number | null;
  message: string;
}

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

function toWarning(issue: FormatIssue): Warning {
  return { line: issue.line, message: issue.path ? `${issue.path}: ${issue.message}` : issue.message };
}

/** Decoded text → project, or a parse error naming the file and line when nothing could be read. */
export function importText(decoded: DecodedText, file: string, options: ImportOptions = {}): ImportedDocument {
  const detected = options.format ? formatById(options.format) : detectFormat(decoded.text, file)?.format;
  if (!detected) {
    const empty = decoded.text.trim() === '';
    throw new ZimuError('parse-error', empty ? 'the file is empty' : 'not a subtitle or transcript format Zimu knows', {
      file,
    });
  }
  const parsed = detected.parse(decoded.text, options.keepTags ? { keepTags: true } : {});
  const errors = parsed.issues.filter((i) => i.severity === 'error');
  if (parsed.segments.length === 0 && errors.length > 0) {
    const first = errors[0] as FormatIssue;
    const message = first.path ? `${first.path}: ${first.message}` : first.message;
    throw new ZimuError('parse-error', message, first.line === null ? { file } : { file, line: first.line });
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
  if (bytes.length === 0) throw new ZimuError('parse-error', 'the file is empty', { file: path });
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
  if (!format?.serialize) throw new ZimuError('unsupported', `cannot export ${options.format}`);
  const { text, issues } = format.serialize(project, options);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    const list = errors
      .slice(0, 5)
      .map((e) => e.message)
      .join('; ');
    const more = errors.length > 5 ? ` (and ${errors.length - 5} more)` : '';
    throw new ZimuError('invalid-argument', `cannot export ${format.label}: ${list}${more}`, {
      problems: errors.length,
    });
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
