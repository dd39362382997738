import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import type { TermPair } from '../../shared/translate/prompt';
import { readFileBytes } from '../services/files';
import { decodeText } from '../services/text-decode';

/**
 * `--glossary terms.csv`: two columns, source and target, RFC 4180 quoting, an optional header
 * row (source,target). Stopgap until the glossary module's reader (shared/glossary) is merged in.
 */
export function parseGlossaryCsv(text: string, file: string): TermPair[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === ',' || ch === '\t') {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell.trim());
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (quoted) throw new ZimuError('parse-error', msg('glossary-pairs-unclosed-quote'), { file, line: rowLine });
  if (cell !== '' || cells.length > 0) {
    cells.push(cell.trim());
    rows.push({ cells, line: rowLine });
  }
  const pairs: TermPair[] = [];
  for (const [k, row] of rows.entries()) {
    if (row.cells.every((c) => c === '')) continue;
    const [source = '', target = ''] = row.cells;
    if (k === 0 && /^(source|term|原文|术语)$/i.test(source) && /^(target|translation|译文|英文)$/i.test(target))
      continue;
    if (source === '' || target === '') {
      throw new ZimuError('parse-error', msg('glossary-pairs-two-columns'), { file, line: row.line });
    }
    pairs.push({ source, target });
  }
  return pairs;
}

export async function readGlossaryCsv(path: string): Promise<TermPair[]> {
  return parseGlossaryCsv(decodeText(await readFileBytes(path), path), path);
}
