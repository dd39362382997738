import { describe, expect, it } from 'vitest';
import type { CallArgs, CallResult, EventName, EventPayload, MediaInfo } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/ipc/messages';
import type { ProjectPatch } from '../../../shared/model/patch';
import type { Segment } from '../../../shared/model/types';
import type { Client } from '../../platform/client';
import { createEditor } from '../../state/editor';
import { createNotices } from '../../state/notices';
import { sampleDocument } from '../../test/fixtures';
import { canAutotime, runAutotime } from './run-autotime';

const media: MediaInfo = {
  id: 'm1',
  url: '/media/m1',
  path: '/talk.opus',
  playPath: '/talk.opus',
  remuxed: false,
  durationMs: 9000,
  audioTracks: [{ index: 0, codec: 'opus', sampleRate: 48000, channels: 1 }],
  video: null,
  audioTrack: 0,
  bilibili: null,
};

/** A host whose project.autotime answer the test gives, and whose events the test sends. */
function fakeHost() {
  const listeners = new Set<(payload: EventPayload<'job.progress'>) => void>();
  let answer: { ok(v: CallResult<'project.autotime'>): void; fail(e: unknown): void } | null = null;
  const calls: CallArgs<'project.autotime'>[] = [];
  const cancels: string[] = [];
  const client: Client = {
    call(name, args) {
      if (name === 'job.cancel') {
        const { jobId } = args as CallArgs<'job.cancel'>;
        cancels.push(jobId);
        answer?.fail(new ZimuError('cancelled', msg('autotime-cancelled')));
        return Promise.resolve({ cancelled: true }) as never;
      }
      if (name !== 'project.autotime') throw new Error(`unexpected call ${name}`);
      calls.push(args as CallArgs<'project.autotime'>);
      return new Promise((ok, fail) => {
        answer = { ok: ok as (v: CallResult<'project.autotime'>) => void, fail };
      }) as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      if (event !== 'job.progress') return () => {};
      const fn = listener as (payload: EventPayload<'job.progress'>) => void;
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return {
    client,
    calls,
    cancels,
    listening: () => listeners.size,
    progress: (jobId: string, done: number) => {
      for (const fn of listeners) fn({ jobId, kind: 'peaks', mediaId: 'm1', done, total: 9000 });
    },
    answer: (patch: ProjectPatch) => answer?.ok({ patch, placed: patch.update?.length ?? 0, warnings: [] }),
    fail: (e: unknown) => answer?.fail(e),
  };
}

/** What the host answers for the sample: s4 placed at 5–7 s. */
const placeS4: ProjectPatch = {
  update: [{ id: 's4', from: { start: null, end: null }, to: { start: 5000, end: 7000 }, addFlags: ['auto-timed'] }],
};
const placedS4: Segment = {
  id: 's4',
  start: 5000,
  end: 7000,
  source: '未定时的一句',
  translation: '',
  flags: ['auto-timed'],
};

function setup(signal?: AbortSignal) {
  const host = fakeHost();
  const editor = createEditor();
  const notices = createNotices();
  editor.openDocument(sampleDocument({ media }));
  const seen: (number | null)[] = [];
  const run = runAutotime({ client: host.client, editor, notices }, (p) => seen.push(p), signal);
  return { host, editor, notices, seen, run };
}

describe('canAutotime', () => {
  it('needs media and an untimed segment', () => {
    expect(canAutotime(null)).toBe(false);
    expect(canAutotime(sampleDocument())).toBe(false);
    expect(canAutotime(sampleDocument({ media }))).toBe(true);
    const timed = sampleDocument({ media });
    const segments = timed.project.segments.slice(0, 3);
    expect(canAutotime({ ...timed, project: { ...timed.project, segments } })).toBe(false);
  });
});

describe('runAutotime', () => {
  it('reports the audio read, then applies the placed times as one edit', async () => {
    const { host, editor, notices, seen, run } = setup();
    expect(host.calls[0]?.mediaId).toBe('m1');
    const jobId = host.calls[0]?.jobId as string;
    expect(jobId).toBeTruthy();
    host.progress(jobId, 4500);
    host.progress('the waveform decode', 100);
    const revision = editor.get().revision;
    host.answer(placeS4);
    expect(await run).toBe(1);
    expect(seen).toEqual([null, 0.5]);
    expect(editor.get().revision).toBe(revision + 1);
    expect(editor.get().lastEdit).toBe('autotime');
    expect(editor.get().doc?.project.segments[3]).toEqual(placedS4);
    expect(notices.store.get().info?.tone).toBe('info');
    expect(host.listening()).toBe(0);
  });

  it('keeps edits made meanwhile, and applies nothing to a document opened meanwhile', async () => {
    const first = setup();
    first.editor.editText('s4', 'source', '改过的一句');
    first.host.answer(placeS4);
    expect(await first.run).toBe(1);
    expect(first.editor.get().doc?.project.segments[3]).toMatchObject({ source: '改过的一句', start: 5000 });

    const second = setup();
    second.editor.openDocument(sampleDocument({ media }));
    const revision = second.editor.get().revision;
    second.host.answer(placeS4);
    expect(await second.run).toBe(0);
    expect(second.editor.get().revision).toBe(revision);
  });

  it('cancels its job by the id it chose, at once, and changes nothing', async () => {
    const stop = new AbortController();
    const { host, editor, notices, run } = setup(stop.signal);
    stop.abort();
    expect(host.cancels).toEqual([host.calls[0]?.jobId]);
    expect(await run).toBe(0);
    expect(editor.get().revision).toBe(0);
    expect(notices.store.get().info).toBeNull();
  });

  it('says why it failed and changes nothing', async () => {
    const { host, editor, notices, run } = setup();
    host.fail(new ZimuError('unreadable', msg('audio-decode-failed', { reason: 'EOF' }), { file: '/talk.opus' }));
    expect(await run).toBe(0);
    expect(editor.get().revision).toBe(0);
    const info = notices.store.get().info;
    expect(info?.tone).toBe('warning');
    const t = ((key: string, o: { detail: string }) => `${key}: ${o.detail}`) as never;
    expect(info?.message(t)).toContain('/talk.opus');
  });
});
