import { type HostMessage, msg } from '../ipc/messages';
import type { SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { splitBilingual } from '../text/script';
import { formatTimestamp, parseTimestamp } from '../time/timestamp';
import {
  type FormatIssue,
  type ParsedDocument,
  type SerializeOptions,
  type SerializeResult,
  type SubtitleFormat,
  sniffHead,
} from './format';
import { capIssues, failed, warning } from './issues';
import { safeParse, safeSniff } from './safe';
import { formatInfo } from './table';

/**
 * Spreadsheet tables: TSV (tab-separated) and CSV (comma, or semicolon as Excel writes it in
 * locales with a decimal comma).
 *
 * Reading
 * - The first non-empty row is a header; columns are found by name, case-insensitively and in any
 *   order (spaces, `_`, `-` and brackets are ignored: `Start Time`, `start_ms`, `Start (ms)`):
 *   id/#/index/no/序号 (read and ignored: segments get fresh ids), start/开始/开始时间,
 *   end/结束/结束时间, start_ms/end_ms (integer milliseconds), text/source/原文/字幕/中文,
 *   translation/译文/english/英文/翻译, speaker/说话人, note/备注. Other columns are ignored (one
 *   warning names them). Without a text or translation column the file is refused with one error.
 * - Times: `h:mm:ss.mmm`, `hh:mm:ss,mmm`, `mm:ss.mmm` (what Excel makes of a time cell), `mm:ss`, or
 *   plain seconds (`12.5`, also `12,5`); integers in `*_ms` columns. Both cells empty → untimed.
 * - A row with a bad time (or only one of its two times) is KEPT, untimed and flagged
 *   'needs-timing', with a warning naming the row's line: the text is the valuable part. An end
 *   before the start is set to the start (warning).
 * - Without a translation column, a text cell holding Chinese lines then English lines (or the
 *   reverse) is split with `splitBilingual`.
 * - Cells are trimmed; rows whose cells are all empty are skipped; extra cells beyond the header
 *   are reported (usually an unquoted comma in the text).
 * - A UTF-8 BOM and LF/CRLF/CR line endings are accepted. Issues carry the 1-based line where the
 *   row (or the cell) begins, counting the lines inside quoted multi-line cells.
 * - CSV: RFC 4180 quoting (delimiters, doubled quotes and line breaks inside quotes; spaces before
 *   an opening quote are allowed). The delimiter, `,` or `;`, is chosen from the header row; an
 *   Excel `sep=;` first line is honoured. A malformed quoted cell (text after the closing quote, or
 *   a quote never closed) is read as written up to the next delimiter, with a warning.
 * - TSV: no quoting by default; escapes `\n` (line break), `\t` (tab), `\\` (backslash) are decoded
 *   in every cell (`\r` is dropped). A cell that is a well-formed quoted field (as Excel copies
 *   multi-line cells) is unquoted; any other `"` is literal text, so `"你好"他说` stays as it is.
 *
 * Writing: a header `id, start, end, text, translation` and one row per segment: the segment id,
 * times as `h:mm:ss.mmm` (empty when untimed), the source and the translation. Both text columns
 * are always written, whatever the layout: a table is for editing both sides, and the layout's
 * other choices (order, one language) would only lose text. CSV quotes cells that need it (RFC
 * 4180) and keeps line breaks inside cells as LF; TSV writes line breaks, tabs and backslashes as
 * the escapes above and quotes only a cell that begins with `"`. Rows end with the chosen line ending.
 */

type Column = 'id' | 'start' | 'end' | 'startMs' | 'endMs' | 'text' | 'translation' | 'speaker' | 'note';

const HEADER_NAMES: Readonly<Record<string, Column>> = {
  id: 'id',
  '#': 'id',
  index: 'id',
  no: 'id',
  'no.': 'id',
  number: 'id',
  序号: 'id',
  编号: 'id',
  start: 'start',
  starttime: 'start',
  begin: 'start',
  开始: 'start',
  开始时间: 'start',
  起始时间: 'start',
  startms: 'startMs',
  end: 'end',
  endtime: 'end',
  结束: 'end',
  结束时间: 'end',
  endms: 'endMs',
  text: 'text',
  source: 'text',
  subtitle: 'text',
  chinese: 'text',
  原文: 'text',
  字幕: 'text',
  中文: 'text',
  文本: 'text',
  translation: 'translation',
  english: 'translation',
  target: 'translation',
  译文: 'translation',
  英文: 'translation',
  翻译: 'translation',
  speaker: 'speaker',
  说话人: 'speaker',
  note: 'note',
  notes: 'note',
  comment: 'note',
  备注: 'note',
};

function columnOf(name: string): Column | undefined {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '');
  return Object.hasOwn(HEADER_NAMES, key) ? HEADER_NAMES[key] : undefined;
}

// ---- tokenizing ----------------------------------------------------------------------------------

interface Cell {
  value: string;
  /** 1-based line where the cell begins. */
  line: number;
}

interface Row {
  line: number;
  cells: Cell[];
}

type Dialect = 'csv' | 'tsv';

/**
 * Split text into rows of cells. Quoted cells (RFC 4180) may hold delimiters, `""` and line breaks;
 * a malformed quoted cell is read as written up to the next delimiter or line end (and reported for
 * CSV, where quotes are syntax; in TSV a stray quote is ordinary text).
 */
function tokenize(t: string, delimiter: string, dialect: Dialect, issues: FormatIssue[]): Row[] {
  const rows: Row[] = [];
  const n = t.length;
  let i = 0;
  let line = 1;
  const isEnd = (k: number) => k >= n || t[k] === delimiter || t[k] === '\n' || t[k] === '\r';
  const literalEnd = (k: number) => {
    while (!isEnd(k)) k++;
    return k;
  };
  while (i < n) {
    const row: Row = { line, cells: [] };
    rows.push(row);
    for (;;) {
      const cellLine = line;
      let j = i;
      if (dialect === 'csv') while (t[j] === ' ' || (t[j] === '\t' && delimiter !== '\t')) j++;
      let value: string | null = null;
      if (t[j] === '"') {
        // A quoted cell: find the closing quote, counting the lines inside.
        let k = j + 1;
        let text = '';
        let lines = 0;
        for (;;) {
          const q = t.indexOf('"', k);
          if (q < 0) break; // never closed
          const chunk = t.slice(k, q);
          lines += chunk.match(/\r\n|\r|\n/g)?.length ?? 0;
          if (t[q + 1] === '"') {
            text += `${chunk}"`;
            k = q + 2;
            continue;
          }
          let after = q + 1;
          if (dialect === 'csv') while (t[after] === ' ' || (t[after] === '\t' && delimiter !== '\t')) after++;
          if (isEnd(after)) {
            value = text + chunk;
            i = after;
            line += lines;
          }
          break;
        }
        if (value === null && dialect === 'csv') {
          issues.push(warning(cellLine, msg('table-bad-quotes')));
        }
      }
      if (value === null) {
        const end = literalEnd(i);
        value = t.slice(i, end);
        i = end;
      }
      row.cells.push({ value: value.replace(/\r\n?/g, '\n'), line: cellLine });
      if (i < n && t[i] === delimiter) {
        i++;
        continue;
      }
      if (t[i] === '\r') i++;
      if (t[i] === '\n') i++;
      line++;
      break;
    }
  }
  return rows;
}

function unescapeTsv(value: string): string {
  return value.replace(/\\([\\nrt])/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '' : '\\'));
}

// ---- reading -------------------------------------------------------------------------------------

function parseTime(cell: string, milliseconds: boolean): number | null | 'bad' {
  if (cell === '') return null;
  let ms: number | null = null;
  if (milliseconds) ms = /^\d+(\.\d+)?$/.test(cell) ? Math.round(Number(cell)) : null;
  else if (/^\d+([.,]\d+)?$/.test(cell)) ms = Math.round(Number(cell.replace(',', '.')) * 1000);
  else ms = parseTimestamp(cell);
  return ms !== null && Number.isSafeInteger(ms) ? ms : 'bad';
}

/** The delimiter that makes the header row a table we know (the first candidate when none does). */
function detectDelimiter(firstLine: string, candidates: readonly string[]): { delimiter: string; score: number } {
  let best = { delimiter: candidates[0] as string, score: 0 };
  for (const delimiter of candidates) {
    const row = tokenize(firstLine, delimiter, 'csv', [])[0];
    const score = row ? headerScore(row.cells.map((c) => c.value)) : 0;
    if (score > best.score) best = { delimiter, score };
  }
  return best;
}

function headerScore(names: readonly string[]): number {
  if (names.length < 2) return names.length === 1 && columnOf(names[0] ?? '') === 'text' ? 0.3 : 0;
  const columns = names.map(columnOf);
  const known = columns.filter(Boolean).length;
  const hasText = columns.includes('text') || columns.includes('translation');
  const hasTime = columns.some((c) => c === 'start' || c === 'end' || c === 'startMs' || c === 'endMs');
  if (!hasText) return known > 0 ? 0.15 : 0;
  if (known >= 3 && hasTime && known / names.length >= 0.5) return 0.95;
  if (known >= 2 && known / names.length >= 0.5) return 0.85;
  return 0.4;
}

function parseDelimited(input: string, dialect: Dialect): ParsedDocument {
  let text = input.replace(/^\uFEFF/, '');
  const issues: FormatIssue[] = [];
  if (text.trim() === '') return failed(msg('file-empty'));

  let lineOffset = 0;
  let delimiter = '\t';
  if (dialect === 'csv') {
    const sep = /^sep=(.)[ \t]*(\r\n|\r|\n|$)/i.exec(text);
    if (sep) {
      delimiter = sep[1] as string;
      text = text.slice(sep[0].length);
      lineOffset = 1;
    } else {
      const first = /^(?:[ \t]*(?:\r\n|\r|\n))*([^\r\n]*)/.exec(text)?.[1] ?? '';
      delimiter = detectDelimiter(first, [',', ';']).delimiter;
    }
  }

  const rows = tokenize(text, delimiter, dialect, issues);
  for (const row of rows) {
    row.line += lineOffset;
    for (const cell of row.cells) {
      cell.line += lineOffset;
      cell.value = (dialect === 'tsv' ? unescapeTsv(cell.value) : cell.value).trim();
    }
  }
  for (const issue of issues) if (issue.line !== null) issue.line += lineOffset;
  const isBlank = (row: Row) => row.cells.every((c) => c.value === '');
  const headerIndex = rows.findIndex((r) => !isBlank(r));
  const header = rows[headerIndex];
  if (!header) return failed(msg('file-empty'));

  const columns = new Map<Column, number>();
  const ignored: string[] = [];
  header.cells.forEach((cell, index) => {
    const column = columnOf(cell.value);
    if (column === undefined || columns.has(column)) {
      if (cell.value !== '') ignored.push(cell.value);
    } else columns.set(column, index);
  });
  if (!columns.has('text') && !columns.has('translation')) {
    return failed(msg('table-no-text-column', { kind: dialect === 'tsv' ? 'TSV' : 'CSV' }), header.line);
  }
  if (ignored.length) {
    issues.push(
      warning(header.line, msg('table-unused-columns', { columns: ignored.map((c) => `"${c}"`).join(', ') })),
    );
  }
  const startColumn = columns.has('start') ? 'start' : columns.has('startMs') ? 'startMs' : null;
  const endColumn = columns.has('end') ? 'end' : columns.has('endMs') ? 'endMs' : null;
  const splitTexts = !columns.has('translation');

  const segments: SegmentInit[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (isBlank(row)) continue;
    const cell = (column: Column | null): Cell | undefined => {
      const index = column === null ? undefined : columns.get(column);
      return index === undefined ? undefined : row.cells[index];
    };
    const warn = (line: number, message: HostMessage) => issues.push(warning(line, message));
    if (row.cells.length > header.cells.length && row.cells.slice(header.cells.length).some((c) => c.value !== '')) {
      const counts = { cells: row.cells.length, header: header.cells.length };
      warn(row.line, msg(dialect === 'csv' ? 'table-extra-cells-csv' : 'table-extra-cells', counts));
    }
    const startCell = cell(startColumn);
    const endCell = cell(endColumn);
    const source = cell('text')?.value ?? '';
    const translation = cell('translation')?.value ?? '';
    const startText = startCell?.value ?? '';
    const endText = endCell?.value ?? '';
    if (source === '' && translation === '' && startText === '' && endText === '') continue;

    let start = parseTime(startText, startColumn === 'startMs');
    let end = parseTime(endText, endColumn === 'endMs');
    if (start === 'bad' || end === 'bad') {
      const bad = start === 'bad' ? startCell : endCell;
      const value = bad?.value ?? '';
      warn(bad?.line ?? row.line, msg(start === 'bad' ? 'table-bad-start' : 'table-bad-end', { value }));
      start = end = null;
    } else if ((start === null) !== (end === null)) {
      warn(row.line, msg('table-one-time'));
      start = end = null;
    } else if (start !== null && end !== null && end < start) {
      warn(endCell?.line ?? row.line, msg('time-end-before-start'));
      end = start;
    }
    const texts = splitTexts ? splitBilingual(source) : { source, translation };
    const speaker = cell('speaker')?.value ?? '';
    const note = cell('note')?.value ?? '';
    segments.push({
      start,
      end,
      ...texts,
      flags: start === null ? ['needs-timing'] : [],
      ...(speaker ? { speaker } : {}),
      ...(note ? { note } : {}),
    });
  }
  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0)); // stable: a row's problems keep their order
  return { segments, issues: capIssues(issues) };
}

// ---- sniffing ------------------------------------------------------------------------------------

function firstLine(text: string): string {
  return /^(?:[ \t]*(?:\r\n|\r|\n))*([^\r\n]*)/.exec(sniffHead(text))?.[1] ?? '';
}

function looksLikeOtherFormat(line: string): boolean {
  // [Script Info], {"json": …}, WEBVTT, `Format: Layer, Start, End…` in ASS, `Dialogue:`…
  return /^\s*[[{]/.test(line) || /^WEBVTT/.test(line) || /^\s*[A-Za-z]+:\s/.test(line);
}

function sniffTsv(text: string): number {
  const line = firstLine(text);
  if (!line.includes('\t') || looksLikeOtherFormat(line)) return 0;
  return headerScore(line.split('\t').map((c) => c.replace(/^\s*"(.*)"\s*$/, '$1')));
}

function sniffCsv(text: string): number {
  const line = firstLine(text);
  const sep = /^sep=([,;])\s*$/i.exec(line);
  if (sep) return 0.9;
  if (looksLikeOtherFormat(line)) return 0;
  if (line.includes('\t') && headerScore(line.split('\t')) >= 0.4) return 0.1; // a TSV
  return detectDelimiter(line, [',', ';']).score;
}

// ---- writing -------------------------------------------------------------------------------------

function csvCell(value: string): string {
  const v = value.replace(/\r\n?/g, '\n');
  return /[",;\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function tsvCell(value: string): string {
  const v = value.replace(/\r\n?/g, '\n').replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return v.startsWith('"') ? `"${v.replace(/"/g, '""')}"` : v;
}

function serializeDelimited(project: Project, options: SerializeOptions, dialect: Dialect): SerializeResult {
  const eol = options.lineEnding === 'crlf' ? '\r\n' : '\n';
  const [delimiter, cell] = dialect === 'tsv' ? ['\t', tsvCell] : [',', csvCell];
  const time = (ms: number | null) => (ms === null ? '' : formatTimestamp(ms));
  const rows = [
    ['id', 'start', 'end', 'text', 'translation'],
    ...project.segments.map((s) => [s.id, time(s.start), time(s.end), s.source, s.translation]),
  ];
  const text = rows.map((r) => r.map(cell).join(delimiter)).join(eol) + eol;
  return { text, issues: [] };
}

// ---- the two formats -----------------------------------------------------------------------------

export const tsvFormat: SubtitleFormat = {
  ...formatInfo('tsv'),
  sniff: safeSniff(sniffTsv),
  parse: safeParse('TSV', (text) => parseDelimited(text, 'tsv')),
  serialize: (project, options) => serializeDelimited(project, options, 'tsv'),
};

export const csvFormat: SubtitleFormat = {
  ...formatInfo('csv'),
  sniff: safeSniff(sniffCsv),
  parse: safeParse('CSV', (text) => parseDelimited(text, 'csv')),
  serialize: (project, options) => serializeDelimited(project, options, 'csv'),
};
