import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/ipc/dispatch';
import { createProject } from '../../shared/model/project';
import { parseProjectFile, serializeProjectFile } from '../../shared/model/project-file';
import { resolveProfile, wrapLimits } from '../../shared/qa/profile';
import { makeTestHost, rejection } from './testing/host';

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-handlers-qa-'));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const glossary = {
  entries: [
    { kind: 'term' as const, source: '智源研究院', target: 'BAAI' },
    { kind: 'asr-fix' as const, source: '志愿大会', target: '智源大会', note: 'ASR, often' },
  ],
};

/** A call as a host makes it: arguments validated by the contract, answer as { ok, value }. */
async function call(handlers: ReturnType<typeof makeTestHost>['handlers'], name: string, args: unknown) {
  const answer = await dispatch(handlers, name, args, () => {});
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.value;
}

describe('user glossary calls', () => {
  it('start empty, save to the profile folder and read back', async () => {
    const host = makeTestHost(dir);
    expect(await call(host.handlers, 'glossary.get', {})).toEqual({ entries: [] });
    expect(await call(host.handlers, 'glossary.set', { glossary })).toEqual(glossary);
    const file = JSON.parse(await fs.readFile(join(host.profile, 'glossary.json'), 'utf8'));
    expect(file).toEqual(glossary);
    expect(
      await call(
        makeTestHost(dir, { profileDir: host.profile, cacheDir: join(host.profile, 'cache') }).handlers,
        'glossary.get',
        {},
      ),
    ).toEqual(glossary);
  });

  it('reject a malformed glossary before it is written', async () => {
    const host = makeTestHost(dir);
    const answer = await dispatch(
      host.handlers,
      'glossary.set',
      { glossary: { entries: [{ kind: 'x', source: 'a', target: 'b' }] } },
      () => {},
    );
    expect(answer.ok).toBe(false);
  });

  it('name a damaged glossary file', async () => {
    const host = makeTestHost(dir);
    await fs.mkdir(host.profile, { recursive: true });
    await fs.writeFile(join(host.profile, 'glossary.json'), '{"entries": [1]}');
    const err = await rejection(host.handlers['glossary.get']({}));
    expect(err.detail?.file).toBe(join(host.profile, 'glossary.json'));
  });
});

describe('glossary CSV calls', () => {
  it('export UTF-8 with a BOM and import it again', async () => {
    const host = makeTestHost(dir);
    const path = join(dir, 'terms.csv');
    expect(await call(host.handlers, 'glossary.exportCsv', { path, glossary })).toEqual({ path, entries: 2 });
    const bytes = await fs.readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await call(host.handlers, 'glossary.importCsv', { path })).toEqual({ glossary, warnings: [] });
  });

  it('import reports bad rows with their line and refuses a file without rows', async () => {
    const host = makeTestHost(dir);
    const path = join(dir, 'bad.csv');
    await fs.writeFile(path, 'kind,source,target\nterm,悟道,WuDao\nnonsense,x,y\n');
    const read = (await call(host.handlers, 'glossary.importCsv', { path })) as { warnings: unknown[] };
    // A warning with a message code for the UI and its English for the command line.
    expect(read.warnings).toEqual([
      {
        code: 'glossary-csv-unknown-kind',
        params: { kind: 'nonsense' },
        line: 3,
        message: "unknown kind 'nonsense' (term or asr-fix)",
      },
    ]);
    const empty = join(dir, 'empty.csv');
    await fs.writeFile(empty, 'kind,source,target\n');
    expect((await rejection(host.handlers['glossary.importCsv']({ path: empty }))).detail?.file).toBe(empty);
  });
});

describe('spell calls', () => {
  it('list the words the dictionary does not know and suggest corrections', async () => {
    const host = makeTestHost(dir);
    expect(await call(host.handlers, 'spell.check', { words: ['embodied', 'intelligance', 'conference'] })).toEqual({
      unknown: ['intelligance'],
    });
    const { suggestions } = (await call(host.handlers, 'spell.suggest', { word: 'intelligance' })) as {
      suggestions: string[];
    };
    expect(suggestions).toContain('intelligence');
  });
});

describe('export options for QA', () => {
  const project = createProject({
    segments: [{ start: 1000, end: 4000, source: '各位来宾，欢迎来到二零二四年的智源大会', translation: 'Welcome' }],
  });

  it('writes Traditional Chinese and wraps long lines with the profile’s limits', async () => {
    const host = makeTestHost(dir);
    const path = join(dir, 'out.srt');
    await call(host.handlers, 'project.export', {
      path,
      project,
      format: 'srt',
      layout: 'bilingual',
      script: 'zh-Hant-TW',
      wrap: wrapLimits(resolveProfile({})),
    });
    expect(await fs.readFile(path, 'utf8')).toContain('各位來賓，\n歡迎來到二零二四年的智源大會\nWelcome');
    // The project itself is not changed by the export.
    expect(project.segments[0]?.source).toBe('各位来宾，欢迎来到二零二四年的智源大会');
  });

  it('refuses an unknown script', async () => {
    const host = makeTestHost(dir);
    const answer = await dispatch(
      host.handlers,
      'project.exportCheck',
      { project, format: 'srt', layout: 'source', script: 'zh-Hant' },
      () => {},
    );
    expect(answer.ok).toBe(false);
  });
});

describe('project files keep QA fields', () => {
  it('round-trip the frame rate and the glossary, and read files without them', () => {
    const project = { ...createProject({ segments: [{ source: '好' }] }), frameRate: 23.976, glossary };
    expect(parseProjectFile(serializeProjectFile(project))).toEqual({ ok: true, project });
    const plain = createProject({ segments: [{ source: '好' }] });
    expect(serializeProjectFile(plain)).not.toContain('frameRate');
    const withUnknown = JSON.parse(serializeProjectFile(project));
    withUnknown.glossary.futureField = 1;
    withUnknown.glossary.entries[0].extra = true;
    const read = parseProjectFile(JSON.stringify(withUnknown));
    expect(read.ok && read.project.glossary).toEqual(glossary);
  });
});
