import { z } from 'zod';
import { HostMessageSchema } from '../ipc/message-schema';

/** Runtime schemas of the translation calls and events (shared/ipc/contract.ts uses them). */

export const TranslateScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('untranslated') }).strict(),
  z.object({ kind: z.literal('selection'), ids: z.array(z.string().min(1)).min(1) }).strict(),
]);

export const TermPairSchema = z.object({ source: z.string(), target: z.string() }).strict();

export const TaskSchema = z.enum(['translate', 'proofread']);

export const TranslationDraftSchema = z.object({
  segmentId: z.string(),
  sentenceId: z.string(),
  oldTranslation: z.string(),
  newTranslation: z.string(),
  origin: z.enum(['llm', 'memory']),
  batch: z.number().int().nonnegative(),
});

/**
 * queued → running ⇄ waiting (rate limited: retryAt) ⇄ offline (network down: retrying at retryAt)
 * → done | failed (refused, unreachable) | cancelled. A failed or cancelled job can be resumed.
 */
export const JobStateSchema = z.enum(['queued', 'running', 'waiting', 'offline', 'done', 'failed', 'cancelled']);

export const JobReasonSchema = z.enum([
  'rate-limited',
  'offline',
  'server-error',
  'stalled',
  'invalid-reply',
  'refused',
  'unreachable',
]);

export const TokenCountSchema = z.object({
  prompt: z.number().int().nonnegative(),
  completion: z.number().int().nonnegative(),
});

export const CostSchema = z.object({ amount: z.number().nonnegative(), currency: z.enum(['USD', 'CNY']) });

export const TranslateProgressSchema = z.object({
  jobId: z.string(),
  task: TaskSchema,
  state: JobStateSchema,
  /** Where the text goes (origin of the endpoint). */
  destination: z.string(),
  segmentsDone: z.number().int().nonnegative(),
  segmentsTotal: z.number().int().nonnegative(),
  /** Segments of batches that failed for good in this run (reported, not applied). */
  segmentsFailed: z.number().int().nonnegative(),
  batchesDone: z.number().int().nonnegative(),
  batchesTotal: z.number().int().nonnegative(),
  requests: z.number().int().nonnegative(),
  tokens: TokenCountSchema,
  /** Estimated from the preset's prices; null when they are not known. */
  cost: CostSchema.nullable(),
  /** Characters of replies streamed so far: shows life while a long batch runs. */
  receivedChars: z.number().int().nonnegative(),
  /** Why the job waits or stopped; null while all is well. */
  reason: JobReasonSchema.nullable(),
  /** Plain-language detail of the reason (English; never contains a key). */
  message: z.string().nullable(),
  /** The same detail as a message (shared/ipc/messages.ts), for the UI to word in its language. */
  hostMessage: HostMessageSchema.nullable(),
  /** When the job tries again (ms since 1970), while waiting or offline. */
  retryAt: z.number().nullable(),
});

export const JobProblemSchema = z.object({
  reason: JobReasonSchema,
  /** English (never contains a key); `hostMessage` is the same for the UI. */
  message: z.string(),
  hostMessage: HostMessageSchema,
  segmentIds: z.array(z.string()),
});

export const TranslateBatchResultSchema = z.object({
  /** Completion order, from 0: results can be fetched from a batch on (`fromBatch`). */
  batch: z.number().int().nonnegative(),
  drafts: z.array(TranslationDraftSchema),
});

export const TmPairSchema = z.object({ source: z.string(), target: z.string() }).strict();

export const FuzzyMatchSchema = z.object({
  source: z.string(),
  target: z.string(),
  updated: z.number(),
  similarity: z.number(),
  diff: z.array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() })),
});

export const KeyStatusSchema = z.object({
  /** The host the key is for: a key is only ever sent to the host it was stored for. */
  host: z.string(),
  /** Where the key used for this host comes from. */
  source: z.enum(['environment', 'keychain', 'file', 'none']),
  /** Whether a key was stored for this host (the environment's key is not stored). */
  stored: z.boolean(),
  /** Where a new key would be stored: the OS keychain (safeStorage) or a 0600 file. */
  storage: z.enum(['keychain', 'file']),
});

export type TranslateProgress = z.output<typeof TranslateProgressSchema>;
export type JobState = z.output<typeof JobStateSchema>;
export type JobReason = z.output<typeof JobReasonSchema>;
export type JobProblem = z.output<typeof JobProblemSchema>;
export type Task = z.output<typeof TaskSchema>;
export type KeyStatus = z.output<typeof KeyStatusSchema>;
