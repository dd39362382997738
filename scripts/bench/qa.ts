// The full QA pass on a generated 5,000-segment bilingual project (target: under 50 ms), cold and
// after a one-segment edit with the live session's cache, with the spell check and a glossary.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createSpellService } from '../../electron/services/spell';
import type { Glossary } from '../../shared/glossary/model';
import { createProject, setText } from '../../shared/model/project';
import type { Project } from '../../shared/model/types';
import { createQaSession, runQa } from '../../shared/qa/engine';
import { NETFLIX_PROFILE } from '../../shared/qa/profile';

const PHRASES = [
  ['尊敬的各位领导，各位来宾', 'Distinguished leaders and guests'],
  ['欢迎来到二零二四年的志愿大会', 'Welcome to the 2024 BAAI Conference'],
  ['今天我们发布悟道3.0大模型', 'Today we release the WuDao 3.0 model'],
  ['具身智能是下一个重要的研究方向', 'Embodied AI is the next important direction of research'],
  ['参数规模达到1。8万亿', 'with 1.8 trillion parameters'],
  ['嗯，我们我们要感谢所有的合作伙伴', 'we want to thank all our partners'],
  ['这是scaling law在具身智能领域的应用', 'This is how the scaling law applies to embodied AI'],
  ['谢谢大家', 'Thank you all'],
] as const;

const glossary: Glossary = {
  entries: [
    { kind: 'term', source: '智源研究院', target: 'BAAI' },
    { kind: 'term', source: '具身智能', target: 'embodied AI' },
    { kind: 'term', source: '悟道', target: 'WuDao' },
    { kind: 'asr-fix', source: '志愿大会', target: '智源大会' },
    { kind: 'asr-fix', source: '聚生', target: '具身' },
    { kind: 'asr-fix', source: 'skin low', target: 'scaling law' },
  ],
};

export function generate(count: number): Project {
  let t = 0;
  const segments = Array.from({ length: count }, (_, i) => {
    const [source, translation] = PHRASES[i % PHRASES.length] as readonly [string, string];
    // Mostly good timing, with the odd short one, overlap and tight gap.
    const duration = i % 97 === 0 ? 600 : 1800 + (i % 7) * 150;
    const start = i % 89 === 0 ? Math.max(0, t - 200) : t + (i % 13 === 0 ? 40 : 240);
    t = start + duration;
    return { start, end: t, source: `${source}${i}`, translation };
  });
  return createProject({ segments });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export async function benchQa(): Promise<void> {
  const SEGMENTS = 5000;
  const project = generate(SEGMENTS);
  console.log(
    `\nqa: ${SEGMENTS.toLocaleString('en')}-segment bilingual project, Netflix profile, glossary of ${glossary.entries.length}`,
  );
  const loadStart = performance.now();
  const spell = await createSpellService().checker();
  console.log(
    `${'spell check dictionary load (once per process)'.padEnd(52)} ${(performance.now() - loadStart).toFixed(0).padStart(8)} ms`,
  );

  const options = { profile: NETFLIX_PROFILE, glossary, spell };
  let problems = 0;
  // Wall time, and this process's CPU time: on a machine busy with other work the second says more.
  const cold = (withSpell: boolean) => {
    const wall: number[] = [];
    const cpu: number[] = [];
    const opts = withSpell ? options : { ...options, spell: null };
    runQa(project, opts); // warm up the JIT and the word cache
    for (let i = 0; i < 9; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      problems = runQa(project, opts).problems.length;
      wall.push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    return `${median(wall).toFixed(1).padStart(8)} ms (median of 9; CPU ${median(cpu).toFixed(1)} ms`;
  };
  console.log(`${'full QA pass, every rule (target < 50 ms)'.padEnd(52)} ${cold(true)}; ${problems} problems)`);
  console.log(`${'full QA pass without the spell check'.padEnd(52)} ${cold(false)})`);

  // The live panel: a session re-checks the edited segment and the timeline rules.
  const session = createQaSession();
  session.run(project, options);
  const samples: number[] = [];
  let current = project;
  for (let i = 0; i < 50; i++) {
    const id = current.segments[(i * 97) % SEGMENTS]?.id as string;
    current = setText(current, id, 'translation', `Edited translation number ${i}`);
    const t0 = performance.now();
    session.run(current, options);
    samples.push(performance.now() - t0);
  }
  console.log(
    `${'live QA after a one-segment edit (session cache)'.padEnd(52)} ${median(samples).toFixed(1).padStart(8)} ms (median of 50)`,
  );
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`load average while measuring: ${load.join(', ')} on ${cpus().length} cores`);
}
