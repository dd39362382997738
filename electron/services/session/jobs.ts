import { randomUUID } from 'node:crypto';
import { ZimuError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/ipc/messages';

/**
 * Cancellable jobs (waveform decodes, remuxes, auto-timing), by id. The caller may name the job
 * itself (the `jobId` argument of a call), so it can cancel at once, before the job's first event
 * tells it anything; a cancel that arrives before its job started (the two calls raced) is kept,
 * and the job starts cancelled.
 */

export interface Job {
  readonly id: string;
  readonly signal: AbortSignal;
  /** The job is over: forget it (cancelling it later does nothing). */
  end(): void;
}

export interface Jobs {
  /** Start a job under the caller's id, or a fresh one. A running job's id cannot be taken again. */
  start(id?: string): Job;
  /** Stop a running job; true when one was running. An id not started yet starts cancelled. */
  cancel(id: string): boolean;
  /** Ids of running jobs (tests, diagnostics). */
  running(): string[];
}

/** Early cancels remembered; the oldest are forgotten first (a caller never starts its job that late). */
const MAX_EARLY_CANCELS = 256;

export function createJobs(): Jobs {
  const running = new Map<string, AbortController>();
  const cancelledEarly = new Set<string>();
  return {
    start(requested) {
      const id = requested ?? randomUUID();
      if (running.has(id)) throw new ZimuError('invalid-argument', msg('job-running', { job: id }));
      const controller = new AbortController();
      if (cancelledEarly.delete(id)) controller.abort();
      running.set(id, controller);
      return {
        id,
        signal: controller.signal,
        end: () => {
          if (running.get(id) === controller) running.delete(id);
        },
      };
    },
    cancel(id) {
      const controller = running.get(id);
      if (controller) {
        controller.abort();
        return true;
      }
      cancelledEarly.add(id);
      if (cancelledEarly.size > MAX_EARLY_CANCELS)
        cancelledEarly.delete(cancelledEarly.values().next().value as string);
      return false;
    },
    running: () => [...running.keys()],
  };
}

/** Run `work` as a job under the caller's id (or a fresh one), ending it however the work ends. */
export async function asJob<T>(jobs: Jobs, jobId: string | undefined, work: (job: Job) => Promise<T>): Promise<T> {
  const job = jobs.start(jobId);
  try {
    return await work(job);
  } finally {
    job.end();
  }
}
