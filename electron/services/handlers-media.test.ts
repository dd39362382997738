import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, events as eventSchemas } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/dispatch';
import { locateFfmpeg } from './ffmpeg';
import type { HostDeps } from './handlers';
import { decodePeaksFile } from './peaks-file';
import { makeTestHost, rejection } from './testing/host';

// media.open, media.peaks and job.cancel; the other calls are in handlers.test.ts.

const run = promisify(execFile);
let dir: string;
let tone: string;
let videoOnly: string;

const makeHost = (over: Partial<HostDeps> = {}) => makeTestHost(dir, over);

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-handlers-media-'));
  await fs.mkdir(join(dir, 'media'));
  tone = join(dir, 'media', 'tone.opus');
  videoOnly = join(dir, 'media', 'silent-film.mp4');
  const ffmpeg = locateFfmpeg().ffmpeg;
  await run(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'libopus', tone]);
  await run(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=5:duration=1', videoOnly]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

type PeaksChunk = { jobId: string; from: number; data: string };
type LevelFile = { file: string; count: number; pairs: Int16Array };

/** The peaks files behind the level URLs (the test host's URLs are `/media/<id>?token=…`). */
async function levelFiles(deps: HostDeps, peaks: { levels: { url: string }[] }): Promise<LevelFile[]> {
  const out: LevelFile[] = [];
  for (const level of peaks.levels) {
    const id = /^\/media\/([^?]+)/.exec(level.url)?.[1] ?? '';
    const file = deps.media.pathOf(id);
    if (!file) throw new Error(`not registered: ${level.url}`);
    const decoded = decodePeaksFile(await fs.readFile(file));
    if (!decoded) throw new Error(`not a valid peaks file: ${file}`);
    out.push({ file, count: decoded.count, pairs: decoded.pairs });
  }
  return out;
}
describe('createHandlers: media and jobs', () => {
  it('media.open probes the file, media.peaks decodes it into level files while streaming it', async () => {
    const { handlers, events, deps } = makeHost();
    const media = contract['media.open'].result.parse(await handlers['media.open']({ path: tone }));
    expect(media).toMatchObject({ path: tone, playPath: tone, remuxed: false, audioTrack: 0, bilibili: null });
    expect(deps.media.pathOf(media.id)).toBe(tone);
    expect(media.url).toBe(deps.mediaUrl(media.id));

    const peaks = contract['media.peaks'].result.parse(await handlers['media.peaks']({ mediaId: media.id }));
    expect(peaks.cached).toBe(false);
    expect(peaks.durationMs).toBeGreaterThanOrEqual(media.durationMs);
    expect(peaks.levels.map((l) => l.peaksPerSecond)).toEqual([100, 25, 6.25, 1.5625]);
    const files = await levelFiles(deps, peaks);
    for (const [i, level] of files.entries()) {
      expect(level.file.startsWith(join(deps.cacheDir, 'peaks'))).toBe(true);
      expect(level.file.endsWith(`.${i}.zpk`)).toBe(true);
      expect(level.count).toBe(peaks.levels[i]?.count);
    }
    const finest = files[0] as LevelFile;
    expect(finest.count).toBeGreaterThanOrEqual(Math.ceil((peaks.durationMs / 1000) * 100));
    expect(Math.max(...finest.pairs)).toBeGreaterThan(0.1 * 32767);

    // The chunks streamed while decoding add up to the finest level; every event fits the contract.
    const joined = new Int16Array(finest.pairs.length);
    for (const e of events) expect(() => eventSchemas[e.event].parse(e.payload)).not.toThrow();
    const chunks = events.filter((e) => e.event === 'peaks.chunk').map((e) => e.payload as PeaksChunk);
    for (const c of chunks)
      joined.set(new Int16Array(new Uint8Array(Buffer.from(c.data, 'base64')).buffer), c.from * 2);
    expect(joined).toEqual(finest.pairs);
    const progress = events.filter((e) => e.event === 'job.progress').map((e) => e.payload as { done: number });
    expect(progress.length).toBeGreaterThan(0);
    for (const e of events) expect(e.payload).toMatchObject({ mediaId: media.id });
    expect(progress.at(-1)).toMatchObject({ kind: 'peaks', done: media.durationMs, total: media.durationMs });
    expect(new Set(events.map((e) => (e.payload as { jobId: string }).jobId)).size).toBe(1);
  });

  it('media.peaks answers a second time from the cache, without ffmpeg, and rebuilds a damaged entry', async () => {
    const first = makeHost();
    const opened = await first.handlers['media.open']({ path: tone });
    const decoded = await first.handlers['media.peaks']({ mediaId: opened.id });
    // A new session on the same profile, whose ffmpeg only leaves a mark that it ran.
    const mark = join(dir, 'ffmpeg-ran');
    const fake = join(dir, 'fake-ffmpeg');
    await fs.writeFile(fake, `#!/bin/sh\necho ran >> '${mark}'\nexit 1\n`, { mode: 0o755 });
    const again = makeHost({ settings: first.deps.settings, cacheDir: first.deps.cacheDir, ffmpegPath: fake });
    const media = await again.handlers['media.open']({ path: tone });
    const cached = await again.handlers['media.peaks']({ mediaId: media.id });
    expect(cached).toMatchObject({ cached: true, durationMs: decoded.durationMs });
    expect(cached.levels.map((l) => [l.peaksPerSecond, l.count])).toEqual(
      decoded.levels.map((l) => [l.peaksPerSecond, l.count]),
    );
    expect(again.events).toEqual([]);
    await expect(fs.stat(mark)).rejects.toThrow();

    // A short level file makes the entry a miss: decoded again and written whole.
    const [, level1] = await levelFiles(first.deps, decoded);
    await fs.truncate(level1?.file as string, 40);
    const third = makeHost({ settings: first.deps.settings, cacheDir: first.deps.cacheDir });
    const reopened = await third.handlers['media.open']({ path: tone });
    const rebuilt = await third.handlers['media.peaks']({ mediaId: reopened.id });
    expect(rebuilt.cached).toBe(false);
    expect((await levelFiles(third.deps, rebuilt))[1]?.count).toBe(decoded.levels[1]?.count);
  });

  it('media.open picks the audio track asked for; media.peaks decodes it unless told another', async () => {
    const file = join(dir, 'media', 'two-tracks.mka');
    await run(locateFfmpeg().ffmpeg, [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=2'],
      ...['-map', '0:a', '-map', '1:a', '-t', '2', '-c:a', 'flac', file],
    ]);
    const { handlers, deps } = makeHost();
    const media = await handlers['media.open']({ path: file, audioTrack: 1 });
    expect(media.audioTrack).toBe(1);
    const loudest = async (audioTrack?: number, mediaId = media.id) => {
      const peaks = await handlers['media.peaks']({ mediaId, ...(audioTrack === undefined ? {} : { audioTrack }) });
      return Math.max(...((await levelFiles(deps, peaks))[0] as LevelFile).pairs);
    };
    expect(await loudest()).toBeGreaterThan(1000);
    expect(await loudest(0)).toBe(0);
    expect(await loudest(1)).toBeGreaterThan(1000);

    // The media element plays only a file's first track: playback gets a cached copy with track 2 alone.
    expect(media.remuxed).toBe(true);
    expect(media.playPath).not.toBe(file);
    expect(deps.media.pathOf(media.id)).toBe(media.playPath);
    const played = await handlers['media.open']({ path: media.playPath });
    expect(played.audioTracks).toHaveLength(1);
    expect(await loudest(0, played.id)).toBeGreaterThan(1000);
    const again = await handlers['media.open']({ path: file, audioTrack: 1 });
    expect(again.playPath).toBe(media.playPath);
    const err = await rejection(handlers['media.open']({ path: file, audioTrack: 2 }));
    expect(err.toWire()).toMatchObject({ code: 'invalid-argument', detail: { file } });
    const noTrack = await rejection(handlers['media.peaks']({ mediaId: media.id, audioTrack: 2 }));
    expect(noTrack.toWire()).toMatchObject({ code: 'invalid-argument', detail: { file } });
  });

  it('project.initial opens media named on the command line, alone or with a document', async () => {
    const alone = await makeHost({ startupMedia: tone }).handlers['project.initial']({});
    expect(alone).toMatchObject({ path: null, format: 'zimu', media: { path: tone }, warnings: [] });
    expect(alone.project).toMatchObject({ title: 'tone', media: { path: tone }, segments: [] });

    const srt = join(dir, 'with-media.srt');
    await fs.writeFile(srt, '1\n00:00:00,500 --> 00:00:01,500\n你好\n');
    const both = await makeHost({ startupFile: srt, startupMedia: tone }).handlers['project.initial']({});
    expect(both.sourcePath).toBe(srt);
    expect(both.media?.path).toBe(tone);
    expect(both.project.media?.path).toBe(tone);
    expect(both.project.segments[0]?.source).toBe('你好');

    // Media that cannot be opened costs a warning naming it, never the document.
    const broken = join(dir, 'media', 'broken.mp4');
    await fs.writeFile(broken, 'not a video');
    const kept = await makeHost({ startupFile: srt, startupMedia: broken }).handlers['project.initial']({});
    expect(kept.project.segments).toHaveLength(1);
    expect(kept.media).toBeNull();
    expect(kept.warnings.map((w) => w.message).join()).toContain('broken.mp4');
  });

  it('job.cancel stops a waveform decode: the call fails with cancelled and nothing is cached', async () => {
    const long = join(dir, 'media', 'long.opus');
    await run(locateFfmpeg().ffmpeg, [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=40', '-c:a', 'libopus', long],
    ]);
    const answers: unknown[] = [];
    let handlers: Handlers | undefined;
    const host = makeHost({
      emit: (event, payload) => {
        if (event === 'peaks.chunk' && answers.length === 0) {
          answers.push('pending');
          void handlers?.['job.cancel']({ jobId: (payload as PeaksChunk).jobId }).then((a) => answers.splice(0, 1, a));
        }
      },
    });
    handlers = host.handlers;
    const media = await handlers['media.open']({ path: long });
    const err = await rejection(handlers['media.peaks']({ mediaId: media.id }));
    expect(err.toWire()).toMatchObject({ code: 'cancelled', detail: { file: long } });
    expect(answers).toEqual([{ cancelled: true }]);
    expect(await handlers['job.cancel']({ jobId: 'no-such-job' })).toEqual({ cancelled: false });
    const cached = await fs.readdir(join(host.deps.cacheDir, 'peaks')).catch(() => []);
    expect(cached).toEqual([]);
  });

  it("job.cancel with the caller's own job id cancels before any event arrived, even before the call", async () => {
    const { handlers, events, deps } = makeHost();
    const media = await handlers['media.open']({ path: tone });
    // Cancelled in the same tick as the call: nothing has been said about the job yet.
    const peaks = handlers['media.peaks']({ mediaId: media.id, jobId: 'mine' });
    expect(await handlers['job.cancel']({ jobId: 'mine' })).toEqual({ cancelled: true });
    expect((await rejection(peaks)).code).toBe('cancelled');
    // The cancel raced ahead of its call (two HTTP requests): the call fails at once.
    expect(await handlers['job.cancel']({ jobId: 'early' })).toEqual({ cancelled: false });
    const early = await rejection(handlers['media.peaks']({ mediaId: media.id, jobId: 'early' }));
    expect(early.code).toBe('cancelled');
    expect(events.filter((e) => e.event === 'peaks.chunk')).toEqual([]);
    expect(await fs.readdir(join(deps.cacheDir, 'peaks')).catch(() => [])).toEqual([]);
  });

  it('callers of one waveform share its decode; one cancelling leaves the others their answer', async () => {
    const { handlers, events } = makeHost();
    const media = await handlers['media.open']({ path: tone });
    const waveform = handlers['media.peaks']({ mediaId: media.id, jobId: 'waveform' });
    const autotime = handlers['media.peaks']({ mediaId: media.id, jobId: 'autotime' });
    await handlers['job.cancel']({ jobId: 'autotime' });
    expect((await rejection(autotime)).code).toBe('cancelled');
    const answer = await waveform;
    expect(answer.cached).toBe(false);
    const ids = new Set(
      events.filter((e) => e.event === 'job.progress').map((e) => (e.payload as { jobId: string }).jobId),
    );
    expect(ids).toEqual(new Set(['waveform']));
    // One decode: the answer is in the cache now, for anyone.
    expect((await handlers['media.peaks']({ mediaId: media.id })).cached).toBe(true);
  });

  it('media.peaks still answers when the cache folder cannot be written', async () => {
    const blocker = join(dir, 'cache-blocker');
    await fs.writeFile(blocker, 'not a folder');
    const { handlers, deps } = makeHost({ cacheDir: join(blocker, 'cache') });
    const media = await handlers['media.open']({ path: tone });
    const peaks = await handlers['media.peaks']({ mediaId: media.id });
    expect(peaks.cached).toBe(false);
    const files = await levelFiles(deps, peaks);
    expect(files.map((f) => f.count)).toEqual(peaks.levels.map((l) => l.count));
    // Served from a scratch folder of this process's: <tmp>/zimu-peaks-XXXXXX/peaks/<key>.<n>.zpk.
    const scratch = dirname(dirname(files[0]?.file as string));
    expect(scratch.startsWith(join(tmpdir(), 'zimu-peaks-'))).toBe(true);
    await fs.rm(scratch, { recursive: true, force: true });
  });

  it('media.open opens a Bilibili download folder: remuxed, with its title, and its waveform', async () => {
    const episode = join(dir, 'bilibili', 'c_1234');
    await fs.mkdir(join(episode, '80'), { recursive: true });
    const entry = { title: '智源大会 开幕式', bvid: 'BV1uh4y1w77v', type_tag: '80', page_data: { part: '上午' } };
    await fs.writeFile(join(episode, 'entry.json'), JSON.stringify(entry));
    const fragmented = ['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof'];
    const ffmpeg = locateFfmpeg().ffmpeg;
    await run(ffmpeg, [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=2'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', ...fragmented, join(episode, '80', 'video.m4s')],
    ]);
    await run(ffmpeg, [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...['-c:a', 'aac', ...fragmented, join(episode, '80', 'audio.m4s')],
    ]);
    const { handlers, deps, events } = makeHost();
    const media = contract['media.open'].result.parse(await handlers['media.open']({ path: episode }));
    const remux = events.filter((e) => e.event === 'job.progress').map((e) => e.payload);
    expect(remux.length).toBeGreaterThan(0);
    for (const p of remux) expect(p).toMatchObject({ kind: 'remux', mediaId: deps.media.register(episode) });
    expect(media).toMatchObject({
      path: episode,
      remuxed: true,
      bilibili: { title: '智源大会 开幕式', bvid: 'BV1uh4y1w77v', part: '上午' },
    });
    expect(media.playPath.startsWith(deps.cacheDir)).toBe(true);
    expect(deps.media.pathOf(media.id)).toBe(media.playPath);
    expect(media.video).toMatchObject({ width: 160, height: 120 });
    const peaks = await handlers['media.peaks']({ mediaId: media.id });
    expect(peaks.levels[0]?.count).toBeGreaterThanOrEqual(200);
  });

  it('media.peaks refuses ids that were never opened; media.open refuses files without audio', async () => {
    const { handlers } = makeHost();
    expect((await rejection(handlers['media.peaks']({ mediaId: 'deadbeef' }))).code).toBe('not-found');
    const err = await rejection(handlers['media.open']({ path: videoOnly }));
    expect(err.toWire()).toMatchObject({ code: 'unsupported', detail: { file: videoOnly } });
  });
});
