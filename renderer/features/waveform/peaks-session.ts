import type { MediaInfo, Peaks } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import type { Client } from '../../platform/client';
import { callJob } from '../../platform/jobs';
import { createStore, type Store } from '../../state/store';
import { base64Bytes, chooseLevel, createLevel, levelFromFile, type PeaksLevel, pairsFor, writePairs } from './peaks';

/**
 * The waveform data of one media file: asks the host for its peaks, draws the chunks the host
 * streams while it decodes, then fetches the finished levels (one per zoom range) as they are needed.
 * One session per media file for the whole app, so React's double effects and a remount of the
 * panel join it instead of starting another decode.
 */

export type WaveformStatus = 'loading' | 'decoding' | 'ready' | 'cancelled' | 'failed';

export interface PeaksSessionState {
  readonly status: WaveformStatus;
  /** The host's job while loading or decoding (an id this session chose): what Cancel cancels. */
  readonly jobId: string | null;
  /** 0..1 while decoding, when the host said. */
  readonly progress: number | null;
  /** Whether the host answered from its cache; null until it answered. */
  readonly cached: boolean | null;
  readonly error: unknown;
  /** Changes whenever there is more (or better) to draw. */
  readonly revision: number;
}

export interface PeaksSession {
  readonly key: string;
  readonly store: Store<PeaksSessionState>;
  /**
   * The best data there is for `pxPerSec` device pixels per second: the right finished level if it
   * is here (else it is fetched, and the nearest one drawn meanwhile), or what was decoded so far.
   */
  levelFor(devicePxPerSec: number): PeaksLevel | null;
  cancel(): Promise<void>;
  /** Ask again after a cancel or a failure. */
  retry(): void;
  dispose(): void;
}

/** Redraws while decoding: at most this often. */
const CHUNK_REDRAW_MS = 400;

const initialState: PeaksSessionState = {
  status: 'loading',
  jobId: null,
  progress: null,
  cached: null,
  error: null,
  revision: 0,
};

export function createPeaksSession(client: Client, media: MediaInfo): PeaksSession {
  const key = `${media.id}#${media.audioTrack}`;
  const store = createStore<PeaksSessionState>(initialState);
  /** What was decoded so far (while decoding), at the pairs-per-second of the chunks. */
  let partial: PeaksLevel | null = null;
  let answer: Peaks | null = null;
  const levels = new Map<number, PeaksLevel>();
  const fetching = new Set<number>();
  let attempt = 0;
  let disposed = false;
  let redrawTimer: ReturnType<typeof setTimeout> | null = null;

  const patch = (p: Partial<PeaksSessionState>) => {
    if (!disposed) store.set({ ...store.get(), ...p });
  };
  const bump = () => patch({ revision: store.get().revision + 1 });
  const bumpSoon = () => {
    redrawTimer ??= setTimeout(() => {
      redrawTimer = null;
      bump();
    }, CHUNK_REDRAW_MS);
  };

  /** An event of this session's running job (the first one says the decode started). */
  const decodingEvent = (jobId: string): boolean => {
    const { status } = store.get();
    if (jobId !== store.get().jobId || (status !== 'loading' && status !== 'decoding')) return false;
    if (status === 'loading') patch({ status: 'decoding' });
    return true;
  };

  const stopChunks = client.on('peaks.chunk', (chunk) => {
    if (chunk.mediaId !== media.id || !decodingEvent(chunk.jobId)) return;
    if (!partial || partial.peaksPerSecond !== chunk.peaksPerSecond) {
      partial = createLevel(chunk.peaksPerSecond, pairsFor(media.durationMs, chunk.peaksPerSecond));
    }
    writePairs(partial, chunk.from, base64Bytes(chunk.data));
    bumpSoon();
  });
  const stopProgress = client.on('job.progress', (p) => {
    if (p.kind !== 'peaks' || p.mediaId !== media.id || !decodingEvent(p.jobId)) return;
    patch({ progress: p.total > 0 ? Math.min(1, p.done / p.total) : null });
  });

  function fetchLevel(index: number): void {
    const level = answer?.levels[index];
    if (!level || fetching.has(index) || levels.has(index)) return;
    fetching.add(index);
    const forAnswer = answer;
    fetch(level.url)
      .then((response) => {
        if (!response.ok) throw new Error(`the waveform file answered HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => {
        if (disposed || answer !== forAnswer) return;
        levels.set(index, levelFromFile(buffer, level.peaksPerSecond));
        // The finished levels replace what was decoded on the way.
        partial = null;
        bump();
      })
      .catch((error: unknown) => {
        if (!disposed && answer === forAnswer) patch({ status: 'failed', error });
      })
      .finally(() => fetching.delete(index));
  }

  function start(): void {
    const mine = ++attempt;
    answer = null;
    levels.clear();
    // The job is named here, so Cancel works before the host has said anything about it.
    const { jobId, result } = callJob(client, 'media.peaks', { mediaId: media.id, audioTrack: media.audioTrack });
    patch({ ...initialState, jobId, revision: store.get().revision + 1 });
    result.then(
      (result) => {
        if (disposed || mine !== attempt) return;
        answer = result;
        patch({ status: 'ready', jobId: null, progress: 1, cached: result.cached });
        bump();
      },
      (error: unknown) => {
        if (disposed || mine !== attempt) return;
        const cancelled = error instanceof ZimuError && error.code === 'cancelled';
        patch({ status: cancelled ? 'cancelled' : 'failed', jobId: null, error: cancelled ? null : error });
      },
    );
  }

  start();

  return {
    key,
    store,
    levelFor(devicePxPerSec) {
      if (answer) {
        const pps = answer.levels.map((l) => l.peaksPerSecond);
        const want = chooseLevel(pps, devicePxPerSec);
        const have = levels.get(want);
        if (have) return have;
        fetchLevel(want);
        // Meanwhile: the loaded level nearest in detail, or what was decoded on the way.
        let nearest: PeaksLevel | null = null;
        for (const level of levels.values()) {
          const target = pps[want] ?? level.peaksPerSecond;
          if (
            !nearest ||
            Math.abs(Math.log(level.peaksPerSecond / target)) < Math.abs(Math.log(nearest.peaksPerSecond / target))
          )
            nearest = level;
        }
        return nearest ?? partial;
      }
      return partial;
    },
    async cancel() {
      const { jobId } = store.get();
      if (!jobId) return;
      attempt++;
      patch({ status: 'cancelled', jobId: null });
      await client.call('job.cancel', { jobId });
    },
    retry() {
      if (!disposed) start();
    },
    dispose() {
      if (disposed) return;
      const { jobId, status } = store.get();
      if (jobId && (status === 'loading' || status === 'decoding'))
        void client.call('job.cancel', { jobId }).catch(() => {});
      disposed = true;
      stopChunks();
      stopProgress();
      if (redrawTimer) clearTimeout(redrawTimer);
    },
  };
}

let current: PeaksSession | null = null;

/** The session for `media`, made on first use; another media file's session is ended (its decode cancelled). */
export function peaksSessionFor(client: Client, media: MediaInfo): PeaksSession {
  const key = `${media.id}#${media.audioTrack}`;
  if (current?.key === key) return current;
  current?.dispose();
  current = createPeaksSession(client, media);
  return current;
}
