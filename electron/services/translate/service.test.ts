import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../shared/ipc/contract';
import { dispatch, type Handlers } from '../../../shared/ipc/dispatch';
import { createProject } from '../../../shared/model/project';
import type { Project } from '../../../shared/model/types';
import type { TranslateProgress } from '../../../shared/translate/schema';
import { loadProjectFile } from '../project-store';
import { createSettingsStore } from '../settings';
import { makeTestHost } from '../testing/host';
import { createTranslateHandlers } from './service';
import { type FakeLlmServer, startFakeLlmServer } from './testing/fake-llm-server';

const KEY = 'sk-zimu-leakcheck-7d41b9e2aa0c';
const SAMPLE = join(__dirname, '..', '..', 'sample', 'bv1uh4y1w77v-p1.zimu');
let server: FakeLlmServer;
let dir: string;
let sample: Project;

beforeAll(async () => {
  server = await startFakeLlmServer({ key: KEY });
  sample = await loadProjectFile(SAMPLE);
});
afterAll(() => server.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zimu-translate-service-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** A host whose translate.progress events can be awaited; calls go through the contract's validation. */
function host() {
  const progress: TranslateProgress[] = [];
  const waiters: { test: (p: TranslateProgress) => boolean; resolve: (p: TranslateProgress) => void }[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const test = makeTestHost(dir, {
    emit: (event, payload) => {
      events.push({ event, payload });
      if (event !== 'translate.progress') return;
      const p = payload as TranslateProgress;
      progress.push(p);
      for (const w of waiters.splice(0)) w.test(p) ? w.resolve(p) : waiters.push(w);
    },
  });
  const errors: string[] = [];
  async function call(name: string, args: unknown) {
    const answer = await dispatch(test.handlers, name, args, (_n, err) => errors.push(String(err)));
    if (!answer.ok) errors.push(JSON.stringify(answer.error));
    return answer;
  }
  const until = (predicate: (p: TranslateProgress) => boolean) =>
    new Promise<TranslateProgress>((resolve) => {
      const last = progress.at(-1);
      if (last && predicate(last)) resolve(last);
      else waiters.push({ test: predicate, resolve });
    });
  const ended = (jobId: string) => until((p) => p.jobId === jobId && ['done', 'failed', 'cancelled'].includes(p.state));
  return { ...test, call, until, ended, progress, errors, events };
}

async function configure(h: ReturnType<typeof host>, over: Record<string, unknown> = {}) {
  const settings = await h.call('settings.set', {
    patch: { llm: { preset: 'custom', baseUrl: server.baseUrl, model: 'fake-model', localOnly: true, ...over } },
  });
  expect(settings.ok).toBe(true);
}

/** Every file under `root`, recursively. */
async function allFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(root, { withFileTypes: true })) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) out.push(...(await allFiles(path)));
    else out.push(path);
  }
  return out;
}

describe('translate.* through the contract', () => {
  it('previews, starts, reports progress and hands out the drafts of each batch', async () => {
    const h = host();
    await configure(h, { batchSentences: 3 });
    await h.call('llm.setKey', { key: KEY });
    const preview = await h.call('translate.preview', { project: sample, scope: { kind: 'untranslated' } });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        destination: { host: '127.0.0.1', loopback: true },
        model: 'fake-model',
        memoryHits: 0,
        key: { source: 'file', stored: true },
        estimatedCost: { amount: 0 },
      },
    });
    const value = preview.ok ? (preview.value as { segments: number; requests: number }) : null;
    expect(value?.segments).toBe(sample.segments.filter((s) => s.translation === '').length);
    const before = server.requests.length;
    const started = await h.call('translate.start', {
      project: sample,
      scope: { kind: 'untranslated' },
      jobId: 'mine',
    });
    expect(started).toMatchObject({ ok: true, value: { jobId: 'mine', state: 'running' } });
    const end = await h.ended('mine');
    expect(end).toMatchObject({ state: 'done', segmentsDone: value?.segments, batchesDone: value?.requests });
    expect(server.requests.length - before).toBe(value?.requests);
    const results = await h.call('translate.results', { jobId: 'mine', fromBatch: 1 });
    expect(results.ok).toBe(true);
    const r = results.ok
      ? (results.value as { batches: { batch: number }[]; problems: unknown[]; proofread: unknown })
      : null;
    expect(r?.batches.map((b) => b.batch)).toEqual(Array.from({ length: (value?.requests ?? 0) - 1 }, (_, i) => i + 1));
    expect(r?.problems).toEqual([]);
    expect(r?.proofread).toBeNull();
    expect(h.errors).toEqual([]);
    expect(await h.call('translate.discard', { jobId: 'mine' })).toEqual({ ok: true, value: { discarded: true } });
    expect(await h.call('translate.results', { jobId: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('cancels a job midway and resumes it', async () => {
    const h = host();
    await configure(h, { batchSentences: 1 });
    await h.call('llm.setKey', { key: KEY });
    const project = createProject({ segments: ['第一句。', '第二句。', '第三句。'].map((source) => ({ source })) });
    server.script('ok', 'hold');
    await h.call('translate.start', { project, scope: { kind: 'all' }, jobId: 'c' });
    await server.whenHolding(1);
    expect(await h.call('translate.cancel', { jobId: 'c' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await h.ended('c')).toMatchObject({ state: 'cancelled', segmentsDone: 1 });
    server.release();
    await h.call('translate.resume', { jobId: 'c' });
    expect(await h.until((p) => p.jobId === 'c' && p.state === 'done')).toMatchObject({ segmentsDone: 3 });
  });

  it('proofreads into a reimport proposal the review dialog can show', async () => {
    const h = host();
    await configure(h);
    await h.call('llm.setKey', { key: KEY });
    await h.call('translate.start', { project: sample, task: 'proofread', scope: { kind: 'all' }, jobId: 'p' });
    await h.ended('p');
    const results = await h.call('translate.results', { jobId: 'p' });
    const proposal = results.ok
      ? (results.value as { proofread: { changes: { id: string; newText: string }[]; kind: string } }).proofread
      : null;
    expect(proposal?.kind).toBe('proofread');
    const fixed = proposal?.changes.map((c) => c.newText) ?? [];
    expect(fixed.length).toBeGreaterThan(0);
    expect(fixed.every((t) => !t.includes('志愿大会'))).toBe(true);
    expect(fixed.some((t) => t.includes('智源大会'))).toBe(true);
  });

  it('refuses what local only forbids, and keys in settings', async () => {
    const h = host();
    await configure(h);
    const remote = await h.call('settings.set', {
      patch: { llm: { preset: 'deepseek', baseUrl: '', model: '', localOnly: true } },
    });
    expect(remote.ok).toBe(true);
    expect(await h.call('translate.start', { project: sample, scope: { kind: 'all' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringMatching(/local only.*api\.deepseek\.com/) },
    });
    expect(
      await h.call('settings.set', {
        patch: { llm: { preset: 'custom', baseUrl: '', model: '', localOnly: false, apiKey: KEY } },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await h.call('llm.check', {})).toMatchObject({
      ok: true,
      value: { ok: false, message: expect.stringMatching(/local only/) },
    });
  });

  it('llm.check lists the models of a reachable endpoint and says why another is not', async () => {
    const h = host();
    await configure(h);
    await h.call('llm.setKey', { key: KEY });
    expect(await h.call('llm.check', {})).toEqual({
      ok: true,
      value: {
        ok: true,
        destination: { origin: `http://127.0.0.1:${server.port}`, host: '127.0.0.1', loopback: true },
        models: ['fake-model'],
        message: null,
        hostMessage: null,
      },
    });
    const closed = await startFakeLlmServer();
    await closed.close();
    const check = await h.call('llm.check', {
      settings: { preset: 'custom', baseUrl: closed.baseUrl, model: 'm', localOnly: true },
    });
    expect(check).toMatchObject({
      ok: true,
      value: { ok: false, message: expect.stringMatching(/cannot reach/), hostMessage: { code: 'llm-unreachable' } },
    });
  });
});

describe('keys never leak', () => {
  it('appear in no written file, no event, no error message and no log, even when the server echoes them', async () => {
    const logs: string[] = [];
    const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logs.push(args.map(String).join(' '));
      }),
    );
    try {
      const h = host();
      await configure(h, { batchSentences: 50 });
      expect(await h.call('llm.setKey', { key: KEY })).toMatchObject({
        ok: true,
        value: { source: 'file', stored: true },
      });
      await h.call('translate.start', { project: sample, scope: { kind: 'untranslated' }, jobId: 'k1' });
      await h.ended('k1');
      const results = await h.call('translate.results', { jobId: 'k1' });
      const drafts = results.ok
        ? (results.value as { batches: { drafts: { segmentId: string; newTranslation: string }[] }[] }).batches.flatMap(
            (b) => b.drafts,
          )
        : [];
      expect(drafts.length).toBeGreaterThan(0);
      // The server got the key; now it refuses and echoes the Authorization header in its error.
      expect(server.requests.at(-1)?.authorization).toBe(`Bearer ${KEY}`);
      server.script('401');
      await h.call('translate.start', { project: sample, scope: { kind: 'untranslated' }, jobId: 'k2' });
      const failed = await h.ended('k2');
      expect(failed).toMatchObject({ state: 'failed', reason: 'refused' });
      expect(failed.message).toMatch(/Bearer \[key\]/);
      // The message for the UI carries the server's words, scrubbed the same way.
      expect(failed.hostMessage).toMatchObject({ code: 'llm-key-refused' });
      expect(JSON.stringify(failed.hostMessage)).toMatch(/Bearer \[key\]/);
      // Write what a user writes: the project, an export, the memory, settings.
      const project: Project = {
        ...sample,
        segments: sample.segments.map((s) => ({
          ...s,
          translation: drafts.find((d) => d.segmentId === s.id)?.newTranslation ?? s.translation,
        })),
      };
      expect((await h.call('project.save', { path: join(dir, 'talk.zimu'), project })).ok).toBe(true);
      expect(
        (await h.call('project.export', { path: join(dir, 'talk.srt'), project, format: 'srt', layout: 'bilingual' }))
          .ok,
      ).toBe(true);
      expect((await h.call('tm.add', { pairs: [{ source: '各位来宾', target: 'guests' }] })).ok).toBe(true);
      expect((await h.call('tm.export', { path: join(dir, 'memory.tmx') })).ok).toBe(true);
      // A failing call's error (an unknown job) and a bad argument's error.
      await h.call('translate.results', { jobId: KEY.slice(0, 3) });
      const files = await allFiles(dir);
      expect(files.length).toBeGreaterThan(4);
      for (const file of files) {
        const text = await fs.readFile(file, 'utf8');
        if (file.endsWith('llm-keys.json')) {
          // The one place the key lives (encrypted in the desktop app); mode 0600.
          expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
          continue;
        }
        expect(text.includes(KEY), file).toBe(false);
      }
      expect(JSON.stringify(h.events)).not.toContain(KEY);
      expect(JSON.stringify(h.errors)).not.toContain(KEY);
      expect(logs.join('\n')).not.toContain(KEY);
      const status = await h.call('llm.keyStatus', {});
      expect(JSON.stringify(status)).not.toContain(KEY);
      const settingsFile = await fs.readFile(join(h.profile, 'settings.json'), 'utf8');
      expect(settingsFile).toContain('"llm"');
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});

describe('tm.* through the contract', () => {
  it('fills untranslated segments from exact matches and suggests fuzzy ones with their differences', async () => {
    const h = host();
    const project = createProject({
      segments: [
        { source: '各位来宾' },
        { source: '欢迎参加今天的志愿大会' },
        { source: '完全无关的话' },
        { source: '各位来宾', translation: 'Mine' },
      ],
    });
    await h.call('tm.add', {
      pairs: [
        { source: '各位来宾', target: 'Honoured guests' },
        { source: '欢迎参加今天的智源大会', target: "Welcome to today's BAAI Conference" },
      ],
    });
    const lookup = await h.call('tm.lookup', { project });
    expect(lookup.ok).toBe(true);
    const v = lookup.ok
      ? (lookup.value as {
          drafts: { segmentId: string }[];
          suggestions: { segmentId: string; matches: { similarity: number; diff: unknown[] }[] }[];
          size: number;
        })
      : null;
    expect(v?.drafts.map((d) => d.segmentId)).toEqual(['s1']);
    expect(v?.suggestions.map((s) => s.segmentId)).toEqual(['s1', 's2']);
    expect(v?.suggestions[1]?.matches[0]?.similarity).toBeCloseTo(9 / 11);
    expect(v?.size).toBe(2);
    const tmx = join(dir, 'tm.tmx');
    expect(await h.call('tm.export', { path: tmx })).toEqual({ ok: true, value: { path: tmx, pairs: 2 } });
    const other = makeTestHost(dir);
    expect(await other.handlers['tm.import']({ path: tmx })).toMatchObject({ added: 2, skipped: 0, size: 2 });
    expect(await h.call('tm.stats', {})).toMatchObject({ ok: true, value: { size: 2 } });
  });
});

describe('createTranslateHandlers', () => {
  it('keeps keys in the OS keychain when the host has one', async () => {
    const profile = join(dir, 'electron-profile');
    const handlers: Pick<Handlers, 'llm.setKey' | 'llm.keyStatus'> = createTranslateHandlers({
      cacheDir: join(profile, 'cache'),
      settings: createSettingsStore(profile),
      emit: () => {},
      keyCipher: {
        isAvailable: () => true,
        encrypt: (s) => Buffer.from(s).reverse(),
        decrypt: (b) => Buffer.from(b).reverse().toString(),
      },
    });
    expect(await handlers['llm.setKey']({ baseUrl: 'https://api.deepseek.com/v1', key: KEY })).toMatchObject({
      host: 'api.deepseek.com',
      source: 'keychain',
      storage: 'keychain',
    });
    expect(await fs.readFile(join(profile, 'llm-keys.json'), 'utf8')).not.toContain(KEY);
  });
});
