import { ZimuError } from '../ipc/errors';
import { msg } from '../ipc/messages';

/**
 * What a corrected text turned out to be. Detection, in order:
 * - 'tsv': the first non-empty line has a tab and names an `id` column and a text column (`text`,
 *   `source`, `translation`, 原文, 译文 …), as our TSV export or a spreadsheet writes it. Rows carry
 *   their id; an empty text cell means "unchanged". `\n`, `\t`, `\\` escapes and Excel's quoted
 *   cells are decoded.
 * - 'numbered': at least 80% of the non-empty lines start with a number (`12. text`, `12<TAB>text`,
 *   `12、text`, `12) text`); the number is the segment's 1-based position.
 * - 'paragraphs': the seed transcript's style (optional `# title` line; `，`-joined phrases in
 *   paragraphs separated by blank lines, or long comma-rich lines).
 * - 'lines': anything else: one segment per line.
 * Line endings are normalised to LF first; a leading BOM is dropped.
 */
export type CorrectedInput =
  | { readonly kind: 'tsv'; readonly rows: readonly IdRow[] }
  | { readonly kind: 'numbered'; readonly rows: readonly NumberedRow[] }
  | { readonly kind: 'paragraphs'; readonly title: string | null; readonly body: string }
  | { readonly kind: 'lines'; readonly lines: readonly string[] };

export interface IdRow {
  readonly id: string;
  /** null = empty cell = unchanged. */
  readonly text: string | null;
  /** 1-based line in the file. */
  readonly line: number;
}

export interface NumberedRow {
  readonly position: number;
  readonly text: string;
  readonly line: number;
}

export type CorrectedKind = CorrectedInput['kind'];

const NUMBERING = /^(\d{1,6})(?:\.(?!\d)|[、)）]|\t| )[ \t]*/;
const ID_HEADERS = new Set(['id', '#', 'no', 'index', '序号', '编号']);
const TEXT_HEADERS: Record<'text' | 'translation', ReadonlySet<string>> = {
  text: new Set(['text', 'source', 'subtitle', 'chinese', '原文', '字幕', '中文', '文本']),
  translation: new Set(['translation', 'english', 'target', '译文', '英文', '翻译']),
};

/** LF line endings, no BOM. */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

function unescapeCell(cell: string): string {
  let value = cell.trim();
  // Excel quotes a cell that holds a line break or a quote: "a ""b"" c".
  if (/^"(?:[^"]|"")*"$/s.test(value) && value.length >= 2) value = value.slice(1, -1).replace(/""/g, '"');
  return value.replace(/\\(\\|t|n|r)/g, (_, c: string) =>
    c === 't' ? '\t' : c === 'n' ? '\n' : c === 'r' ? '' : '\\',
  );
}

const headerKey = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_\-()（）]/g, '');

/** Split TSV lines into cells, joining lines inside Excel's quoted multi-line cells. */
function tsvRows(lines: readonly string[]): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  for (let k = 0; k < lines.length; k++) {
    let text = lines[k] as string;
    const line = k + 1;
    // An odd number of quotes means a quoted cell runs on to the next line.
    while ((text.match(/"/g)?.length ?? 0) % 2 === 1 && /(^|\t)"/.test(text) && k + 1 < lines.length) {
      k++;
      text += `\n${lines[k]}`;
    }
    if (text.trim() !== '') rows.push({ cells: text.split('\t'), line });
  }
  return rows;
}

function parseTsv(lines: readonly string[], field: 'text' | 'translation', file: string): CorrectedInput | null {
  const rows = tsvRows(lines);
  const header = rows[0];
  if (!header || header.cells.length < 2) return null;
  const keys = header.cells.map(headerKey);
  const idColumn = keys.findIndex((k) => ID_HEADERS.has(k));
  let textColumn = keys.findIndex((k) => TEXT_HEADERS[field].has(k));
  // A table with only one text column holds the corrected field whatever it is called.
  if (textColumn < 0) {
    const other = keys.findIndex((k) => TEXT_HEADERS[field === 'text' ? 'translation' : 'text'].has(k));
    const both = keys.some((k) => TEXT_HEADERS[field].has(k));
    if (!both) textColumn = other;
  }
  if (idColumn < 0 || textColumn < 0) return null;
  const out: IdRow[] = [];
  for (const row of rows.slice(1)) {
    const id = unescapeCell(row.cells[idColumn] ?? '');
    if (id === '') throw new ZimuError('parse-error', msg('correction-row-without-id'), { file, line: row.line });
    const cell = unescapeCell(row.cells[textColumn] ?? '');
    out.push({ id, text: cell === '' ? null : cell, line: row.line });
  }
  return { kind: 'tsv', rows: out };
}

function parseNumbered(lines: readonly string[]): CorrectedInput | null {
  const content = lines.map((text, k) => ({ text, line: k + 1 })).filter((l) => l.text.trim() !== '');
  const rows: NumberedRow[] = [];
  for (const l of content) {
    const m = NUMBERING.exec(l.text.trim());
    if (m) rows.push({ position: Number(m[1]), text: l.text.trim().slice(m[0].length).trim(), line: l.line });
  }
  if (rows.length < 2 || rows.length < 0.8 * content.length) return null;
  // Numbers must increase, or this is ordinary text that happens to start with numbers.
  if (rows.some((r, k) => k > 0 && r.position <= (rows[k - 1] as NumberedRow).position)) return null;
  return { kind: 'numbered', rows };
}

function looksLikeParagraphs(content: readonly { text: string; line: number }[]): boolean {
  if (content.length === 0) return false;
  const commas = content.reduce((sum, l) => sum + (l.text.split('，').length - 1), 0);
  const average = content.reduce((sum, l) => sum + l.text.length, 0) / content.length;
  if (commas / content.length >= 2 && average >= 30) return true;
  const adjacent = content.some((l, k) => k > 0 && (content[k - 1] as { line: number }).line === l.line - 1);
  return !adjacent && commas > 0;
}

/** Detect the shape of a decoded corrected text. `file` names it in errors. */
export function parseCorrectedText(raw: string, field: 'text' | 'translation', file: string): CorrectedInput {
  const text = normalizeText(raw);
  if (text.trim() === '') throw new ZimuError('parse-error', msg('correction-empty'), { file });
  const lines = text.split('\n');
  const firstContent = lines.find((l) => l.trim() !== '') ?? '';
  if (firstContent.includes('\t')) {
    const tsv = parseTsv(lines, field, file);
    if (tsv) return tsv;
  }
  const numbered = parseNumbered(lines);
  if (numbered) return numbered;

  let body = text;
  let title: string | null = null;
  const heading = /^\s*#{1,6}[ \t]+([^\n]*)(\n|$)/.exec(text);
  if (heading) {
    title = (heading[1] as string).trim();
    body = text.slice(heading[0].length);
  }
  const content = body
    .split('\n')
    .map((t, k) => ({ text: t.trim(), line: k + 1 }))
    .filter((l) => l.text !== '');
  if (title !== null || looksLikeParagraphs(content)) return { kind: 'paragraphs', title, body };
  const all = text.replace(/\n$/, '').split('\n');
  return { kind: 'lines', lines: all.map((l) => l.trim()) };
}
