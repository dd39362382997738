import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventName, EventPayload, MediaInfo, Peaks } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/ipc/messages';
import type { Client } from '../../platform/client';
import { createPeaksSession } from './peaks-session';

const media: MediaInfo = {
  id: 'm1',
  url: '/media/m1',
  path: '/talk.opus',
  playPath: '/talk.opus',
  remuxed: false,
  durationMs: 1000,
  audioTracks: [{ index: 0, codec: 'opus', sampleRate: 48000, channels: 1 }],
  video: null,
  audioTrack: 0,
  bilibili: null,
};

/** A host that answers media.peaks when told to, and whose events the test sends. */
function fakeHost() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let answer: { ok(v: Peaks): void; fail(e: unknown): void } | null = null;
  const calls: { name: string; args: unknown }[] = [];
  const client: Client = {
    call(name, args) {
      calls.push({ name, args });
      if (name === 'media.peaks') {
        return new Promise((ok, fail) => {
          answer = { ok: ok as (v: Peaks) => void, fail };
        }) as never;
      }
      return Promise.resolve({ cancelled: true }) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  return {
    client,
    calls,
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const fn of listeners.get(event) ?? []) fn(payload);
    },
    answer: (v: Peaks) => answer?.ok(v),
    fail: (e: unknown) => answer?.fail(e),
  };
}

const pairs = (values: [number, number][]) => {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach(([min, max], i) => {
    view.setInt16(i * 4, min, true);
    view.setInt16(i * 4 + 2, max, true);
  });
  return btoa(String.fromCharCode(...new Uint8Array(view.buffer)));
};

const flush = () => new Promise((ok) => setTimeout(ok, 0));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the peaks session', () => {
  it('draws decoded chunks as they come, reports progress, and cancels the job', async () => {
    vi.useFakeTimers();
    const host = fakeHost();
    const session = createPeaksSession(host.client, media);
    // The session names its job, so it knows it before any event.
    const j1 = session.store.get().jobId as string;
    expect(j1).toBeTruthy();
    expect(host.calls[0]).toEqual({ name: 'media.peaks', args: { mediaId: 'm1', audioTrack: 0, jobId: j1 } });
    expect(session.store.get().status).toBe('loading');
    expect(session.levelFor(100)).toBe(null);

    host.emit('job.progress', { jobId: j1, kind: 'peaks', mediaId: 'm1', done: 250, total: 1000 });
    host.emit('peaks.chunk', {
      jobId: j1,
      mediaId: 'm1',
      peaksPerSecond: 100,
      from: 2,
      data: pairs([[-32767, 16384]]),
    });
    // Another job's events are not ours (another media file, or auto-timing joining this decode).
    host.emit('peaks.chunk', { jobId: 'j9', mediaId: 'other', peaksPerSecond: 100, from: 0, data: pairs([[-1, 1]]) });
    host.emit('job.progress', { jobId: 'j9', kind: 'peaks', mediaId: 'm1', done: 900, total: 1000 });
    expect(session.store.get()).toMatchObject({ status: 'decoding', jobId: j1, progress: 0.25 });
    const level = session.levelFor(100);
    expect(level?.top.length).toBe(100);
    expect(level?.top[2]).toBeCloseTo(0.5, 3);
    expect(level?.bottom[2]).toBe(1);
    expect(level?.top[0]).toBe(0);

    // Redraws are batched.
    const revision = session.store.get().revision;
    vi.advanceTimersByTime(500);
    expect(session.store.get().revision).toBe(revision + 1);

    await session.cancel();
    expect(host.calls.at(-1)).toEqual({ name: 'job.cancel', args: { jobId: j1 } });
    host.fail(new ZimuError('cancelled', msg('waveform-cancelled')));
    await vi.runAllTimersAsync();
    expect(session.store.get().status).toBe('cancelled');
    // What was decoded stays on screen.
    expect(session.levelFor(100)).toBe(level);
    // Late events of the cancelled job change nothing.
    host.emit('job.progress', { jobId: j1, kind: 'peaks', mediaId: 'm1', done: 300, total: 1000 });
    expect(session.store.get().status).toBe('cancelled');
    session.dispose();
  });

  it('cancels with its own job id before the host said anything', async () => {
    const host = fakeHost();
    const session = createPeaksSession(host.client, media);
    const jobId = session.store.get().jobId;
    await session.cancel();
    expect(host.calls.map((c) => c.name)).toEqual(['media.peaks', 'job.cancel']);
    expect(host.calls[1]?.args).toEqual({ jobId });
    expect(session.store.get().status).toBe('cancelled');
    session.dispose();
  });

  it('shows a cached answer at once: fetches the level the zoom needs, skipping the 32-byte header', async () => {
    const file = new Uint8Array(32 + 8);
    new DataView(file.buffer).setInt16(32 + 2, 32767, true);
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return new Response(file);
    });
    const host = fakeHost();
    const session = createPeaksSession(host.client, media);
    host.answer({
      durationMs: 1000,
      cached: true,
      levels: [
        { peaksPerSecond: 100, count: 100, url: '/peaks/0' },
        { peaksPerSecond: 25, count: 25, url: '/peaks/1' },
      ],
    });
    await flush();
    expect(session.store.get()).toMatchObject({ status: 'ready', cached: true });
    expect(session.levelFor(10)).toBe(null);
    expect(fetched).toEqual(['/peaks/1']);
    await flush();
    await flush();
    const level = session.levelFor(10);
    expect(level?.peaksPerSecond).toBe(25);
    expect(Array.from(level?.top ?? [])).toEqual([1, 0]);
    // Zoomed in: the finer level is fetched, the coarse one drawn meanwhile.
    expect(session.levelFor(80)).toBe(level);
    expect(fetched).toEqual(['/peaks/1', '/peaks/0']);
    session.dispose();
  });

  it('says when the host failed, and asks again on retry', async () => {
    const host = fakeHost();
    const session = createPeaksSession(host.client, media);
    host.fail(new ZimuError('unsupported', msg('ffmpeg-missing')));
    await flush();
    expect(session.store.get().status).toBe('failed');
    session.retry();
    expect(session.store.get().status).toBe('loading');
    expect(host.calls.filter((c) => c.name === 'media.peaks')).toHaveLength(2);
    session.dispose();
  });
});
