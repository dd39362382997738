import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { CallResult, EventPayload } from '../../../shared/ipc/contract';
import type { Handlers } from '../../../shared/ipc/dispatch';
import { ZimuError } from '../../../shared/ipc/errors';
import { englishMessage, type HostMessage, msg } from '../../../shared/ipc/messages';
import type { Project } from '../../../shared/model/types';
import type { MemoryIndex } from '../../../shared/tm/memory-index';
import { describeDestination } from '../../../shared/translate/destination';
import { planTranslation } from '../../../shared/translate/plan';
import { estimateCost, findPreset } from '../../../shared/translate/presets';
import { translateMessages } from '../../../shared/translate/prompt';
import { proofreadBatches, proofreadMessages } from '../../../shared/translate/proofread';
import {
  DEFAULT_LLM_SETTINGS,
  type LlmSettings,
  type ResolvedEndpoint,
  resolveEndpoint,
} from '../../../shared/translate/settings';
import type { SettingsStore } from '../settings';
import { type LanguagePair, openTranslationMemory, type TranslationMemory } from '../tm/memory-store';
import { readTmxFile, writeTmxFile } from '../tm/tmx';
import { type ChatClientOptions, createChatClient, estimateTokens } from './client';
import { LlmFailure } from './failure';
import type { JobOptions } from './job';
import { createKeyStore, type KeyCipher } from './key-store';
import { createLlmJob, type LlmJob, memoryDrafts } from './llm-job';

/**
 * The contract's translate.*, llm.* and tm.* calls for both hosts: jobs kept by id (cancel,
 * resume, results while running), the endpoint from the user's settings, keys from the key store,
 * one translation memory per language pair loaded once.
 */

export interface TranslateDeps {
  /** `<profile>/cache`: the profile is its parent (keys and the translation memory live there). */
  readonly cacheDir: string;
  readonly settings: SettingsStore;
  emit(event: 'translate.progress', payload: EventPayload<'translate.progress'>): void;
  /** Electron's safeStorage (electron/main/safe-storage-cipher.ts); absent: a 0600 file. */
  readonly keyCipher?: KeyCipher | null;
  /** Tests: shorter timeouts and recorded waits. */
  readonly translateOptions?: { client?: Partial<ChatClientOptions>; job?: Partial<JobOptions> };
}

type TranslateCalls =
  | 'translate.preview'
  | 'translate.start'
  | 'translate.resume'
  | 'translate.cancel'
  | 'translate.results'
  | 'translate.discard'
  | 'llm.check'
  | 'llm.keyStatus'
  | 'llm.setKey'
  | 'tm.lookup'
  | 'tm.add'
  | 'tm.import'
  | 'tm.export'
  | 'tm.stats';

const DEFAULT_LANGUAGES: LanguagePair = { source: 'zh-CN', translation: 'en' };

/** translate.start's validated argument (defaults filled in). */
type JobArgs = Parameters<Handlers['translate.start']>[0];

export function createTranslateHandlers(deps: TranslateDeps): Pick<Handlers, TranslateCalls> {
  const profileDir = dirname(deps.cacheDir);
  const keys = createKeyStore({ profileDir, cipher: deps.keyCipher ?? null });
  const jobs = new Map<string, LlmJob>();
  const memories = new Map<string, Promise<TranslationMemory>>();

  function memory(languages: LanguagePair = DEFAULT_LANGUAGES): Promise<TranslationMemory> {
    const key = `${languages.source}\u0000${languages.translation}`;
    let m = memories.get(key);
    if (!m) {
      m = openTranslationMemory(profileDir, languages);
      memories.set(key, m);
      m.catch(() => memories.delete(key));
    }
    return m;
  }

  async function llmSettings(): Promise<LlmSettings> {
    return (await deps.settings.get()).llm ?? DEFAULT_LLM_SETTINGS;
  }

  function endpointOf(settings: LlmSettings): ResolvedEndpoint {
    const resolved = resolveEndpoint(settings);
    if (!resolved.ok) throw new ZimuError('invalid-argument', resolved.reason);
    return resolved.endpoint;
  }

  /** The host a key belongs to: of the given URL, else of the saved settings. */
  async function keyHost(baseUrl: string | undefined): Promise<string> {
    const settings = await llmSettings();
    const url = baseUrl?.trim() || settings.baseUrl.trim() || findPreset(settings.preset)?.baseUrl || '';
    const described = describeDestination(url);
    if (!described.ok) throw new ZimuError('invalid-argument', described.reason);
    return described.destination.host;
  }

  function jobOf(jobId: string): LlmJob {
    const job = jobs.get(jobId);
    if (!job) throw new ZimuError('not-found', msg('translate-no-job', { job: jobId }));
    return job;
  }

  async function memoryIndexFor(args: JobArgs, project: Project): Promise<MemoryIndex | null> {
    if (!args.useMemory || args.task !== 'translate') return null;
    return (await memory(project.languages)).index;
  }

  async function preview(args: JobArgs): Promise<CallResult<'translate.preview'>> {
    const settings = await llmSettings();
    const endpoint = endpointOf(settings);
    const { project } = args;
    const languages = project.languages;
    const tokens = { prompt: 0, completion: 0 };
    let segments = 0;
    let memoryHits = 0;
    let units = 0;
    let requests = 0;
    if (args.task === 'proofread') {
      const batches = proofreadBatches(project, args.scope);
      for (const b of batches) {
        const [system, user] = proofreadMessages(b, args.glossary, languages);
        tokens.prompt += estimateTokens(system?.content ?? '') + estimateTokens(user?.content ?? '');
        // Most lines need no fix: the reply is a fraction of the text.
        tokens.completion += Math.ceil(b.items.reduce((n, i) => n + estimateTokens(i.text), 0) * 0.2) + 10;
        segments += b.items.length;
        units += b.items.length;
      }
      requests = batches.length;
    } else {
      const index = await memoryIndexFor(args, project);
      const fromMemory = index ? memoryDrafts(project, args.scope, args.overwrite, index) : [];
      memoryHits = fromMemory.length;
      const plan = planTranslation(
        project,
        args.scope,
        args.overwrite,
        { batchSentences: endpoint.batchSentences },
        new Set(fromMemory.map((d) => d.segmentId)),
      );
      for (const b of plan.batches) {
        for (const m of translateMessages(b, args.glossary, languages)) tokens.prompt += estimateTokens(m.content);
        // English runs about 1.3 tokens per Chinese character, plus the JSON around it.
        tokens.completion += b.units.reduce((n, u) => n + Math.ceil(estimateTokens(u.text) * 1.3) + 8, 0);
      }
      segments = plan.segments + memoryHits;
      units = plan.units;
      requests = plan.batches.length;
    }
    const d = endpoint.destination;
    return {
      destination: { origin: d.origin, host: d.host, loopback: d.loopback },
      model: endpoint.model,
      segments,
      memoryHits,
      units,
      requests,
      estimatedTokens: tokens,
      estimatedCost: estimateCost(endpoint.prices, tokens),
      key: await keys.status(d.host),
    };
  }

  async function start(args: JobArgs): Promise<CallResult<'translate.start'>> {
    const id = args.jobId ?? randomUUID();
    const existing = jobs.get(id);
    if (existing?.isRunning) throw new ZimuError('invalid-argument', msg('translate-job-running', { job: id }));
    const settings = await llmSettings();
    const endpoint = endpointOf(settings);
    const job = createLlmJob({
      id,
      project: args.project,
      task: args.task,
      scope: args.scope,
      overwrite: args.overwrite,
      terms: args.glossary,
      distribution: { maxLineLength: args.maxLineLength, maxLines: args.maxLines },
      memory: await memoryIndexFor(args, args.project),
      endpoint,
      localOnly: settings.localOnly,
      apiKey: await keys.get(endpoint.destination.host),
      onProgress: (progress) => deps.emit('translate.progress', progress),
      ...(deps.translateOptions?.client ? { client: deps.translateOptions.client } : {}),
      ...(deps.translateOptions?.job ? { job: deps.translateOptions.job } : {}),
    });
    jobs.set(id, job);
    void job.start();
    return job.progress();
  }

  async function check(settingsArg: LlmSettings | undefined): Promise<CallResult<'llm.check'>> {
    const settings = settingsArg ?? (await llmSettings());
    const described = describeDestination(settings.baseUrl.trim() || findPreset(settings.preset)?.baseUrl || '');
    const destination = described.ok
      ? {
          origin: described.destination.origin,
          host: described.destination.host,
          loopback: described.destination.loopback,
        }
      : null;
    const resolved = resolveEndpoint(settings);
    const failed = (message: HostMessage) => ({
      ok: false,
      destination,
      models: [],
      message: englishMessage(message),
      hostMessage: message,
    });
    if (!resolved.ok) return failed(resolved.reason);
    const endpoint = resolved.endpoint;
    const client = createChatClient({
      endpoint,
      apiKey: await keys.get(endpoint.destination.host),
      localOnly: settings.localOnly,
      stallMs: 15_000,
      ...deps.translateOptions?.client,
    });
    try {
      const models = await client.listModels(AbortSignal.timeout(20_000));
      return { ok: true, destination, models, message: null, hostMessage: null };
    } catch (err) {
      return failed(err instanceof LlmFailure ? err.hostMessage : msg('host-text', { text: String(err) }));
    }
  }

  return {
    'translate.preview': async (args) => preview(args),
    'translate.start': async (args) => start(args),
    'translate.resume': async ({ jobId }) => {
      const job = jobOf(jobId);
      void job.resume();
      return job.progress();
    },
    'translate.cancel': async ({ jobId }) => ({ cancelled: jobOf(jobId).cancel() }),
    'translate.results': async ({ jobId, fromBatch }) => {
      const job = jobOf(jobId);
      return {
        progress: job.progress(),
        batches: job.batches(fromBatch),
        memory: [...job.memoryDrafts],
        proofread: job.proofread(),
        problems: job.problems(),
      };
    },
    'translate.discard': async ({ jobId }) => {
      const job = jobs.get(jobId);
      job?.cancel();
      return { discarded: jobs.delete(jobId) };
    },
    'llm.check': async ({ settings }) => check(settings),
    'llm.keyStatus': async ({ baseUrl }) => keys.status(await keyHost(baseUrl)),
    'llm.setKey': async ({ baseUrl, key }) => keys.set(await keyHost(baseUrl), key),
    'tm.lookup': async ({ project, ids, fuzzy, limit }) => {
      const { index } = await memory(project.languages);
      const wanted = ids ? new Set(ids) : null;
      const segments = project.segments.filter((s) =>
        wanted ? wanted.has(s.id) : s.translation.trim() === '' && s.source.trim() !== '',
      );
      const drafts = segments.flatMap((s) => {
        if (s.translation.trim() !== '' || s.flags.includes('locked')) return [];
        const hit = index.exact(s.source);
        return hit
          ? [
              {
                segmentId: s.id,
                sentenceId: s.id,
                oldTranslation: s.translation,
                newTranslation: hit.target,
                origin: 'memory' as const,
                batch: 0,
              },
            ]
          : [];
      });
      const suggestions = fuzzy
        ? segments
            .map((s) => ({ segmentId: s.id, matches: index.fuzzy(s.source, { limit }) }))
            .filter((s) => s.matches.length > 0)
        : [];
      return { drafts, suggestions, size: index.size };
    },
    'tm.add': async ({ pairs, languages }) => {
      const m = await memory(languages);
      const added = await m.add(pairs);
      return { added, size: m.index.size };
    },
    'tm.import': async ({ path, languages }) => {
      const pair = languages ?? DEFAULT_LANGUAGES;
      const read = await readTmxFile(path, pair);
      const m = await memory(pair);
      const added = await m.add(read.pairs);
      return { added, skipped: read.skipped, size: m.index.size, warnings: read.warnings };
    },
    'tm.export': async ({ path, languages }) => {
      const pair = languages ?? DEFAULT_LANGUAGES;
      const m = await memory(pair);
      await writeTmxFile(path, m.index.all(), pair);
      return { path, pairs: m.index.size };
    },
    'tm.stats': async ({ languages }) => {
      const m = await memory(languages);
      return { size: m.index.size, file: m.file };
    },
  };
}
