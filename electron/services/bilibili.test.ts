import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { resolveMediaInput } from './bilibili';
import { type FfmpegTools, locateFfmpeg } from './ffmpeg';
import { probeSource } from './remux';

const run = promisify(execFile);
const PREFIX = Buffer.from('000000000');
const BOGUS: FfmpegTools = { ffmpeg: '/nonexistent/ffmpeg', ffprobe: '/nonexistent/ffprobe' };

let root: string;
let tools: FfmpegTools;
/** Fixtures made once: a 3 s clip, its DASH video and audio streams, an FLV and an MKV of it. */
const fx = { mp4: '', video: '', audio: '', flv: '', mkv: '' };
let dirCount = 0;

async function ffmpeg(...args: string[]): Promise<void> {
  await run(tools.ffmpeg, ['-v', 'error', '-y', ...args]);
}

/** A fresh folder under the test root. */
async function fresh(name = 'case'): Promise<string> {
  const dir = join(root, `${name}-${++dirCount}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

async function put(path: string, content: string | Buffer): Promise<string> {
  await fs.mkdir(join(path, '..'), { recursive: true });
  await fs.writeFile(path, content);
  return path;
}

async function androidFolder(dir: string, entry: object = ANDROID_ENTRY): Promise<string> {
  const episode = join(dir, 'c_123');
  await put(join(episode, 'entry.json'), JSON.stringify(entry, null, 2));
  await fs.copyFile(fx.video, join(await mk(join(episode, '80')), 'video.m4s'));
  await fs.copyFile(fx.audio, join(episode, '80', 'audio.m4s'));
  return episode;
}

async function mk(dir: string): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

const ANDROID_ENTRY = {
  title: '字幕组工作流分享',
  type_tag: '80',
  bvid: 'BV1xx411c7mD',
  avid: 170001,
  page_data: { cid: 279786, page: 1, part: '第一部分 导论' },
};

async function failure(promise: Promise<unknown>): Promise<ZimuError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}

async function cacheFiles(cacheDir: string): Promise<string[]> {
  return fs.readdir(join(cacheDir, 'remux')).catch(() => []);
}

beforeAll(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'zimu-bilibili-'));
  tools = locateFfmpeg();
  fx.mp4 = join(root, 'clip.mp4');
  await ffmpeg(
    ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10', '-f', 'lavfi', '-i', 'sine=f=440', '-t', '3'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', fx.mp4],
  );
  const dash = ['-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4'];
  fx.video = join(root, 'dash-video.m4s');
  fx.audio = join(root, 'dash-audio.m4s');
  await ffmpeg('-i', fx.mp4, '-map', '0:v', '-c', 'copy', ...dash, fx.video);
  await ffmpeg('-i', fx.mp4, '-map', '0:a', '-c', 'copy', ...dash, fx.audio);
  fx.flv = join(root, 'clip.flv');
  await ffmpeg('-i', fx.mp4, '-c', 'copy', '-f', 'flv', fx.flv);
  fx.mkv = join(root, 'clip.mkv');
  await ffmpeg('-i', fx.mp4, '-c', 'copy', fx.mkv);
}, 60_000);

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

/** The remux has one video and one audio stream and lasts about 3 s. */
async function expectFullClip(path: string): Promise<void> {
  const probe = await probeSource(tools, { file: path, skip: 0 });
  expect(probe.video).toMatchObject({ codec: 'h264', width: 320, height: 240 });
  expect(probe.audio).toEqual([{ codec: 'aac' }]);
  expect(probe.durationMs).toBeGreaterThanOrEqual(2900);
  expect(probe.durationMs).toBeLessThanOrEqual(3150);
}

describe('Android client cache', () => {
  it('remuxes video.m4s + audio.m4s into one MP4 with the entry.json metadata', async () => {
    const episode = await androidFolder(await fresh('android'));
    const cacheDir = await fresh('cache');
    const progress: [number, number][] = [];
    const got = await resolveMediaInput(episode, tools, cacheDir, (done, total) => progress.push([done, total]));
    expect(got.remuxed).toBe(true);
    expect(got.playPath).toMatch(/[\\/]remux[\\/][0-9a-f]{32}\.mp4$/);
    expect(got.playPath.startsWith(cacheDir)).toBe(true);
    expect(got.bilibili).toEqual({ title: '字幕组工作流分享', bvid: 'BV1xx411c7mD', part: '第一部分 导论' });
    await expectFullClip(got.playPath);
    expect(progress.at(-1)?.[0]).toBe(progress.at(-1)?.[1]);
    expect(progress.at(-1)?.[1]).toBeGreaterThan(2900);
    expect(await cacheFiles(cacheDir)).toEqual([expect.stringMatching(/\.mp4$/)]);
  });

  it('accepts the episode folder, its parent, the quality subfolder, entry.json or a stream', async () => {
    const episode = await androidFolder(await fresh('android'));
    const cacheDir = await fresh('cache');
    const first = await resolveMediaInput(episode, tools, cacheDir);
    for (const path of [join(episode, '..'), join(episode, '80'), join(episode, 'entry.json')]) {
      expect(await resolveMediaInput(path, BOGUS, cacheDir)).toEqual(first);
    }
    // The video stream on its own finds the audio beside it and the metadata above it.
    const single = await resolveMediaInput(join(episode, '80', 'video.m4s'), tools, cacheDir);
    expect(single.bilibili).toEqual(first.bilibili);
    await expectFullClip(single.playPath);
  });

  it('falls back to avid and writes audio alone as .m4a when there is no video', async () => {
    const dir = await fresh('android');
    const episode = join(dir, 'c_9');
    await put(join(episode, 'entry.json'), JSON.stringify({ title: 'Audio', avid: 42, type_tag: '30280' }));
    await fs.copyFile(fx.audio, join(await mk(join(episode, '30280')), 'audio.m4s'));
    const got = await resolveMediaInput(episode, tools, await fresh('cache'));
    expect(got.playPath).toMatch(/\.m4a$/);
    expect(got.bilibili).toEqual({ title: 'Audio', bvid: 'av42' });
    const probe = await probeSource(tools, { file: got.playPath, skip: 0 });
    expect(probe.video).toBeNull();
    expect(probe.audio).toEqual([{ codec: 'aac' }]);
  });

  it('joins the FLV segments of older caches (0.blv, 1.blv)', async () => {
    const episode = join(await fresh('android'), 'c_7');
    await put(join(episode, 'entry.json'), JSON.stringify({ title: 'Old', type_tag: 'lua.flv.bili2api.80' }));
    const quality = await mk(join(episode, 'lua.flv.bili2api.80'));
    await fs.copyFile(fx.flv, join(quality, '0.blv'));
    await fs.copyFile(fx.flv, join(quality, '1.blv'));
    const got = await resolveMediaInput(episode, tools, await fresh('cache'));
    const probe = await probeSource(tools, { file: got.playPath, skip: 0 });
    expect(probe.video?.codec).toBe('h264');
    expect(probe.audio).toEqual([{ codec: 'aac' }]);
    expect(probe.durationMs).toBeGreaterThan(5900);
  });
});

describe('PC client cache', () => {
  async function pcFolder(): Promise<string> {
    const dir = await fresh('pc');
    // Audio first by name, so telling the streams apart must come from probing.
    await put(join(dir, '279786-1-100110.m4s'), Buffer.concat([PREFIX, await fs.readFile(fx.video)]));
    await put(join(dir, '279786-1-30280.m4s'), Buffer.concat([PREFIX, await fs.readFile(fx.audio)]));
    const info = { groupTitle: '视频标题', title: 'P2 实操', bvid: 'BV1ab411c7XY', p: 2, tabName: '正片' };
    await put(join(dir, '.videoInfo'), JSON.stringify(info));
    await put(join(dir, '.playurl'), '{"data":{"dash":{}}}');
    return dir;
  }

  it('skips the 9-byte prefix that hides the streams from ffmpeg', async () => {
    const dir = await pcFolder();
    const prefixed = join(dir, '279786-1-100110.m4s');
    expect((await failure(probeSource(tools, { file: prefixed, skip: 0 }))).code).toBe('unreadable');
    const got = await resolveMediaInput(dir, tools, await fresh('cache'));
    expect(got.remuxed).toBe(true);
    expect(got.bilibili).toEqual({ title: '视频标题', bvid: 'BV1ab411c7XY', part: 'P2 实操' });
    await expectFullClip(got.playPath);
    // Stream copy: the video packets are the very same bytes as in the clip.
    const md5 = async (file: string) =>
      (await run(tools.ffmpeg, ['-v', 'error', '-i', file, '-map', '0:v', '-c', 'copy', '-f', 'md5', '-'])).stdout;
    expect(await md5(got.playPath)).toBe(await md5(fx.mp4));
  });

  it('works without ffprobe, probing with ffmpeg alone', async () => {
    const got = await resolveMediaInput(await pcFolder(), { ...tools, ffprobe: null }, await fresh('cache'));
    await expectFullClip(got.playPath);
  });

  it('opens a single prefixed stream: audio alone as .m4a, video with the audio beside it', async () => {
    const dir = await pcFolder();
    const audio = await resolveMediaInput(join(dir, '279786-1-30280.m4s'), tools, await fresh('cache'));
    expect(audio.playPath).toMatch(/\.m4a$/);
    expect(audio.bilibili?.title).toBe('视频标题');
    const video = await resolveMediaInput(join(dir, '279786-1-100110.m4s'), tools, await fresh('cache'));
    await expectFullClip(video.playPath);
  });
});

describe('plain files', () => {
  it('returns files Chromium plays as they are, without running ffmpeg', async () => {
    for (const file of [fx.mp4, fx.mkv]) {
      expect(await resolveMediaInput(file, BOGUS, await fresh('cache'))).toEqual({
        playPath: file,
        remuxed: false,
        bilibili: null,
      });
    }
  });

  it('remuxes FLV into an MP4 that keeps both streams', async () => {
    const got = await resolveMediaInput(fx.flv, tools, await fresh('cache'));
    expect(got).toMatchObject({ remuxed: true, bilibili: null });
    await expectFullClip(got.playPath);
    // Also when a download tool named it oddly: the container, not the name, decides.
    const odd = await put(join(await fresh('odd'), 'talk.bilibili'), await fs.readFile(fx.flv));
    await expectFullClip((await resolveMediaInput(odd, tools, await fresh('cache'))).playPath);
  });
});

describe('cache', () => {
  it('reuses a remux without running ffmpeg or ffprobe, and redoes it when the input changes', async () => {
    const episode = await androidFolder(await fresh('android'));
    const cacheDir = await fresh('cache');
    const first = await resolveMediaInput(episode, tools, cacheDir);
    const before = await fs.stat(first.playPath);
    // BOGUS tools fail if run: a hit runs neither, and the file is the same one (a rewrite is renamed in).
    const again = await resolveMediaInput(episode, BOGUS, cacheDir);
    expect(again).toEqual(first);
    expect((await fs.stat(first.playPath)).ino).toBe(before.ino);
    // A re-downloaded stream (new mtime) is a new input.
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(join(episode, '80', 'audio.m4s'), later, later);
    const redone = await resolveMediaInput(episode, tools, cacheDir);
    expect(redone.playPath).not.toBe(first.playPath);
    expect(await cacheFiles(cacheDir)).toHaveLength(2);
  });
});

describe('cancel', () => {
  // The stand-in ffmpeg is a shell script.
  it.skipIf(process.platform === 'win32')(
    'kills ffmpeg, removes the partial output and fails with cancelled',
    async () => {
      const episode = await androidFolder(await fresh('android'));
      const cacheDir = await fresh('cache');
      // A stand-in ffmpeg that writes part of its output, reports progress, then hangs.
      const fake = await put(
        join(await fresh('bin'), 'ffmpeg'),
        '#!/bin/sh\nfor a; do out="$a"; done\nprintf partial > "$out"\necho out_time_us=1000000\nexec sleep 30\n',
      );
      await fs.chmod(fake, 0o755);
      const controller = new AbortController();
      const started = performance.now();
      const err = await failure(
        resolveMediaInput(episode, { ...tools, ffmpeg: fake }, cacheDir, () => controller.abort(), controller.signal),
      );
      expect(err.code).toBe('cancelled');
      expect(performance.now() - started).toBeLessThan(10_000);
      expect(await cacheFiles(cacheDir)).toEqual([]);
    },
  );

  it('does not start when already cancelled', async () => {
    const episode = await androidFolder(await fresh('android'));
    const controller = new AbortController();
    controller.abort();
    const cacheDir = await fresh('cache');
    expect((await failure(resolveMediaInput(episode, tools, cacheDir, undefined, controller.signal))).code).toBe(
      'cancelled',
    );
    expect(await cacheFiles(cacheDir)).toEqual([]);
  });
});

describe('errors', () => {
  it('names a corrupt .m4s and leaves nothing in the cache', async () => {
    const episode = await androidFolder(await fresh('android'));
    const bad = join(episode, '80', 'video.m4s');
    await fs.writeFile(bad, Buffer.alloc(4096, 0x5a));
    const cacheDir = await fresh('cache');
    const err = await failure(resolveMediaInput(episode, tools, cacheDir));
    expect(err.code).toBe('unreadable');
    expect(err.detail?.file).toBe(bad);
    expect(await cacheFiles(cacheDir)).toEqual([]);
  });

  it('names a broken entry.json and the line of the mistake', async () => {
    const episode = await androidFolder(await fresh('android'));
    const entry = join(episode, 'entry.json');
    await fs.writeFile(entry, '{\n  "title": "x",\n  "type_tag": 80x,\n  "bvid": "BV1"\n}\n');
    const err = await failure(resolveMediaInput(episode, tools, await fresh('cache')));
    expect(err).toMatchObject({ code: 'unreadable', detail: { file: entry, line: 3 } });
    await fs.writeFile(entry, '{\n  "title": "x",\n  "type_tag": "80"\n');
    expect((await failure(resolveMediaInput(episode, tools, await fresh('cache')))).detail?.line).toBe(4);
  });

  it('names a missing path and a folder without media', async () => {
    const missing = join(root, 'no-such-folder');
    expect(await failure(resolveMediaInput(missing, tools, await fresh('cache')))).toMatchObject({
      code: 'not-found',
      detail: { file: missing },
    });
    const empty = await fresh('empty');
    await put(join(empty, 'notes.txt'), 'hello');
    expect(await failure(resolveMediaInput(empty, tools, await fresh('cache')))).toMatchObject({
      code: 'not-found',
      detail: { file: empty },
    });
    const noStreams = await fresh('android');
    await put(join(noStreams, 'c_1', 'entry.json'), JSON.stringify({ title: 'x', type_tag: '80' }));
    expect(await failure(resolveMediaInput(noStreams, tools, await fresh('cache')))).toMatchObject({
      code: 'not-found',
      detail: { file: join(noStreams, 'c_1') },
    });
  });

  it('asks which episode when a folder holds several', async () => {
    const dir = await fresh('series');
    await androidFolder(dir);
    await put(join(dir, 'c_456', 'entry.json'), JSON.stringify({ title: 'x', type_tag: '80' }));
    const err = await failure(resolveMediaInput(dir, tools, await fresh('cache')));
    expect(err).toMatchObject({ code: 'unsupported', detail: { file: dir } });
    expect(err.message).toContain('c_123, c_456');
  });
});
