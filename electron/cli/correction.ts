import { promises as fs } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CORRECTION_FIELDS,
  CORRECTION_STYLES,
  type CorrectionField,
  exportCorrectionText,
} from '../../shared/correction/export-text';
import { EXPORT_FORMAT_IDS, exportFormatOfExtension } from '../../shared/formats/table';
import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import { PROJECT_EXTENSION, serializeProjectFile } from '../../shared/model/project-file';
import { applyReimport, summarize } from '../../shared/reimport/reimport';
import {
  batchReimport,
  type PairResult,
  pairsFromFolders,
  previewCorrection,
  readTimedDocument,
} from '../services/correction';
import { exportProject } from '../services/documents';
import { encodeText, WRITE_ENCODINGS, type WriteEncoding } from '../services/encoding';
import { readFileBytes, writeFileAtomic } from '../services/files';
import { saveProjectFile } from '../services/project-store';
import { formatInspectJson, inspectJson } from './inspect-json';
import type { CliIo } from './run';
import { UsageError } from './usage-error';

const FORMATS = [...EXPORT_FORMAT_IDS, 'json', 'zimu'] as const;

export const CORRECTION_USAGE = `  zimu reimport <timed-file> <corrected-text> [--field text|translation] [-o <out>] [--format ${FORMATS.join('|')}]
      put a corrected text (paragraphs, lines, numbered lines or TSV with ids) back onto the timed file's
      segments; writes to -o (format from --format, else -o's extension, else the timed file's) or stdout,
      and prints how many segments changed and how many were flagged for review
  zimu reimport --pairs <tsv> | --dir <timed-dir> --text-dir <text-dir>  [--out-dir <dir>] [--field …]
      many pairs (TSV rows: timed, text[, output]; folders: matched by base name); writes
      <name>.corrected<ext> next to each timed file (or into --out-dir) and prints one line per pair
  zimu export-text <file> [--style ${CORRECTION_STYLES.join('|')}] [--field text|translation] [-o <out>]
      [--encoding ${WRITE_ENCODINGS.join('|')}]   the text to send out for correction (default: paragraphs)`;

function choice<T extends string>(value: unknown, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag}: expected ${allowed.join('|')}, got '${String(value)}'`);
  return value as T;
}

/** One line per pair: what changed, what needs review, where it went. */
function pairLine(r: PairResult): string {
  if (r.error) return `${r.timed}\tfailed: ${r.error}`;
  return `${r.timed}\t${r.changed} changed\t${r.flagged} flagged\t${r.output}`;
}

/** `--pairs` file: `timed<TAB>text[<TAB>output]` per line, paths relative to the file; `#` comments. */
async function readPairs(file: string): Promise<{ timed: string; text: string; output?: string }[]> {
  const base = dirname(file);
  const at = (p: string) => (isAbsolute(p) ? p : join(base, p));
  const text = (await readFileBytes(file)).toString('utf8').replace(/^\uFEFF/, '');
  const pairs: { timed: string; text: string; output?: string }[] = [];
  text.split(/\r?\n/).forEach((line, k) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const [timed, corrected, output] = line.split('\t').map((c) => c.trim());
    if (!timed || !corrected) throw new ZimuError('parse-error', msg('correction-pairs-line'), { file, line: k + 1 });
    pairs.push({ timed: at(timed), text: at(corrected), ...(output ? { output: at(output) } : {}) });
  });
  return pairs;
}

export async function reimportCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      field: { type: 'string' },
      output: { type: 'string', short: 'o' },
      format: { type: 'string' },
      pairs: { type: 'string' },
      dir: { type: 'string' },
      'text-dir': { type: 'string' },
      'out-dir': { type: 'string' },
    },
  });
  const field: CorrectionField = choice(values.field, CORRECTION_FIELDS, '--field', 'text');
  const batch = values.pairs !== undefined || values.dir !== undefined || values['text-dir'] !== undefined;
  if (batch) {
    if (positionals.length > 0 || values.output) throw new UsageError('--pairs/--dir take no file arguments and no -o');
    let pairs: { timed: string; text: string; output?: string }[];
    if (values.pairs) pairs = await readPairs(resolve(values.pairs));
    else {
      if (!values.dir || !values['text-dir']) throw new UsageError('--dir needs --text-dir (and the other way round)');
      const found = await pairsFromFolders(resolve(values.dir), resolve(values['text-dir']));
      for (const file of found.unmatched) io.stderr(`zimu: ${file}: no corrected text with the same name`);
      pairs = found.pairs;
    }
    const outDir = values['out-dir'] ? resolve(values['out-dir']) : undefined;
    if (outDir) await fs.mkdir(outDir, { recursive: true });
    const results = await batchReimport(pairs, field, outDir);
    for (const r of results) io.stdout(`${pairLine(r)}\n`);
    if (results.some((r) => r.error))
      throw new ZimuError(
        'invalid-argument',
        msg('correction-pairs-failed', { failed: results.filter((r) => r.error).length, total: results.length }),
      );
    return;
  }
  if (positionals.length !== 2) throw new UsageError('reimport takes a timed file and a corrected text');
  const [timed, text] = positionals.map((p) => resolve(p)) as [string, string];
  const format = values.format === undefined ? undefined : choice(values.format, FORMATS, '--format', 'zimu');
  const doc = await readTimedDocument(timed);
  const { proposal } = await previewCorrection(doc.project, text, field);
  const project = applyReimport(doc.project, proposal);
  const { changed, flagged } = summarize(proposal);
  const output = values.output ? resolve(values.output) : null;
  const target = format ?? (output ? formatOfExtension(output) : null) ?? doc.format;
  const summary = `${timed}\t${changed} changed\t${flagged} flagged\t${output ?? '-'}`;

  if (output && target === 'zimu') await saveProjectFile(output, project);
  else {
    let bytes: Uint8Array;
    if (target === 'json')
      bytes = Buffer.from(formatInspectJson(inspectJson(doc.format, doc.encoding, project, doc.warnings)));
    else if (target === 'zimu') bytes = Buffer.from(serializeProjectFile(project));
    else {
      bytes = exportProject(project, {
        format: target,
        layout: 'bilingual',
        encoding: 'utf8',
        lineEnding: 'lf',
      }).bytes;
    }
    if (!output) {
      io.stdout(bytes);
      io.stderr(`zimu: ${summary.replace(/\t/g, ' ')}`);
      return;
    }
    await writeFileAtomic(output, bytes);
  }
  io.stdout(`${summary}\n`);
}

/** The format that writes files named like `path` (.zimu → zimu), or null. */
function formatOfExtension(path: string): (typeof FORMATS)[number] | null {
  const ext = extname(path).toLowerCase();
  if (ext === PROJECT_EXTENSION) return 'zimu';
  return exportFormatOfExtension(ext);
}

export async function exportTextCommand(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      style: { type: 'string' },
      field: { type: 'string' },
      output: { type: 'string', short: 'o' },
      encoding: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('export-text takes one file');
  const style = choice(values.style, CORRECTION_STYLES, '--style', 'paragraphs');
  const field = choice(values.field, CORRECTION_FIELDS, '--field', 'text');
  const encoding: WriteEncoding = choice(values.encoding, WRITE_ENCODINGS, '--encoding', 'utf8');
  const doc = await readTimedDocument(resolve(positionals[0] as string));
  const bytes = encodeText(exportCorrectionText(doc.project, style, field), encoding);
  if (values.output) {
    await writeFileAtomic(resolve(values.output), bytes);
    io.stderr(`zimu: wrote ${values.output}`);
  } else io.stdout(bytes);
}
