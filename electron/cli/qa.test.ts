import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../../shared/model/project';
import { serializeProjectFile } from '../../shared/model/project-file';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'zimu-qa-cli-'));
const savedProfileDir = process.env.ZIMU_PROFILE_DIR;
beforeAll(() => {
  // The command reads the user's settings and glossary: an empty profile folder of its own.
  process.env.ZIMU_PROFILE_DIR = join(dir, 'profile');
});
afterAll(() => {
  if (savedProfileDir === undefined) delete process.env.ZIMU_PROFILE_DIR;
  else process.env.ZIMU_PROFILE_DIR = savedProfileDir;
  rmSync(dir, { recursive: true, force: true });
});

async function zimu(...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runCli(argv, {
    stdout: (d) => {
      stdout += typeof d === 'string' ? d : Buffer.from(d).toString('utf8');
    },
    stderr: (l) => stderr.push(l),
  });
  return { code, stdout, stderr };
}

const srt = (cues: [string, string, string][]) =>
  cues.map(([from, to, text], i) => `${i + 1}\n00:00:${from} --> 00:00:${to}\n${text}\n`).join('\n');

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const clean = write(
  'clean.srt',
  srt([
    ['01,000', '03,000', '欢迎来到智源大会\nWelcome to the conference'],
    ['03,500', '05,500', '具身智能\nEmbodied intelligence'],
  ]),
);

// Out of time order on purpose: numbers must follow the file, not the timeline.
const messy = write(
  'messy.srt',
  srt([
    ['10,000', '12,000', '最后一句\nThe last line'], // 1
    ['01,000', '03,000', '第一句\nThe first line'], // 2
    ['02,500', '04,000', '第二句\nThe second line'], // 3: overlaps 2
    ['04,000', '06,000', '第三句\nThe third line'], // 4: touches 3 — no overlap
    ['10,000', '12,000', '最后一句\nThe last line'], // 5: duplicate of 1
    ['07,000', '07,000', '零\nZero'], // 6: zero duration
    ['08,000', '08,300', '短\nShort'], // 7: too short
    ['13,000', '21,000', '这一句显示的时间太长了而且这一行也太长了超过十六个字\nToo long'], // 8
  ]),
);

describe('zimu qa', () => {
  it('exits 0 with no problems on a clean file', async () => {
    const r = await zimu('qa', clean, '--json');
    expect(JSON.parse(r.stdout)).toEqual({ problems: [] });
    expect(r.code).toBe(0);
    expect(r.stderr.at(-1)).toMatch(/0 errors, 0 warnings, 0 suggestions \(profile netflix, 2 segments\)/);
  });

  it('exits 1 and prints the JSON shape, segments numbered in file order', async () => {
    const r = await zimu('qa', messy, '--json');
    expect(r.code).toBe(1);
    const { problems } = JSON.parse(r.stdout) as { problems: Record<string, unknown>[] };
    for (const p of problems) {
      expect(Object.keys(p).sort()).toEqual(['message', 'rule', 'segments', 'severity']);
      expect(['error', 'warning', 'info']).toContain(p.severity);
      expect(typeof p.message).toBe('string');
    }
    const by = (rule: string) => problems.filter((p) => p.rule === rule).map((p) => p.segments);
    expect(by('overlap')).toEqual([[2, 3]]);
    expect(by('duplicate')).toEqual([[1, 5]]);
    expect(by('duration-zero-or-negative')).toEqual([[6]]);
    expect(by('duration-too-short')).toEqual([[7]]);
    expect(by('duration-too-long')).toEqual([[8]]);
    expect(by('line-length')).toEqual([[8]]);
    // Touching segments 3 and 4 do not overlap, but Netflix wants 2 frames between them.
    expect(by('gap-too-small')).toContainEqual([3, 4]);
    const overlap = problems.find((p) => p.rule === 'overlap');
    expect(overlap).toEqual({
      rule: 'overlap',
      severity: 'error',
      segments: [2, 3],
      message: 'Overlaps the other segment by 500 ms',
    });
  });

  it('uses the profile named, by id or name', async () => {
    const strict = JSON.parse((await zimu('qa', messy, '--json')).stdout).problems;
    const loose = JSON.parse((await zimu('qa', messy, '--json', '--profile', 'Bilibili / web')).stdout).problems;
    expect(strict.some((p: { rule: string }) => p.rule === 'gap-too-small')).toBe(true);
    expect(loose.some((p: { rule: string }) => p.rule === 'gap-too-small')).toBe(false);
    const unknown = await zimu('qa', messy, '--profile', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr[0]).toContain("no profile 'nope' (netflix, bilibili)");
  });

  it('prints one problem a line without --json', async () => {
    const r = await zimu('qa', messy);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')).toContain('#2,#3\terror\toverlap\tOverlaps the other segment by 500 ms');
    expect(r.stdout).toMatch(/^#6\terror\tduration-zero-or-negative\t/m);
  });

  it('reports untimed and empty segments of a transcript, and missing translations once some exist', async () => {
    const zimuFile = join(dir, 'project.zimu');
    const project = createProject({
      segments: [
        { start: 5000, end: 7000, source: '后面的句子', translation: 'A later sentence' },
        { start: 1000, end: 3000, source: '前面的句子', translation: '' },
        { source: '' },
      ],
    });
    writeFileSync(zimuFile, serializeProjectFile(project));
    const { problems } = JSON.parse((await zimu('qa', zimuFile, '--json')).stdout);
    const rules = problems.map((p: { rule: string; segments: number[] }) => `${p.rule}@${p.segments.join(',')}`);
    expect(rules).toEqual(expect.arrayContaining(['missing-translation@2', 'untimed@3', 'empty-text@3']));
  });

  it('uses the project glossary and the spell check', async () => {
    const zimuFile = join(dir, 'glossary.zimu');
    const project = {
      ...createProject({
        segments: [{ start: 1000, end: 4000, source: '智源研究院的志愿大会', translation: 'The instutite conference' }],
      }),
      glossary: {
        entries: [
          { kind: 'term' as const, source: '智源研究院', target: 'BAAI' },
          { kind: 'asr-fix' as const, source: '志愿大会', target: '智源大会' },
        ],
      },
    };
    writeFileSync(zimuFile, serializeProjectFile(project));
    const r = await zimu('qa', zimuFile, '--json');
    expect(r.code).toBe(0);
    const messages = JSON.parse(r.stdout).problems.map(
      (p: { rule: string; message: string }) => `${p.rule}: ${p.message}`,
    );
    expect(messages).toEqual([
      'glossary-term: 智源研究院 should be translated as BAAI (translation)',
      'glossary-asr-fix: The glossary corrects this text: 智源研究院的智源大会 (source)',
      'spelling: Unknown word: instutite (translation)',
    ]);
  });

  it('refuses a missing file with exit 1 and a usage mistake with exit 2', async () => {
    expect((await zimu('qa', join(dir, 'none.srt'))).code).toBe(1);
    expect((await zimu('qa')).code).toBe(2);
  });
});

describe('zimu convert --script and --wrap', () => {
  it('writes Taiwan and Hong Kong Traditional with their words', async () => {
    const file = write('script.srt', srt([['01,000', '03,000', '我们用软件播放视频\nWe play video with software']]));
    const tw = await zimu('convert', file, '--to', 'srt', '--script', 'zh-Hant-TW');
    expect(tw.stdout).toContain('我們用軟體播放影片\nWe play video with software');
    const hk = await zimu('convert', file, '--to', 'srt', '--script', 'zh-Hant-HK');
    expect(hk.stdout).toContain('我們用軟件播放視頻');
    const out = join(dir, 'back.srt');
    await zimu('convert', file, '--to', 'srt', '--script', 'zh-Hant-TW', '-o', out);
    // The file does not say it is Taiwanese: its characters become Simplified, its words stay.
    expect((await zimu('convert', out, '--to', 'srt', '--script', 'zh-Hans')).stdout).toContain('我们用软体播放影片');
    expect((await zimu('convert', file, '--to', 'srt', '--script', 'zh-Hant')).code).toBe(2);
  });

  it('re-breaks long lines to the profile’s limits', async () => {
    const file = write('long.srt', srt([['01,000', '06,000', '各位来宾，欢迎来到二零二四年的智源大会']]));
    const r = await zimu('convert', file, '--to', 'srt', '--wrap');
    expect(r.stdout).toContain('各位来宾，\n欢迎来到二零二四年的智源大会');
    const wide = await zimu('convert', file, '--to', 'srt', '--wrap', '--profile', 'bilibili');
    expect(wide.stdout).toContain('各位来宾，欢迎来到二零二四年的智源大会');
    expect(readFileSync(file, 'utf8')).toContain('各位来宾，欢迎来到二零二四年的智源大会');
  });
});
