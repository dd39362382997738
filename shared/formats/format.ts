import type { HostWarning } from '../ipc/messages';
import type { SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import type { FormatId, Layout } from './table';

export type { FormatId, Layout } from './table';

/**
 * One caption format = one small module with this shape. Parsers receive decoded text (bytes and
 * encodings stay in electron/services), never throw on bad input, and report problems as issues
 * with 1-based line numbers (or a JSON path). Detection picks the best `sniff` score, not the first match.
 */

/**
 * A problem found while reading or writing: a host message (shared/ipc/messages.ts) with its line
 * (1-based, when it has one) and, for JSON formats, its path such as `body[3].from`.
 */
export type FormatIssue = HostWarning & { severity: 'error' | 'warning' };

export interface ParseOptions {
  /** Keep inline formatting tags (<i>, <b>, <font>, {\i1}) in the text instead of stripping them. */
  keepTags?: boolean;
}

export interface ParsedDocument {
  /** In file order. Times in integer ms, null for untimed formats. Lines joined with '\n'. */
  segments: SegmentInit[];
  issues: FormatIssue[];
  /** A title the file carries (ASS Title, a transcript's title line), if any. */
  title?: string;
}

export interface SerializeOptions {
  layout: Layout;
  lineEnding: 'lf' | 'crlf';
  /** ASS only: both languages in one event joined by \N with two styles, or one event per language. */
  assBilingual?: 'one-event' | 'two-events';
  /** Plain text only: the seed's paragraph style (，-joined phrases) or one segment per line. */
  textStyle?: 'paragraphs' | 'lines';
}

export interface SerializeResult {
  text: string;
  /** Things the output could not represent (e.g. untimed segments left out, overlaps refused). */
  issues: FormatIssue[];
}

/** One format module. id, label, extensions and timed come from its row of ./table.ts (formatInfo). */
export interface SubtitleFormat {
  id: FormatId;
  /** Human name for menus. */
  label: string;
  /** Lower-case, with the dot: ['.srt']. */
  extensions: readonly string[];
  /** Does the format carry times? Untimed formats import segments with start/end null. */
  timed: boolean;
  /** 0..1: how sure is it that `text` is in this format. Must be cheap: looks at the start of the text. */
  sniff(text: string): number;
  parse(text: string, options?: ParseOptions): ParsedDocument;
  /** Absent for import-only formats. */
  serialize?(project: Project, options: SerializeOptions): SerializeResult;
}

/** The cue text a layout asks for: two lines for bilingual layouts, empty sides left out. */
export function layoutText(source: string, translation: string, layout: Layout): string {
  const s = source.trim();
  const t = translation.trim();
  switch (layout) {
    case 'source':
      return s;
    case 'translation':
      return t;
    case 'bilingual':
      return [s, t].filter(Boolean).join('\n');
    case 'bilingual-translation-first':
      return [t, s].filter(Boolean).join('\n');
  }
}

export function applyLineEnding(text: string, lineEnding: SerializeOptions['lineEnding']): string {
  const lf = text.replace(/\r\n?/g, '\n');
  return lineEnding === 'crlf' ? lf.replace(/\n/g, '\r\n') : lf;
}

/** Split text into lines, accepting LF, CRLF and lone CR; strips a leading BOM. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/** The lines of a cue's text, each trimmed, empty ones dropped; LF, CRLF and lone CR end a line. */
export function trimmedLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** What `sniff` looks at: the first 4000 characters, without a BOM. */
export function sniffHead(text: string): string {
  return text.slice(0, 4000).replace(/^\uFEFF/, '');
}
