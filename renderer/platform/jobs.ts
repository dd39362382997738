import type { CallArgs, CallName, CallResult } from '../../shared/ipc/contract';
import type { Client } from './client';

/** Calls that run as a cancellable job and take the caller's job id. */
export type JobCall = {
  [K in CallName]: 'jobId' extends keyof CallArgs<K> ? K : never;
}[CallName];

/** A fresh job id. The renderer names its jobs so it can cancel before the job's first event. */
export function newJobId(): string {
  // randomUUID needs a secure context; the app always has one (file:, zimu-media:, 127.0.0.1).
  return globalThis.crypto?.randomUUID?.() ?? `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Run a job call under an id of the caller's, and cancel it when `signal` aborts, at once: no need
 * to wait for an event to learn the job's id. Resolves with the id as well (events carry it).
 */
export function callJob<K extends JobCall>(
  client: Pick<Client, 'call'>,
  name: K,
  args: Omit<CallArgs<K>, 'jobId'>,
  options: { jobId?: string; signal?: AbortSignal } = {},
): { jobId: string; result: Promise<CallResult<K>> } {
  const jobId = options.jobId ?? newJobId();
  const cancel = () => void client.call('job.cancel', { jobId }).catch(() => {});
  options.signal?.addEventListener('abort', cancel, { once: true });
  const result = client
    .call(name, { ...args, jobId } as CallArgs<K>)
    .finally(() => options.signal?.removeEventListener('abort', cancel));
  if (options.signal?.aborted) cancel();
  return { jobId, result };
}
