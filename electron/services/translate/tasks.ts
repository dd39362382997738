import { msg } from '../../../shared/ipc/messages';
import type { Project } from '../../../shared/model/types';
import type { DistributionOptions } from '../../../shared/translate/distribute';
import { type TranslationDraft, unitDrafts } from '../../../shared/translate/drafts';
import type { UnitBatch } from '../../../shared/translate/plan';
import { type Languages, type TermPair, translateMessages } from '../../../shared/translate/prompt';
import { type ProofreadBatch, proofreadMessages } from '../../../shared/translate/proofread';
import { checkFixesReply, checkTranslationReply } from '../../../shared/translate/reply';
import type { ChatClient } from './client';
import { LlmFailure } from './failure';
import type { JobTask } from './job';

/** The two kinds of job: translating sentences, and proofreading the source text. */

export interface TaskContext {
  readonly project: Project;
  readonly client: ChatClient;
  readonly terms: readonly TermPair[];
  readonly languages: Languages;
}

function halves<T>(items: readonly T[]): readonly [T[], T[]] | null {
  if (items.length < 2) return null;
  const mid = Math.ceil(items.length / 2);
  return [items.slice(0, mid), items.slice(mid)];
}

/** Drafts per batch; their `batch` is set when the job numbers the finished batch. */
export function translateTask(
  context: TaskContext,
  batches: readonly UnitBatch[],
  distribution?: DistributionOptions,
): JobTask<UnitBatch, TranslationDraft[]> {
  const { project, client, terms, languages } = context;
  return {
    task: 'translate',
    batches,
    segmentsOf: (b) => b.units.reduce((n, u) => n + u.indexes.length, 0),
    segmentIdsOf: (b) => b.units.flatMap((u) => u.segmentIds),
    split: (b) => {
      const h = halves(b.units);
      return h
        ? [
            { index: b.index, units: h[0] },
            { index: b.index, units: h[1] },
          ]
        : null;
    },
    async run(batch, signal, onChunk) {
      const reply = await client.complete(translateMessages(batch, terms, languages), signal, onChunk);
      const ids = batch.units.map((u) => u.id);
      const checked = checkTranslationReply(reply.text, ids, languages.translation);
      if (!checked.ok) {
        throw new LlmFailure('invalid-reply', msg('llm-unusable-reply', { problem: checked.problem.message }), {
          problem: checked.problem,
        });
      }
      const drafts = batch.units.flatMap((u) =>
        unitDrafts(project, u, checked.texts.get(u.id) as string, batch.index, distribution),
      );
      return { result: drafts, usage: reply.usage };
    },
  };
}

/** Fixes (segment id → corrected source) per batch. */
export function proofreadTask(
  context: TaskContext,
  batches: readonly ProofreadBatch[],
): JobTask<ProofreadBatch, Map<string, string>> {
  const { client, terms, languages } = context;
  return {
    task: 'proofread',
    batches,
    segmentsOf: (b) => b.items.length,
    segmentIdsOf: (b) => b.items.map((i) => i.id),
    split: (b) => {
      const h = halves(b.items);
      return h
        ? [
            { ...b, items: h[0] },
            { ...b, items: h[1] },
          ]
        : null;
    },
    async run(batch, signal, onChunk) {
      const reply = await client.complete(proofreadMessages(batch, terms, languages), signal, onChunk);
      const checked = checkFixesReply(
        reply.text,
        batch.items.map((i) => i.id),
        languages.source,
      );
      if (!checked.ok) {
        throw new LlmFailure('invalid-reply', msg('llm-unusable-reply', { problem: checked.problem.message }), {
          problem: checked.problem,
        });
      }
      return { result: new Map(checked.texts), usage: reply.usage };
    },
  };
}
