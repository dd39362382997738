// Parse + serialise of a generated 10,000-cue bilingual SRT through Zimu's SRT module, next to the
// bare `subtitle` package's parseSync + stringifySync of the same file, in the same run.
import { performance } from 'node:perf_hooks';
import { parseSync, stringifySync } from 'subtitle';
import { exportProject, importText } from '../../electron/services/documents';
import { srtFormat } from '../../electron/services/formats/srt';
import { createProject } from '../../shared/model/project';
import { formatTimestamp } from '../../shared/time/timestamp';

function generateSrt(cues: number): string {
  const parts: string[] = [];
  for (let i = 0; i < cues; i++) {
    const start = i * 3000 + 120;
    const srt = (ms: number) => formatTimestamp(ms).replace('.', ',').padStart(12, '0');
    parts.push(
      `${i + 1}\n${srt(start)} --> ${srt(start + 2400)}\n第${i + 1}句，智源大会的具身智能研究\nSentence ${i + 1}: embodied AI research at BAAI\n`,
    );
  }
  return parts.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function time(label: string, runs: number, fn: () => void): number {
  fn(); // warm up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  const m = median(samples);
  console.log(`${label.padEnd(52)} ${m.toFixed(1).padStart(8)} ms (median of ${runs})`);
  return m;
}

export function benchFormats(): void {
  const CUES = 10_000;
  const text = generateSrt(CUES);
  console.log(`\nformats: ${CUES.toLocaleString('en')}-cue bilingual SRT, ${(text.length / 1024).toFixed(0)} KiB`);
  let checked = 0;
  const bare = time('subtitle package: parseSync + stringifySync', 7, () => {
    const nodes = parseSync(text);
    checked = nodes.length;
    stringifySync(nodes, { format: 'SRT' });
  });
  if (checked !== CUES) throw new Error(`subtitle parsed ${checked} cues`);
  const zimu = time('Zimu srt module: parse + serialize (bilingual split)', 7, () => {
    const parsed = srtFormat.parse(text);
    checked = parsed.segments.length;
    srtFormat.serialize?.(createProject({ segments: parsed.segments }), { layout: 'bilingual', lineEnding: 'lf' });
  });
  if (checked !== CUES) throw new Error(`Zimu parsed ${checked} cues`);
  const full = time('Zimu import + export (detect, decode, encode UTF-8)', 7, () => {
    const doc = importText({ text, encoding: 'utf-8', confidence: 1, bom: false }, 'bench.srt');
    exportProject(doc.project, { format: 'srt', layout: 'bilingual', lineEnding: 'lf', encoding: 'utf8' });
  });
  console.log(
    `Zimu / bare subtitle: ${(zimu / bare).toFixed(2)}× (module), ${(full / bare).toFixed(2)}× (whole import + export)`,
  );
}
