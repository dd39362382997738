import { hostWarning, msg } from '../../../shared/ipc/messages';
import type { Project } from '../../../shared/model/types';
import type { ReimportProposal } from '../../../shared/reimport/reimport';
import type { MemoryIndex } from '../../../shared/tm/memory-index';
import type { DistributionOptions } from '../../../shared/translate/distribute';
import type { TranslationDraft } from '../../../shared/translate/drafts';
import { planTranslation, type TranslateScope, targetIndexes } from '../../../shared/translate/plan';
import type { Languages, TermPair } from '../../../shared/translate/prompt';
import { proofreadBatches, proofreadProposal } from '../../../shared/translate/proofread';
import type { JobProblem, Task, TranslateProgress } from '../../../shared/translate/schema';
import type { ResolvedEndpoint } from '../../../shared/translate/settings';
import { type ChatClientOptions, createChatClient } from './client';
import { Job, type JobOptions } from './job';
import { proofreadTask, type TaskContext, translateTask } from './tasks';

/**
 * One translation or proofreading job, ready to start: exact translation-memory matches taken
 * first (as drafts, no request needed), the rest planned into batches for the model. Shared by
 * the hosts' service (electron/services/translate/service.ts) and the CLI.
 */

export interface LlmJobInput {
  readonly id: string;
  readonly project: Project;
  readonly task: Task;
  readonly scope: TranslateScope;
  readonly overwrite: boolean;
  readonly terms: readonly TermPair[];
  readonly distribution: DistributionOptions;
  /** Exact matches fill segments before the model is asked (translation only); null: no memory. */
  readonly memory: MemoryIndex | null;
  readonly endpoint: ResolvedEndpoint;
  readonly localOnly: boolean;
  readonly apiKey: string | null;
  readonly onProgress: (progress: TranslateProgress) => void;
  readonly client?: Partial<ChatClientOptions>;
  readonly job?: Partial<JobOptions>;
}

export interface LlmJob {
  readonly id: string;
  readonly task: Task;
  /** Segments filled from the translation memory (origin 'memory'), not part of any batch. */
  readonly memoryDrafts: readonly TranslationDraft[];
  start(): Promise<void>;
  resume(): Promise<void>;
  cancel(): boolean;
  readonly isRunning: boolean;
  progress(): TranslateProgress;
  problems(): JobProblem[];
  /** Translation: the drafts of finished batches, numbered in the order they finished. */
  batches(fromBatch?: number): { batch: number; drafts: TranslationDraft[] }[];
  /** Proofreading: the fixes so far as a reimport proposal (field 'text'). */
  proofread(): ReimportProposal | null;
}

/** Exact memory matches for the segments a job would translate. */
export function memoryDrafts(
  project: Project,
  scope: TranslateScope,
  overwrite: boolean,
  memory: MemoryIndex,
): TranslationDraft[] {
  const drafts: TranslationDraft[] = [];
  for (const i of [...targetIndexes(project, scope, overwrite)].sort((a, b) => a - b)) {
    const s = project.segments[i];
    if (!s) continue;
    const hit = memory.exact(s.source);
    if (!hit || hit.target === s.translation) continue;
    drafts.push({
      segmentId: s.id,
      sentenceId: s.id,
      oldTranslation: s.translation,
      newTranslation: hit.target,
      origin: 'memory',
      batch: 0,
    });
  }
  return drafts;
}

export function createLlmJob(input: LlmJobInput): LlmJob {
  const { project, endpoint } = input;
  const languages: Languages = project.languages;
  const client = createChatClient({ endpoint, apiKey: input.apiKey, localOnly: input.localOnly, ...input.client });
  const context: TaskContext = { project, client, terms: input.terms, languages };
  const jobOptions: JobOptions = {
    id: input.id,
    destination: endpoint.destination.origin,
    concurrency: endpoint.concurrency,
    prices: endpoint.prices,
    onProgress: input.onProgress,
    ...input.job,
  };

  if (input.task === 'proofread') {
    const job = new Job(proofreadTask(context, proofreadBatches(project, input.scope)), jobOptions);
    return {
      id: input.id,
      task: 'proofread',
      memoryDrafts: [],
      start: () => job.start(),
      resume: () => job.resume(),
      cancel: () => job.cancel(),
      get isRunning() {
        return job.isRunning;
      },
      progress: () => job.progress(),
      problems: () => job.problems(),
      batches: () => [],
      proofread() {
        const fixes = new Map<string, string>();
        for (const done of job.completed()) for (const [id, text] of done.result) fixes.set(id, text);
        const warnings = job.problems().map((p) =>
          hostWarning(
            null,
            msg('proofread-not-done', {
              count: p.segmentIds.length,
              first: p.segmentIds[0] ?? '',
              problem: p.hostMessage,
            }),
          ),
        );
        return proofreadProposal(project, fixes, warnings);
      },
    };
  }

  const fromMemory = input.memory ? memoryDrafts(project, input.scope, input.overwrite, input.memory) : [];
  const plan = planTranslation(
    project,
    input.scope,
    input.overwrite,
    { batchSentences: endpoint.batchSentences },
    new Set(fromMemory.map((d) => d.segmentId)),
  );
  const job = new Job(translateTask(context, plan.batches, input.distribution), jobOptions);
  return {
    id: input.id,
    task: 'translate',
    memoryDrafts: fromMemory,
    start: () => job.start(),
    resume: () => job.resume(),
    cancel: () => job.cancel(),
    get isRunning() {
      return job.isRunning;
    },
    progress: () => job.progress(),
    problems: () => job.problems(),
    batches: (fromBatch = 0) =>
      job
        .completed(fromBatch)
        .map((d) => ({ batch: d.seq, drafts: d.result.map((draft) => ({ ...draft, batch: d.seq })) })),
    proofread: () => null,
  };
}
