import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { parseProjectFile } from '../../shared/model/project-file';
import { type FakeLlmServer, startFakeLlmServer } from '../services/translate/testing/fake-llm-server';
import { parseGlossaryCsv } from './glossary-csv';
import { runCli } from './run';

const KEY = 'sk-zimu-cli-e5a0b77c93d1';
const SAMPLE = join(__dirname, '..', 'sample', 'bv1uh4y1w77v-p1.zimu');
let server: FakeLlmServer;
let dir: string;
const saved = {
  profile: process.env.ZIMU_PROFILE_DIR,
  key: process.env.ZIMU_LLM_API_KEY,
  url: process.env.ZIMU_LLM_BASE_URL,
};

beforeAll(async () => {
  server = await startFakeLlmServer({ key: KEY });
});
afterAll(() => server.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zimu-cli-translate-'));
  process.env.ZIMU_PROFILE_DIR = join(dir, 'profile');
  process.env.ZIMU_LLM_API_KEY = KEY;
  delete process.env.ZIMU_LLM_BASE_URL;
});
afterEach(async () => {
  for (const [name, value] of [
    ['ZIMU_PROFILE_DIR', saved.profile],
    ['ZIMU_LLM_API_KEY', saved.key],
    ['ZIMU_LLM_BASE_URL', saved.url],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await rm(dir, { recursive: true, force: true });
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

const endpoint = () => ['--base-url', server.baseUrl, '--model', 'fake-model'];

describe('zimu translate', () => {
  it('translates the sample talk sentence by sentence, with progress on stderr', async () => {
    const before = server.requests.length;
    const r = await zimu('translate', SAMPLE, ...endpoint(), '--format', 'srt');
    expect(r.code).toBe(0);
    const cues = r.stdout.trim().split(/\n\n/);
    expect(cues).toHaveLength(30);
    for (const cue of cues) expect(cue.split('\n')).toHaveLength(4); // number, time, Chinese, English
    expect(r.stderr[0]).toMatch(
      /^zimu: translating 30 segments into en \(0 from the translation memory, \d+ requests?\) with fake-model at http:\/\/127\.0\.0\.1:\d+$/,
    );
    expect(r.stderr.some((l) => /30\/30 segments/.test(l))).toBe(true);
    const sent = server.requests.slice(before);
    expect(sent.every((q) => q.authorization === `Bearer ${KEY}`)).toBe(true);
    // Sentences, not fragments: fewer request items than segments.
    const items = sent.flatMap((q) => JSON.parse(q.body?.messages?.[1]?.content ?? '{}').items as unknown[]);
    expect(items.length).toBeLessThan(30);
    expect(r.stderr.join('\n')).not.toContain(KEY);
  });

  it('--only-untranslated keeps existing translations and writes a project with the drafts flagged', async () => {
    const out = join(dir, 'out.zimu');
    const glossary = join(dir, 'terms.csv');
    await fs.writeFile(glossary, 'source,target\n智源研究院,"BAAI"\n张宏江,Zhang Hongjiang\n');
    const before = server.requests.length;
    const r = await zimu('translate', SAMPLE, ...endpoint(), '--only-untranslated', '--glossary', glossary, '-o', out);
    expect(r.code).toBe(0);
    const original = parseProjectFile(await fs.readFile(SAMPLE, 'utf8'));
    const result = parseProjectFile(await fs.readFile(out, 'utf8'));
    if (!original.ok || !result.ok) throw new Error('unreadable project');
    result.project.segments.forEach((s, i) => {
      const before = original.project.segments[i];
      if (before?.translation) {
        expect(s.translation).toBe(before.translation);
        expect(s.flags).not.toContain('machine-translated');
      } else {
        expect(s.translation).not.toBe('');
        expect(s.flags).toContain('machine-translated');
      }
    });
    const glossaries = server.requests
      .slice(before)
      .flatMap((q) => JSON.parse(q.body?.messages?.[1]?.content ?? '{}').glossary ?? []);
    expect(glossaries).toEqual(
      expect.arrayContaining([
        { source: '智源研究院', target: 'BAAI' },
        { source: '张宏江', target: 'Zhang Hongjiang' },
      ]),
    );
    expect(result.project.segments.find((s) => s.id === 's11')?.translation).toMatch(/^BAAI\b/);
  });

  it('prints the inspect JSON with --format json', async () => {
    const r = await zimu('translate', SAMPLE, ...endpoint(), '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { segments: { translation: string }[] };
    expect(json.segments.every((s) => s.translation !== '')).toBe(true);
  });

  it('exits 1 with a clear message when the endpoint cannot be reached, writing nothing', async () => {
    const closed = await startFakeLlmServer();
    await closed.close();
    const out = join(dir, 'never.srt');
    const r = await zimu('translate', SAMPLE, '--base-url', closed.baseUrl, '--model', 'm', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stderr.at(-1)).toMatch(
      new RegExp(`^zimu: cannot reach http://127\\.0\\.0\\.1:${closed.port}: ECONNREFUSED$`),
    );
    await expect(fs.access(out)).rejects.toThrow();
  });

  it('exits 1 when the endpoint refuses the key, without printing it', async () => {
    process.env.ZIMU_LLM_API_KEY = `${KEY}-wrong`;
    const r = await zimu('translate', SAMPLE, ...endpoint());
    expect(r.code).toBe(1);
    expect(r.stderr.at(-1)).toMatch(/refused the request \(401\).*check the API key/);
    expect(r.stderr.join('\n')).not.toContain(KEY);
  });

  it('refuses a remote endpoint with --local-only, and bad arguments with the usage', async () => {
    const remote = await zimu(
      'translate',
      SAMPLE,
      '--base-url',
      'https://api.deepseek.com/v1',
      '--model',
      'deepseek-chat',
      '--local-only',
    );
    expect(remote.code).toBe(1);
    expect(remote.stderr.at(-1)).toMatch(/local only.*api\.deepseek\.com/);
    expect((await zimu('translate')).code).toBe(2);
    expect((await zimu('translate', SAMPLE, '--batch', '0')).code).toBe(2);
    expect((await zimu('translate', SAMPLE, '--preset', 'nope')).code).toBe(2);
  });

  it('uses ZIMU_LLM_BASE_URL when no URL is given', async () => {
    process.env.ZIMU_LLM_BASE_URL = server.baseUrl;
    const r = await zimu('translate', SAMPLE, '--model', 'fake-model', '--only-untranslated', '--format', 'srt');
    expect(r.code).toBe(0);
    expect(r.stderr[0]).toContain(`127.0.0.1:${server.port}`);
  });
});

describe('parseGlossaryCsv', () => {
  it('reads two columns with quotes, an optional header, and says which line is wrong', () => {
    expect(parseGlossaryCsv('source,target\n智源,BAAI\n"具身, 智能","embodied ""AI"""\r\n\n', 'g.csv')).toEqual([
      { source: '智源', target: 'BAAI' },
      { source: '具身, 智能', target: 'embodied "AI"' },
    ]);
    expect(parseGlossaryCsv('\uFEFF智源\tBAAI', 'g.tsv')).toEqual([{ source: '智源', target: 'BAAI' }]);
    const err = (() => {
      try {
        parseGlossaryCsv('智源,BAAI\n只有一列\n', 'g.csv');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ZimuError);
    expect(err).toMatchObject({ detail: { file: 'g.csv', line: 2 } });
  });
});
