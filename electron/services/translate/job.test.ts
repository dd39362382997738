import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../../../shared/ipc/messages';
import { createProject } from '../../../shared/model/project';
import type { Project } from '../../../shared/model/types';
import { MemoryIndex } from '../../../shared/tm/memory-index';
import { applyDrafts, MACHINE_FLAG } from '../../../shared/translate/drafts';
import type { TranslateScope } from '../../../shared/translate/plan';
import type { TranslateProgress } from '../../../shared/translate/schema';
import { type LlmSettings, resolveEndpoint } from '../../../shared/translate/settings';
import { loadProjectFile } from '../project-store';
import { createLlmJob } from './llm-job';
import { type FakeLlmServer, fakeEnglish, startFakeLlmServer } from './testing/fake-llm-server';

const SAMPLE = join(__dirname, '..', '..', 'sample', 'bv1uh4y1w77v-p1.zimu');

let server: FakeLlmServer;
let sample: Project;
beforeAll(async () => {
  server = await startFakeLlmServer();
  sample = await loadProjectFile(SAMPLE);
});
afterAll(() => server.close());

/** A project of `n` one-segment sentences, so batch counts are easy to predict. */
function sentences(n: number): Project {
  return createProject({
    segments: Array.from({ length: n }, (_, i) => ({
      source: `这是第${'一二三四五六七八九十'[i % 10]}句话。`,
      start: i * 2000,
      end: i * 2000 + 1500,
    })),
  });
}

interface Run {
  job: ReturnType<typeof createLlmJob>;
  events: TranslateProgress[];
  waits: number[];
  requestsBefore: number;
}

/** A job against the fake server on a virtual clock: waits are recorded and pass at once. */
function makeJob(
  project: Project,
  options: {
    settings?: Partial<LlmSettings>;
    scope?: TranslateScope;
    overwrite?: boolean;
    terms?: { source: string; target: string }[];
    memory?: MemoryIndex;
    maxOfflineMs?: number;
    baseUrl?: string;
  } = {},
): Run {
  const resolved = resolveEndpoint({
    preset: 'custom',
    baseUrl: options.baseUrl ?? server.baseUrl,
    model: 'fake-model',
    localOnly: true,
    concurrency: 1,
    ...options.settings,
  });
  if (!resolved.ok) throw new Error(englishMessage(resolved.reason));
  const events: TranslateProgress[] = [];
  const waits: number[] = [];
  let clock = 1_000_000;
  const job = createLlmJob({
    id: 'job-1',
    project,
    task: 'translate',
    scope: options.scope ?? { kind: 'untranslated' },
    overwrite: options.overwrite ?? false,
    terms: options.terms ?? [],
    distribution: { maxLineLength: 42, maxLines: 1 },
    memory: options.memory ?? null,
    endpoint: resolved.endpoint,
    localOnly: true,
    apiKey: null,
    onProgress: (p) => events.push(p),
    client: { stallMs: 300 },
    job: {
      now: () => clock,
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      ...(options.maxOfflineMs !== undefined ? { maxOfflineMs: options.maxOfflineMs } : {}),
    },
  });
  return { job, events, waits, requestsBefore: server.requests.length };
}

const chatRequests = (run: Run) =>
  server.requests.slice(run.requestsBefore).filter((r) => r.path === '/v1/chat/completions');
const itemIds = (run: Run) =>
  chatRequests(run).map((r) =>
    (JSON.parse(r.body?.messages?.[1]?.content ?? '{}') as { items: { id: string }[] }).items.map((i) => i.id),
  );

describe('a translation job', () => {
  it('translates the untranslated segments of the sample sentence by sentence, with progress to the end', async () => {
    const run = makeJob(sample);
    const untranslated = sample.segments.filter((s) => s.translation === '').map((s) => s.id);
    await run.job.start();
    const final = run.job.progress();
    expect(final).toMatchObject({
      state: 'done',
      segmentsDone: untranslated.length,
      segmentsTotal: untranslated.length,
      reason: null,
    });
    expect(final.tokens.prompt).toBeGreaterThan(0);
    expect(final.cost).toEqual({ amount: 0, currency: 'USD' }); // a local server costs nothing
    const drafts = run.job.batches().flatMap((b) => b.drafts);
    expect(drafts.map((d) => d.segmentId)).toEqual(untranslated);
    // Sentences were sent whole: some request item spans several segments.
    expect(itemIds(run).flat().length).toBeLessThan(untranslated.length);
    const applied = applyDrafts(sample, drafts).project;
    for (const id of untranslated) {
      const s = applied.segments.find((x) => x.id === id);
      expect(s?.translation).not.toBe('');
      expect(s?.flags).toContain(MACHINE_FLAG);
    }
    // Segments that had a translation kept it.
    for (const s of sample.segments.filter((x) => x.translation !== ''))
      expect(applied.segments.find((x) => x.id === s.id)?.translation).toBe(s.translation);
    // Progress only grows, and the first event already knows the total.
    const done = run.events.map((e) => e.segmentsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(run.events[0]?.segmentsTotal).toBe(untranslated.length);
  });

  it('puts the glossary in the prompt, and its terms come back in the translation', async () => {
    const project = createProject({ segments: [{ source: '欢迎来到智源大会。', start: 0, end: 2000 }] });
    const run = makeJob(project, {
      terms: [
        { source: '智源大会', target: 'BAAI Conference' },
        { source: '无关', target: 'unrelated' },
      ],
    });
    await run.job.start();
    const sent = JSON.parse(chatRequests(run)[0]?.body?.messages?.[1]?.content ?? '{}');
    expect(sent.glossary).toEqual([{ source: '智源大会', target: 'BAAI Conference' }]);
    expect(run.job.batches()[0]?.drafts[0]?.newTranslation).toBe(fakeEnglish('欢迎来到智源大会。', sent.glossary));
    expect(run.job.batches()[0]?.drafts[0]?.newTranslation).toContain('BAAI Conference');
  });

  it('retries a reply with a wrong id, a missing id or Chinese text, and uses none of the bad reply', async () => {
    const run = makeJob(sentences(4), { settings: { batchSentences: 4 } });
    server.script('wrong-ids', 'missing-id');
    await run.job.start();
    // Two bad replies: the batch of 4 was retried once, then split into two halves that both passed.
    expect(itemIds(run)).toEqual([
      ['s1', 's2', 's3', 's4'],
      ['s1', 's2', 's3', 's4'],
      ['s1', 's2'],
      ['s3', 's4'],
    ]);
    const drafts = run.job.batches().flatMap((b) => b.drafts);
    expect(drafts.map((d) => d.segmentId)).toEqual(['s1', 's2', 's3', 's4']);
    expect(drafts.every((d) => !d.newTranslation.includes('unknown'))).toBe(true);
    expect(run.job.progress()).toMatchObject({ state: 'done', batchesDone: 2, segmentsDone: 4, requests: 4 });
    expect(run.events.some((e) => e.reason === 'invalid-reply' && /no translation for s1/.test(e.message ?? ''))).toBe(
      true,
    );
  });

  it('reports a sentence whose replies stay unusable, applies nothing of it, and resume tries it again', async () => {
    const run = makeJob(sentences(3), { settings: { batchSentences: 1 } });
    server.script('ok', 'chinese', 'invalid-json', 'chinese');
    await run.job.start();
    expect(run.job.progress()).toMatchObject({
      state: 'done',
      segmentsDone: 2,
      segmentsFailed: 1,
      reason: 'invalid-reply',
    });
    expect(run.job.problems()).toEqual([
      {
        reason: 'invalid-reply',
        message: expect.stringMatching(/not in en/),
        // The same for the UI: a message code, the reply's problem nested in it.
        hostMessage: {
          code: 'llm-unusable-reply',
          params: { problem: { code: 'reply-wrong-language', params: expect.objectContaining({ language: 'en' }) } },
        },
        segmentIds: ['s2'],
      },
    ]);
    expect(run.job.batches().flatMap((b) => b.drafts.map((d) => d.segmentId))).toEqual(['s1', 's3']);
    await run.job.resume();
    expect(run.job.progress()).toMatchObject({ state: 'done', segmentsDone: 3, segmentsFailed: 0, reason: null });
    expect(run.job.batches(2).flatMap((b) => b.drafts.map((d) => d.segmentId))).toEqual(['s2']);
  });

  it('honours 429 Retry-After by holding the whole job back, then goes on', async () => {
    const run = makeJob(sentences(2), { settings: { batchSentences: 1 } });
    server.script('429');
    await run.job.start();
    expect(run.waits).toContain(1000);
    const waiting = run.events.find((e) => e.state === 'waiting');
    expect(waiting).toMatchObject({ reason: 'rate-limited', retryAt: expect.any(Number) });
    expect(run.job.progress()).toMatchObject({ state: 'done', segmentsDone: 2, requests: 3 });
  });

  it('retries a server error and a stalled stream with backoff; a server that keeps failing is reported', async () => {
    const run = makeJob(sentences(2), { settings: { batchSentences: 1 } });
    server.script('500', 'stall', '500', '500', '500', '500');
    await run.job.start();
    expect(run.waits).toEqual([1000, 2000, 4000, 1000, 2000]);
    expect(run.job.progress()).toMatchObject({
      state: 'done',
      segmentsDone: 1,
      segmentsFailed: 1,
      reason: 'server-error',
    });
    // s1 got 500, stall, 500, 500 and was given up; s2 got 500, 500, then an answer.
    expect(run.job.problems()).toEqual([
      {
        reason: 'server-error',
        message: expect.stringMatching(/500/),
        hostMessage: { code: 'llm-server-failed', params: expect.objectContaining({ status: 500 }) },
        segmentIds: ['s1'],
      },
    ]);
    expect(run.job.batches()[0]?.drafts[0]?.segmentId).toBe('s2');
    expect(run.events.some((e) => e.reason === 'stalled')).toBe(true);
  });

  it('pauses and says so when the connection drops, and carries on when it is back', async () => {
    const run = makeJob(sentences(3), { settings: { batchSentences: 1 } });
    server.script('ok', 'drop', 'drop');
    await run.job.start();
    const offline = run.events.filter((e) => e.state === 'offline');
    expect(offline.length).toBe(2);
    expect(offline[0]).toMatchObject({
      reason: 'offline',
      message: expect.stringMatching(/lost the connection/),
      retryAt: expect.any(Number),
    });
    expect(run.waits).toEqual([1000, 2000]);
    expect(run.job.progress()).toMatchObject({ state: 'done', segmentsDone: 3, reason: null });
  });

  it('gives up when the network stays down longer than allowed', async () => {
    const run = makeJob(sentences(2), { settings: { batchSentences: 1 }, maxOfflineMs: 5000 });
    server.script('ok', 'drop', 'drop', 'drop', 'drop', 'drop');
    await run.job.start();
    expect(run.job.progress()).toMatchObject({ state: 'failed', reason: 'unreachable', segmentsDone: 1 });
  });

  it('fails at once, saying so, when the endpoint cannot be reached at all', async () => {
    const closed = await startFakeLlmServer();
    await closed.close();
    const run = makeJob(sentences(2), { baseUrl: closed.baseUrl });
    await run.job.start();
    expect(run.job.progress()).toMatchObject({
      state: 'failed',
      reason: 'unreachable',
      message: expect.stringMatching(/cannot reach http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED/),
    });
    expect(run.waits).toEqual([]);
  });

  it('stops on a refusal, keeping what was done', async () => {
    const run = makeJob(sentences(3), { settings: { batchSentences: 1 } });
    server.script('ok', '401');
    await run.job.start();
    expect(run.job.progress()).toMatchObject({
      state: 'failed',
      reason: 'refused',
      segmentsDone: 1,
      message: expect.stringMatching(/401/),
      hostMessage: { code: 'llm-key-refused', params: { status: 401 } },
    });
    expect(run.job.batches()).toHaveLength(1);
    await run.job.resume();
    expect(run.job.progress()).toMatchObject({ state: 'done', segmentsDone: 3 });
  });

  it('cancels midway and resumes without asking again for the finished batches', async () => {
    const run = makeJob(sentences(4), { settings: { batchSentences: 1 } });
    server.script('ok', 'hold');
    const running = run.job.start();
    await server.whenHolding(1);
    expect(run.job.cancel()).toBe(true);
    await running;
    expect(run.job.progress()).toMatchObject({ state: 'cancelled', segmentsDone: 1, batchesDone: 1 });
    expect(run.job.batches().map((b) => b.drafts[0]?.segmentId)).toEqual(['s1']);
    server.release();
    await run.job.resume();
    expect(run.job.progress()).toMatchObject({ state: 'done', segmentsDone: 4, batchesDone: 4 });
    expect(itemIds(run)).toEqual([['s1'], ['s2'], ['s2'], ['s3'], ['s4']]);
    expect(run.job.batches(1).map((b) => [b.batch, b.drafts[0]?.segmentId])).toEqual([
      [1, 's2'],
      [2, 's3'],
      [3, 's4'],
    ]);
  });

  it('runs batches concurrently up to the limit', async () => {
    const run = makeJob(sentences(6), { settings: { batchSentences: 1, concurrency: 3 } });
    server.script('hold', 'hold', 'hold');
    const running = run.job.start();
    await server.whenHolding(3);
    expect(server.holding).toBe(3);
    server.release();
    await running;
    expect(run.job.progress()).toMatchObject({ state: 'done', segmentsDone: 6 });
  });

  it('fills exact translation-memory matches first and asks the model only for the rest', async () => {
    const memory = new MemoryIndex();
    memory.add({ source: '这是第二句话。', target: 'This is sentence two.' });
    const run = makeJob(sentences(3), { memory });
    await run.job.start();
    expect(run.job.memoryDrafts).toEqual([
      {
        segmentId: 's2',
        sentenceId: 's2',
        oldTranslation: '',
        newTranslation: 'This is sentence two.',
        origin: 'memory',
        batch: 0,
      },
    ]);
    expect(itemIds(run).flat()).toEqual(['s1', 's3']);
  });

  it('translates only the selection, and overwrites existing translations only when asked', async () => {
    const project: Project = {
      ...sentences(3),
      segments: sentences(3).segments.map((s) => (s.id === 's2' ? { ...s, translation: 'Mine.' } : s)),
    };
    const keep = makeJob(project, { scope: { kind: 'selection', ids: ['s2', 's3'] } });
    await keep.job.start();
    expect(keep.job.batches().flatMap((b) => b.drafts.map((d) => d.segmentId))).toEqual(['s3']);
    const replace = makeJob(project, { scope: { kind: 'selection', ids: ['s2'] }, overwrite: true });
    await replace.job.start();
    expect(replace.job.batches()[0]?.drafts).toEqual([
      expect.objectContaining({ segmentId: 's2', oldTranslation: 'Mine.' }),
    ]);
  });
});
