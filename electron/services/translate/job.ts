import { englishMessage, type HostMessage, msg } from '../../../shared/ipc/messages';
import { estimateCost, type TokenPrices } from '../../../shared/translate/presets';
import type { JobProblem, JobReason, JobState, Task, TranslateProgress } from '../../../shared/translate/schema';
import type { TokenUsage } from './client';
import { LlmFailure } from './failure';

/**
 * A batch job against a model, not a freeze: batches run with bounded concurrency; progress is
 * reported as it streams; a 429 holds the whole job back for its Retry-After (or a backoff); a
 * dropped network pauses it and retries with backoff; server errors and stalls are retried a few
 * times; an invalid reply is retried, then its batch split in halves; a refusal stops the job.
 * Finished batches are kept: cancel, then resume, runs only the rest.
 */

export interface JobTask<B, R> {
  readonly task: Task;
  /** Everything to do, in order. */
  readonly batches: readonly B[];
  segmentsOf(batch: B): number;
  /** Halves of a batch whose replies keep failing validation; null when it is one unit. */
  split(batch: B): readonly [B, B] | null;
  /** One request. Throws LlmFailure; an invalid reply is LlmFailure('invalid-reply') with its problem. */
  run(batch: B, signal: AbortSignal, onChunk: (chars: number) => void): Promise<{ result: R; usage: TokenUsage }>;
  /** The segment ids of a batch (for problem reports). */
  segmentIdsOf(batch: B): readonly string[];
}

export interface JobOptions {
  readonly id: string;
  readonly destination: string;
  readonly concurrency: number;
  readonly prices: TokenPrices | null;
  readonly onProgress: (progress: TranslateProgress) => void;
  /** Waits (injectable so tests see the delays asked for without waiting them). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now?: () => number;
  /** First backoff step; doubles per retry up to maxBackoffMs. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** Give up after this long without the network (Infinity: until cancelled). */
  readonly maxOfflineMs?: number;
  /** Streamed-progress events at most this often. */
  readonly progressIntervalMs?: number;
}

export interface CompletedBatch<B, R> {
  readonly seq: number;
  readonly batch: B;
  readonly result: R;
}

const INVALID_TRIES = 2;
const INVALID_TRIES_SINGLE = 3;
const SERVER_TRIES = 4;
const RATE_LIMIT_TRIES = 8;

export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

interface Attempts {
  invalid: number;
  server: number;
  rate: number;
}

export class Job<B, R> {
  readonly id: string;
  private readonly task: JobTask<B, R>;
  private readonly options: JobOptions;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly done: CompletedBatch<B, R>[] = [];
  /** Batches not done: waiting to run (a resume runs the failed ones again too). */
  private pending: B[];
  private failed: { batch: B; problem: JobProblem }[] = [];
  private readonly attempts = new Map<B, Attempts>();
  private readonly problemLog: JobProblem[] = [];
  private state: JobState = 'queued';
  private reason: JobReason | null = null;
  private message: HostMessage | null = null;
  private retryAt: number | null = null;
  private requests = 0;
  private tokens = { prompt: 0, completion: 0 };
  private receivedChars = 0;
  private controller = new AbortController();
  private running: Promise<void> | null = null;
  /** The whole job holds back until then (rate limit, network down). */
  private holdUntil = 0;
  private offlineSince: number | null = null;
  private offlineStreak = 0;
  private reached = false;
  private lastStreamEvent = 0;
  /** Batches being worked on (counted in the total until they settle). */
  private readonly active = new Set<B>();

  constructor(task: JobTask<B, R>, options: JobOptions) {
    this.id = options.id;
    this.task = task;
    this.options = options;
    this.pending = [...task.batches];
    this.sleep = options.sleep ?? realSleep;
    this.now = options.now ?? Date.now;
  }

  /** Run until every batch is done or failed, or the job is cancelled or refused. Resolves, never rejects. */
  start(): Promise<void> {
    if (this.running) return this.running;
    this.controller = new AbortController();
    this.pending.push(...this.failed.map((f) => f.batch));
    this.failed = [];
    this.attempts.clear();
    this.setState('running', null, null);
    const run = this.runAll().catch((err: unknown) => {
      // A bug, not a reply: stop and say so rather than leave a job that never ends.
      this.controller.abort();
      this.finish(
        'failed',
        null,
        msg('translate-internal', { reason: err instanceof Error ? err.message : String(err) }),
      );
    });
    this.running = run;
    return run;
  }

  /**
   * Same as start: done batches are kept and skipped. Asked while a cancelled or refused run is
   * still winding down, it starts again once that run has ended.
   */
  resume(): Promise<void> {
    if (this.running) return this.controller.signal.aborted ? this.running.then(() => this.start()) : this.running;
    if (this.state === 'done' && this.failed.length === 0) return Promise.resolve();
    return this.start();
  }

  /** The run's last word: not running any more by the time anyone hears it (and may resume at once). */
  private finish(state: JobState, reason: JobReason | null, message: HostMessage | null): void {
    this.running = null;
    this.setState(state, reason, message);
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.controller.abort();
    return true;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  completed(fromSeq = 0): CompletedBatch<B, R>[] {
    return this.done.filter((d) => d.seq >= fromSeq);
  }

  problems(): JobProblem[] {
    return [...this.problemLog];
  }

  progress(): TranslateProgress {
    const segments = (list: readonly B[]) => list.reduce((n, b) => n + this.task.segmentsOf(b), 0);
    const segmentsDone = segments(this.done.map((d) => d.batch));
    const segmentsFailed = segments(this.failed.map((f) => f.batch));
    return {
      jobId: this.id,
      task: this.task.task,
      state: this.state,
      destination: this.options.destination,
      segmentsDone,
      segmentsTotal: segments(this.task.batches),
      segmentsFailed,
      batchesDone: this.done.length,
      batchesTotal: this.done.length + this.pending.length + this.failed.length + this.active.size,
      requests: this.requests,
      tokens: { ...this.tokens },
      cost: estimateCost(this.options.prices, this.tokens),
      receivedChars: this.receivedChars,
      reason: this.reason,
      message: this.message && englishMessage(this.message),
      hostMessage: this.message,
      retryAt: this.retryAt,
    };
  }

  private emit(): void {
    this.options.onProgress(this.progress());
  }

  private setState(
    state: JobState,
    reason: JobReason | null,
    message: HostMessage | null,
    retryAt: number | null = null,
  ) {
    this.state = state;
    this.reason = reason;
    this.message = message;
    this.retryAt = retryAt;
    this.emit();
  }

  private backoff(step: number): number {
    const base = this.options.backoffMs ?? 1000;
    return Math.min(base * 2 ** Math.max(0, step), this.options.maxBackoffMs ?? 60_000);
  }

  private async runAll(): Promise<void> {
    const signal = this.controller.signal;
    const workers = Array.from({ length: Math.max(1, this.options.concurrency) }, () => this.worker(signal));
    await Promise.all(workers);
    if (this.state === 'failed') {
      this.running = null; // refused or unreachable: said so already
      return;
    }
    if (signal.aborted) {
      this.finish('cancelled', null, null);
      return;
    }
    if (this.failed.length > 0) {
      const n = this.failed.reduce((k, f) => k + this.task.segmentsOf(f.batch), 0);
      this.finish('done', this.failed[0]?.problem.reason ?? null, msg('translate-segments-left', { count: n }));
      return;
    }
    this.finish('done', null, null);
  }

  private async worker(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.state !== 'failed') {
      const batch = this.pending.shift();
      if (batch === undefined) return;
      this.active.add(batch);
      try {
        await this.runBatch(batch, signal);
      } finally {
        this.active.delete(batch);
      }
    }
  }

  private async holdBack(signal: AbortSignal): Promise<void> {
    while (!signal.aborted && this.now() < this.holdUntil) await this.sleep(this.holdUntil - this.now(), signal);
  }

  /** Back to the front of the queue, unfinished (cancel, a refusal elsewhere). */
  private requeue(batch: B): void {
    this.active.delete(batch);
    this.pending.unshift(batch);
  }

  private attemptsOf(batch: B): Attempts {
    let a = this.attempts.get(batch);
    if (!a) {
      a = { invalid: 0, server: 0, rate: 0 };
      this.attempts.set(batch, a);
    }
    return a;
  }

  /** One batch to the end: done, split, failed, or put back (cancel, job failure). */
  private async runBatch(batch: B, signal: AbortSignal): Promise<void> {
    for (;;) {
      await this.holdBack(signal);
      if (signal.aborted || this.state === 'failed') {
        this.requeue(batch);
        return;
      }
      this.requests++;
      let outcome: { result: R; usage: TokenUsage };
      try {
        outcome = await this.task.run(batch, signal, (chars) => this.onChunk(chars));
      } catch (err) {
        const failure =
          err instanceof LlmFailure ? err : new LlmFailure('server-error', msg('host-text', { text: String(err) }));
        const next = await this.onFailure(batch, failure, signal);
        if (next === 'retry') continue;
        return;
      }
      this.reached = true;
      this.tokens.prompt += outcome.usage.prompt;
      this.tokens.completion += outcome.usage.completion;
      this.active.delete(batch);
      this.done.push({ seq: this.done.length, batch, result: outcome.result });
      this.attempts.delete(batch);
      this.offlineStreak = 0;
      this.offlineSince = null;
      if ((this.state !== 'running' || this.reason !== null) && this.now() >= this.holdUntil)
        this.setState('running', null, null);
      else this.emit();
      return;
    }
  }

  private onChunk(chars: number): void {
    this.reached = true;
    this.receivedChars += chars;
    const now = this.now();
    if (this.state === 'offline' && now >= this.holdUntil) {
      // Data flows again: back online (the batch itself may still fail).
      this.lastStreamEvent = now;
      this.setState('running', null, null);
    } else if (now - this.lastStreamEvent >= (this.options.progressIntervalMs ?? 250)) {
      this.lastStreamEvent = now;
      this.emit();
    }
  }

  private report(batch: B, reason: JobReason, message: HostMessage): void {
    const problem = {
      reason,
      message: englishMessage(message),
      hostMessage: message,
      segmentIds: [...this.task.segmentIdsOf(batch)],
    };
    this.active.delete(batch);
    this.failed.push({ batch, problem });
    this.problemLog.push(problem);
    this.attempts.delete(batch);
    this.emit();
  }

  private async onFailure(batch: B, failure: LlmFailure, signal: AbortSignal): Promise<'retry' | 'settled'> {
    const attempts = this.attemptsOf(batch);
    if (failure.kind !== 'offline' && failure.kind !== 'cancelled') this.reached = true;
    switch (failure.kind) {
      case 'cancelled':
        this.requeue(batch);
        return 'settled';
      case 'refused':
        this.requeue(batch);
        this.controller.abort();
        this.setState('failed', 'refused', failure.hostMessage);
        return 'settled';
      case 'rate-limited': {
        attempts.rate++;
        if (attempts.rate >= RATE_LIMIT_TRIES) {
          this.report(batch, 'rate-limited', failure.hostMessage);
          return 'settled';
        }
        const wait = failure.retryAfterMs ?? this.backoff(attempts.rate);
        this.holdUntil = Math.max(this.holdUntil, this.now() + wait);
        this.setState('waiting', 'rate-limited', failure.hostMessage, this.holdUntil);
        return 'retry';
      }
      case 'offline': {
        const now = this.now();
        if (!this.reached && failure.unreachable) {
          this.requeue(batch);
          this.controller.abort();
          this.setState('failed', 'unreachable', failure.hostMessage);
          return 'settled';
        }
        this.offlineSince ??= now;
        if (now - this.offlineSince > (this.options.maxOfflineMs ?? Number.POSITIVE_INFINITY)) {
          this.requeue(batch);
          this.controller.abort();
          const seconds = Math.round((now - this.offlineSince) / 1000);
          this.setState(
            'failed',
            'unreachable',
            msg('translate-offline-too-long', { problem: failure.hostMessage, seconds }),
          );
          return 'settled';
        }
        // One step of backoff per round of failures, however many batches were in flight.
        if (now >= this.holdUntil) {
          this.holdUntil = now + this.backoff(this.offlineStreak);
          this.offlineStreak++;
        }
        this.setState('offline', 'offline', failure.hostMessage, this.holdUntil);
        return 'retry';
      }
      case 'server-error':
      case 'stalled': {
        attempts.server++;
        if (attempts.server >= SERVER_TRIES) {
          this.report(batch, failure.kind, failure.hostMessage);
          return 'settled';
        }
        this.emitReason(failure);
        await this.sleep(failure.retryAfterMs ?? this.backoff(attempts.server - 1), signal);
        return 'retry';
      }
      case 'invalid-reply': {
        attempts.invalid++;
        const halves = this.task.split(batch);
        if (attempts.invalid < (halves ? INVALID_TRIES : INVALID_TRIES_SINGLE)) {
          this.emitReason(failure);
          return 'retry';
        }
        if (halves) {
          this.attempts.delete(batch);
          this.active.delete(batch);
          this.pending.unshift(...halves);
          this.emitReason(failure);
          return 'settled';
        }
        this.report(batch, 'invalid-reply', failure.hostMessage);
        return 'settled';
      }
    }
  }

  /** A retried problem shows in the progress (reason, message) while the job keeps running. */
  private emitReason(failure: LlmFailure): void {
    this.reason = failure.kind === 'cancelled' || failure.kind === 'refused' ? null : (failure.kind as JobReason);
    this.message = failure.hostMessage;
    this.emit();
  }
}
