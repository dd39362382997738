// Reimport of corrected texts: accuracy on the hand-made evaluation set (shared/reimport/eval), and
// the time to align a 5,000-segment document.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeBytes } from '../../electron/services/encoding';
import { exportCorrectionText } from '../../shared/correction/export-text';
import { englishMessage } from '../../shared/ipc/messages';
import { createProject } from '../../shared/model/project';
import { parseProjectFile } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { applyReimport, proposeReimport } from '../../shared/reimport/reimport';

export const EVAL_DIR = join(import.meta.dirname, '..', '..', 'shared', 'reimport', 'eval');

export interface EvalScore {
  name: string;
  mode: string;
  correct: number;
  total: number;
  flagged: number;
  /** Segments whose text differs from the expectation: id, got, expected. */
  wrong: { id: string; got: string; expected: string }[];
}

export function loadOriginal(): Project {
  const parsed = parseProjectFile(readFileSync(join(EVAL_DIR, 'original.zimu'), 'utf8'));
  if (!parsed.ok) throw new Error(englishMessage(parsed.problem.message));
  return parsed.project;
}

function readExpected(name: string): Map<string, string> {
  const lines = readFileSync(join(EVAL_DIR, 'expected', `${name}.tsv`), 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1);
  return new Map(
    lines.map((line) => {
      const [id, text = ''] = line.split('\t') as [string, string?];
      return [id, text.replace(/\\n/g, '\n')];
    }),
  );
}

/** Every case of the evaluation set: reimport with all changes accepted, compared with the expectation. */
export function scoreEvalSet(): EvalScore[] {
  const original = loadOriginal();
  return readdirSync(join(EVAL_DIR, 'cases'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.[^.]+$/, '');
      const path = join(EVAL_DIR, 'cases', file);
      const text = decodeBytes(readFileSync(path), path).text;
      const proposal = proposeReimport(original, text, 'text', path);
      const project = applyReimport(original, proposal);
      const expected = readExpected(name);
      const wrong = project.segments
        .filter((s) => s.source !== expected.get(s.id))
        .map((s) => ({ id: s.id, got: s.source, expected: expected.get(s.id) ?? '(none)' }));
      return {
        name,
        mode: proposal.mode,
        correct: project.segments.length - wrong.length,
        total: project.segments.length,
        flagged: proposal.changes.filter((c) => c.needsReview).length,
        wrong,
      };
    });
}

/**
 * A document of `count` segments: the phrases of the whole seed transcript, cycled (a digit marks
 * the cycle, so the text does not repeat word for word), and its paragraph export with the usual
 * corrections: ASR errors fixed, fillers dropped, phrases merged.
 */
function bigDocument(count: number): { project: Project; corrected: string } {
  const seed = readFileSync(join(import.meta.dirname, '..', '..', 'electron', 'sample', 'seed-transcript.txt'), 'utf8');
  const phrases = seed
    .split('\n')
    .slice(1)
    .flatMap((line) => line.split('，'))
    .map((p) => p.trim())
    .filter(Boolean);
  const segments = Array.from({ length: count }, (_, i) => {
    const cycle = Math.floor(i / phrases.length);
    const text = phrases[i % phrases.length] as string;
    return { start: i * 3000, end: i * 3000 + 2600, source: cycle > 0 ? `${text}${cycle}` : text, translation: '' };
  });
  const project = createProject({ segments });
  const corrected = exportCorrectionText(project, 'paragraphs', 'text')
    .replaceAll('志愿', '智源')
    .replaceAll('资源', '智源')
    .replaceAll('聚生', '具身')
    .replaceAll('skin low', 'scaling law')
    .replaceAll('啊', '')
    .replaceAll('呃，', '')
    .replaceAll('。\n\n基础', '、基础');
  return { project, corrected };
}

export function benchReimport(): void {
  console.log('reimport: evaluation set (shared/reimport/eval), share of segments equal to the expected text');
  for (const s of scoreEvalSet()) {
    const share = ((100 * s.correct) / s.total).toFixed(1);
    console.log(
      `  ${s.name.padEnd(20)} ${s.mode.padEnd(12)} ${`${s.correct}/${s.total}`.padStart(6)} ${share.padStart(6)}%  flagged ${s.flagged}`,
    );
    for (const w of s.wrong)
      console.log(`      ${w.id}: got ${JSON.stringify(w.got)}, expected ${JSON.stringify(w.expected)}`);
  }
  for (const count of [5000]) {
    const { project, corrected } = bigDocument(count);
    proposeReimport(project, corrected, 'text', 'bench'); // warm up
    const samples: number[] = [];
    let changes = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      changes = proposeReimport(project, corrected, 'text', 'bench').changes.length;
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    console.log(
      `reimport: align ${count} segments (${corrected.length} characters, ${changes} changed) ${(samples[1] as number).toFixed(0).padStart(6)} ms (median of 3)`,
    );
  }
}
