import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { type CorrectionField, type CorrectionStyle, exportCorrectionText } from '../../shared/correction/export-text';
import { type ExportFormatId, exportFormatOfExtension } from '../../shared/formats/table';
import { describeError, errorMessage, ZimuError } from '../../shared/ipc/errors';
import { type HostMessage, msg } from '../../shared/ipc/messages';
import { PROJECT_EXTENSION } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { applyReimport, proposeReimport, type ReimportProposal, summarize } from '../../shared/reimport/reimport';
import { exportProject, type ImportedDocument, importFile } from './documents';
import { decodeBytes, encodeText, type WriteEncoding } from './encoding';
import { readFileBytes, writeFileAtomic } from './files';
import { loadProjectFile, saveProjectFile } from './project-store';

/**
 * Correction round trips on files: export a text for correction, read a corrected text back
 * (UTF-8, UTF-16 with BOM, GB18030… detected as any text file) and propose or apply its changes,
 * one pair of files or many. The logic is in shared/correction and shared/reimport.
 */

/** Write the correction text of `project`; returns the number of segments it carries. */
export async function exportCorrection(
  project: Project,
  path: string,
  style: CorrectionStyle,
  field: CorrectionField,
  encoding: WriteEncoding = 'utf8',
): Promise<{ path: string; segments: number }> {
  const text = exportCorrectionText(project, style, field);
  await writeFileAtomic(path, encodeText(text, encoding));
  return { path, segments: project.segments.length };
}

/** Decode a corrected text file and propose its changes to `project`. */
export async function previewCorrection(project: Project, path: string, field: CorrectionField) {
  const bytes = await readFileBytes(path);
  if (bytes.length === 0) throw new ZimuError('parse-error', msg('correction-empty'), { file: path });
  const decoded = decodeBytes(bytes, path);
  return { proposal: proposeReimport(project, decoded.text, field, path), encoding: decoded.encoding };
}

/** A .zimu project or any caption/transcript file, as a timed document. */
export async function readTimedDocument(path: string): Promise<ImportedDocument> {
  if (extname(path).toLowerCase() === PROJECT_EXTENSION) {
    const project = await loadProjectFile(path);
    return {
      format: 'zimu' as ImportedDocument['format'],
      encoding: 'utf-8',
      encodingConfidence: 1,
      project,
      warnings: [],
    };
  }
  return importFile(path);
}

/**
 * Write `project` to `path`: a .zimu project, or the caption format of the extension (`format`
 * overrides it), both languages where the format has room for them.
 */
export async function writeTimedDocument(project: Project, path: string, format?: ExportFormatId): Promise<void> {
  const id = format ?? exportFormatOfExtension(extname(path).toLowerCase());
  if (!format && extname(path).toLowerCase() === PROJECT_EXTENSION) return saveProjectFile(path, project);
  if (!id) throw new ZimuError('unsupported', msg('correction-format-unknown'), { file: path });
  const result = exportProject(project, {
    format: id,
    layout: 'bilingual',
    encoding: 'utf8',
    lineEnding: 'lf',
  });
  await writeFileAtomic(path, result.bytes);
}

/** Where a batch writes a corrected document when no output folder is given: `<name>.corrected<ext>`. */
export function correctedPath(timedPath: string, outDir?: string): string {
  const ext = extname(timedPath);
  const name = `${basename(timedPath, ext)}.corrected${ext}`;
  return join(outDir ?? dirname(timedPath), name);
}

export interface PairResult {
  timed: string;
  text: string;
  /** Where the corrected document was written; null when the pair failed. */
  output: string | null;
  changed: number;
  flagged: number;
  mode: ReimportProposal['mode'] | null;
  /** Why the pair failed (the other pairs still run): English, and as a message for the UI. */
  error: string | null;
  errorMessage: HostMessage | null;
}

/** Reimport one pair and write the result; all proposed changes are applied (review flags kept). */
export async function reimportPair(
  timed: string,
  text: string,
  field: CorrectionField,
  output: string,
  format?: ExportFormatId,
): Promise<{ result: PairResult; project: Project; proposal: ReimportProposal }> {
  const doc = await readTimedDocument(timed);
  const { proposal } = await previewCorrection(doc.project, text, field);
  const project = applyReimport(doc.project, proposal);
  if (dirname(output) !== '.') await fs.mkdir(dirname(output), { recursive: true });
  await writeTimedDocument(project, output, format);
  const { changed, flagged } = summarize(proposal);
  return {
    result: { timed, text, output, changed, flagged, mode: proposal.mode, error: null, errorMessage: null },
    project,
    proposal,
  };
}

/** Many pairs; a failed pair is reported and the rest go on. */
export async function batchReimport(
  pairs: readonly { timed: string; text: string; output?: string }[],
  field: CorrectionField,
  outDir?: string,
): Promise<PairResult[]> {
  const results: PairResult[] = [];
  for (const pair of pairs) {
    const output = pair.output ?? correctedPath(pair.timed, outDir);
    try {
      results.push((await reimportPair(pair.timed, pair.text, field, output)).result);
    } catch (err) {
      const message = err instanceof ZimuError ? describeError(err) : err instanceof Error ? err.message : String(err);
      const failed = {
        output: null,
        changed: 0,
        flagged: 0,
        mode: null,
        error: message,
        errorMessage: errorMessage(err),
      };
      results.push({ ...pair, ...failed });
    }
  }
  return results;
}

/** Pairs from two folders, matched by base name (`talk.srt` ↔ `talk.txt`); unmatched files are listed. */
export async function pairsFromFolders(
  timedDir: string,
  textDir: string,
): Promise<{ pairs: { timed: string; text: string }[]; unmatched: string[] }> {
  const stem = (name: string) => basename(name, extname(name));
  const list = async (dir: string) =>
    (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  const texts = new Map((await list(textDir)).map((n) => [stem(n), join(textDir, n)]));
  const pairs: { timed: string; text: string }[] = [];
  const unmatched: string[] = [];
  for (const name of (await list(timedDir)).sort()) {
    const text = texts.get(stem(name));
    if (text) pairs.push({ timed: join(timedDir, name), text });
    else unmatched.push(join(timedDir, name));
  }
  return { pairs, unmatched };
}
