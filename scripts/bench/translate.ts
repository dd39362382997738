// Machine translation and the translation memory:
// - sentence grouping + distribution of a translation over the segments of a 5,000-segment talk
//   (target < 200 ms), with the fake model's deterministic "English";
// - translation-memory lookup (exact, then fuzzy at 75 %) of 5,000 segments against 100,000 pairs
//   (target < 1 s), and loading that memory from its JSON-lines file;
// - the requests needed for the sample talk at the default batch size.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadProjectFile } from '../../electron/services/project-store';
import { openTranslationMemory } from '../../electron/services/tm/memory-store';
import { fakeEnglish } from '../../electron/services/translate/testing/fake-llm-server';
import { createProject } from '../../shared/model/project';
import type { Project } from '../../shared/model/types';
import { MemoryIndex } from '../../shared/tm/memory-index';
import { unitDrafts } from '../../shared/translate/drafts';
import { planTranslation, targetIndexes, translationUnits } from '../../shared/translate/plan';
import { proofreadBatches } from '../../shared/translate/proofread';
import { DEFAULT_BATCH_SENTENCES } from '../../shared/translate/settings';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'electron', 'sample', 'bv1uh4y1w77v-p1.zimu');

/** Phrases of the seed transcript (ASR text, split at its commas), the material of the synthetic talks. */
function phrases(): string[] {
  const text = readFileSync(join(ROOT, 'electron', 'sample', 'seed-transcript.txt'), 'utf8');
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('')
    .split(/(?<=[，。？！])/)
    .map((p) => p.replace(/，$/, '').trim())
    .filter((p) => p.length >= 2);
}

function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 5,000-segment talk: seed phrases one after another, ~250 ms pauses, longer ones after a full stop. */
function talk(count: number): Project {
  const source = phrases();
  let t = 0;
  const segments = Array.from({ length: count }, (_, i) => {
    const text = source[i % source.length] as string;
    const start = t;
    const end = start + 250 * [...text].length;
    t = end + (text.endsWith('。') ? 900 : 250);
    return { source: text, start, end };
  });
  return createProject({ segments });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function benchGrouping(): void {
  const project = talk(5000);
  const targets = () => targetIndexes(project, { kind: 'all' }, false);
  // The fake model's English, made once outside the timing (the model is not what is measured).
  const english = new Map(translationUnits(project, targets()).map((u) => [u.id, fakeEnglish(u.text)]));
  const times: number[] = [];
  let units = 0;
  let drafts = 0;
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const u = translationUnits(project, targets());
    let n = 0;
    for (const unit of u) n += unitDrafts(project, unit, english.get(unit.id) ?? '', 0).length;
    times.push(performance.now() - t0);
    units = u.length;
    drafts = n;
  }
  console.log(
    `translate: grouping + distribution, 5,000 segments → ${units} sentences, ${drafts} drafts: ` +
      `median ${median(times).toFixed(1)} ms of ${times.length} runs (target < 200 ms)`,
  );
}

/**
 * 100,000 distinct pairs made of pieces (2–4 characters) of the seed transcript's phrases put
 * together anew: the characters and words of real talks, without repeating 900 phrases a hundred times.
 */
function memoryPairs(count: number, random: () => number) {
  const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)] as T;
  const pieces = phrases().flatMap((p) => {
    const chars = [...p];
    const out: string[] = [];
    for (let i = 0; i < chars.length; ) {
      const n = 2 + Math.floor(random() * 3);
      out.push(chars.slice(i, i + n).join(''));
      i += n;
    }
    return out;
  });
  const chars = [...pieces.join('').replace(/[^\u4e00-\u9fff]/g, '')];
  const sentence = () => Array.from({ length: 3 + Math.floor(random() * 6) }, () => pick(pieces)).join('');
  const mutate = (s: string) => {
    const a = [...s];
    a[Math.floor(random() * a.length)] = pick(chars);
    return a.join('');
  };
  const seen = new Set<string>();
  const pairs: { source: string; target: string }[] = [];
  while (pairs.length < count) {
    const s = sentence();
    if (seen.has(s)) continue;
    seen.add(s);
    pairs.push({ source: s, target: `t${pairs.length}` });
  }
  return { pairs, mutate, pick, sentence };
}

async function benchMemory(): Promise<void> {
  const random = seeded(7);
  const { pairs, mutate, pick, sentence } = memoryPairs(100_000, random);
  const index = new MemoryIndex();
  let t0 = performance.now();
  for (const p of pairs) index.add(p, 1);
  const buildMs = performance.now() - t0;
  // 40 % segments the memory has, 30 % with one character changed, 30 % new text.
  const queries = Array.from({ length: 5000 }, () => {
    const r = random();
    const known = pick(pairs).source;
    return r < 0.4 ? known : r < 0.7 ? mutate(known) : sentence();
  });
  const times: number[] = [];
  let exact = 0;
  let fuzzy = 0;
  for (let run = 0; run < 3; run++) {
    exact = 0;
    fuzzy = 0;
    t0 = performance.now();
    for (const q of queries) {
      if (index.exact(q)) exact++;
      else if (index.fuzzy(q).length > 0) fuzzy++;
    }
    times.push(performance.now() - t0);
  }
  console.log(
    `translate: memory lookup, 5,000 segments against ${index.size.toLocaleString('en')} pairs: ${exact} exact, ${fuzzy} fuzzy ≥ 75 %: ` +
      `median ${median(times).toFixed(0)} ms of ${times.length} runs (target < 1 s); index built in ${buildMs.toFixed(0)} ms`,
  );

  const dir = await mkdtemp(join(tmpdir(), 'zimu-bench-tm-'));
  try {
    const languages = { source: 'zh-CN', translation: 'en' };
    const memory = await openTranslationMemory(dir, languages);
    t0 = performance.now();
    await memory.add(pairs);
    const writeMs = performance.now() - t0;
    t0 = performance.now();
    const loaded = await openTranslationMemory(dir, languages);
    const loadMs = performance.now() - t0;
    console.log(
      `translate: memory file, ${loaded.index.size.toLocaleString('en')} pairs: written in ${writeMs.toFixed(0)} ms, loaded and indexed in ${loadMs.toFixed(0)} ms`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchRequests(): Promise<void> {
  const sample = await loadProjectFile(SAMPLE);
  const options = { batchSentences: DEFAULT_BATCH_SENTENCES };
  const untranslated = planTranslation(sample, { kind: 'untranslated' }, false, options);
  const all = planTranslation(sample, { kind: 'all' }, true, options);
  const proofread = proofreadBatches(sample, { kind: 'all' });
  console.log(
    `translate: sample talk (${sample.segments.length} segments) at ${DEFAULT_BATCH_SENTENCES} sentences per request: ` +
      `untranslated ${untranslated.segments} segments → ${untranslated.units} sentences → ${untranslated.batches.length} request(s); ` +
      `everything ${all.segments} → ${all.units} → ${all.batches.length}; proofreading → ${proofread.length}`,
  );
  const long = talk(2000);
  const plan = planTranslation(long, { kind: 'all' }, false, options);
  console.log(
    `translate: a two-hour talk (2,000 segments) → ${plan.units} sentences → ${plan.batches.length} requests`,
  );
}

export async function benchTranslate(): Promise<void> {
  // Figures scale with the machine's load: say what it was.
  console.log(
    `translate: load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  benchGrouping();
  await benchMemory();
  await benchRequests();
}
