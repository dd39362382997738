import { type HostMessage, type HostWarning, hostWarning, msg } from '../ipc/messages';
import type { Glossary, GlossaryEntry, GlossaryKind } from './model';

/**
 * Glossary CSV, RFC 4180 (quoted fields with commas, doubled quotes and line breaks; CRLF or LF; a
 * UTF-8 BOM is ignored). Columns `kind,source,target,note` in any order when a header names them;
 * without a header, `source,target[,note]` rows are term pairs, and a first column `term` or
 * `asr-fix` gives the kind. Spreadsheet headers in Chinese (类型, 原文, 译文, 备注) are understood.
 */
/** A row skipped or read with a problem: a warning (shared/ipc/messages.ts) on the 1-based line where the row starts. */
export type GlossaryCsvProblem = HostWarning & { readonly line: number };

const problem = (line: number, message: HostMessage): GlossaryCsvProblem => ({ ...hostWarning(line, message), line });

export interface GlossaryCsvRead {
  readonly glossary: Glossary;
  readonly problems: readonly GlossaryCsvProblem[];
}

interface CsvRow {
  readonly line: number;
  readonly cells: string[];
}

/** RFC 4180 rows with the line each starts on. A quote never closed is reported and read to the end. */
export function parseCsvRows(text: string): { rows: CsvRow[]; problems: GlossaryCsvProblem[] } {
  const t = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  const problems: GlossaryCsvProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < t.length) {
    const row: CsvRow = { line, cells: [] };
    for (;;) {
      let cell = '';
      if (t[i] === '"') {
        const opened = line;
        i++;
        for (;;) {
          if (i >= t.length) {
            problems.push(problem(opened, msg('glossary-csv-unclosed-quote')));
            break;
          }
          const ch = t[i] as string;
          if (ch === '"') {
            if (t[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        // Text after the closing quote (not RFC 4180): kept, so nothing typed is lost.
        while (i < t.length && t[i] !== ',' && t[i] !== '\n' && t[i] !== '\r') cell += t[i++];
      } else {
        while (i < t.length && t[i] !== ',' && t[i] !== '\n' && t[i] !== '\r') cell += t[i++];
      }
      row.cells.push(cell.replace(/\r\n?/g, '\n'));
      if (t[i] === ',') {
        i++;
        continue;
      }
      if (t[i] === '\r') i++;
      if (t[i] === '\n') i++;
      line++;
      break;
    }
    if (row.cells.some((c) => c.trim() !== '')) rows.push(row);
  }
  return { rows, problems };
}

const HEADERS: Readonly<Record<string, keyof GlossaryEntry>> = {
  kind: 'kind',
  type: 'kind',
  类型: 'kind',
  source: 'source',
  term: 'source',
  wrong: 'source',
  chinese: 'source',
  原文: 'source',
  中文: 'source',
  target: 'target',
  translation: 'target',
  right: 'target',
  english: 'target',
  译文: 'target',
  英文: 'target',
  note: 'note',
  notes: 'note',
  comment: 'note',
  备注: 'note',
};

function kindOf(value: string): GlossaryKind | null {
  const v = value.trim().toLowerCase().replace(/[\s_]/g, '-');
  if (v === 'term' || v === '术语') return 'term';
  if (v === 'asr-fix' || v === 'asr' || v === 'fix' || v === '纠错') return 'asr-fix';
  return null;
}

export function parseGlossaryCsv(text: string): GlossaryCsvRead {
  const { rows, problems } = parseCsvRows(text);
  const entries: GlossaryEntry[] = [];
  const first = rows[0];
  const header = first?.cells.map((c) => HEADERS[c.trim().toLowerCase()]);
  const hasHeader = header?.includes('source') === true && header.includes('target');
  for (const row of hasHeader ? rows.slice(1) : rows) {
    let cells: Partial<Record<keyof GlossaryEntry, string>>;
    if (hasHeader) {
      cells = {};
      row.cells.forEach((c, i) => {
        const field = header?.[i];
        if (field) cells[field] = c;
      });
    } else if (row.cells.length >= 3 && kindOf(row.cells[0] as string) !== null) {
      cells = { kind: row.cells[0], source: row.cells[1], target: row.cells[2], note: row.cells[3] };
    } else {
      cells = { source: row.cells[0], target: row.cells[1], note: row.cells[2] };
    }
    const kind = cells.kind === undefined || cells.kind.trim() === '' ? 'term' : kindOf(cells.kind);
    const source = (cells.source ?? '').trim();
    const target = (cells.target ?? '').trim();
    if (kind === null) {
      problems.push(problem(row.line, msg('glossary-csv-unknown-kind', { kind: cells.kind ?? '' })));
      continue;
    }
    if (source === '') {
      problems.push(problem(row.line, msg('glossary-csv-no-source')));
      continue;
    }
    const note = cells.note?.trim();
    entries.push({ kind, source, target, ...(note ? { note } : {}) });
  }
  return { glossary: { entries }, problems: problems.sort((a, b) => a.line - b.line) };
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV with a header row, CRLF line ends (RFC 4180), no BOM (callers add one for Excel if they wish). */
export function serializeGlossaryCsv(glossary: Glossary): string {
  const rows = [
    ['kind', 'source', 'target', 'note'],
    ...glossary.entries.map((e) => [e.kind, e.source, e.target, e.note ?? '']),
  ];
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
