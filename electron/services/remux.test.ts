import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { type FfmpegTools, locateFfmpeg } from './ffmpeg';
import {
  cacheKey,
  cachePath,
  containerPlan,
  dashPlan,
  detectPrefix,
  findCached,
  probeSource,
  type RemuxPlan,
  remuxInto,
  sourceUrl,
} from './remux';

const run = promisify(execFile);
const PREFIX = Buffer.from('000000000');

let root: string;
let tools: FfmpegTools;
/** A 2 s clip as a plain (moov first, absolute chunk offsets) MP4 and as DASH video/audio streams. */
const fx = { mp4: '', video: '', audio: '' };
let dirCount = 0;

async function ffmpeg(...args: string[]): Promise<void> {
  await run(tools.ffmpeg, ['-v', 'error', '-y', ...args]);
}

async function fresh(name = 'case'): Promise<string> {
  const dir = join(root, `${name}-${++dirCount}`);
  await fs.mkdir(dir, { recursive: true });
  return dir;
}

async function prefixed(file: string, dir: string, name: string): Promise<string> {
  const out = join(dir, name);
  await fs.writeFile(out, Buffer.concat([PREFIX, await fs.readFile(file)]));
  return out;
}

/** Decode every packet: exit 0 and nothing on stderr means no corrupt data. */
async function decodesCleanly(file: string): Promise<boolean> {
  const { stderr } = await run(tools.ffmpeg, ['-v', 'error', '-i', file, '-f', 'null', '-']).catch((e) => ({
    stderr: `failed: ${String(e)}`,
  }));
  return stderr.trim() === '';
}

async function failure(promise: Promise<unknown>): Promise<ZimuError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}

beforeAll(async () => {
  root = await fs.mkdtemp(join(tmpdir(), 'zimu-remux-'));
  tools = locateFfmpeg();
  fx.mp4 = join(root, 'clip.mp4');
  await ffmpeg(
    ...['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-f', 'lavfi', '-i', 'sine=f=440', '-t', '2'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
    ...['-movflags', '+faststart', fx.mp4],
  );
  const dash = ['-c', 'copy', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4'];
  fx.video = join(root, 'video.m4s');
  fx.audio = join(root, 'audio.m4s');
  await ffmpeg('-i', fx.mp4, '-map', '0:v', ...dash, fx.video);
  await ffmpeg('-i', fx.mp4, '-map', '0:a', ...dash, fx.audio);
}, 60_000);

afterAll(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

describe('detectPrefix', () => {
  it('finds the PC client prefix before the first box, and nothing in normal files', async () => {
    const dir = await fresh();
    expect(await detectPrefix(fx.video)).toBe(0);
    expect(await detectPrefix(fx.mp4)).toBe(0);
    expect(await detectPrefix(await prefixed(fx.video, dir, 'v.m4s'))).toBe(9);
    // Zeros not followed by a box are not a prefix: the probe will say what the file is.
    await fs.writeFile(join(dir, 'zeros.txt'), '0000000000000000000000000');
    expect(await detectPrefix(join(dir, 'zeros.txt'))).toBe(0);
    await fs.writeFile(join(dir, 'short'), '000');
    expect(await detectPrefix(join(dir, 'short'))).toBe(0);
    expect((await failure(detectPrefix(join(dir, 'missing.m4s')))).code).toBe('not-found');
  });
});

describe('prefixed sources', () => {
  it('reads through the subfile protocol, which keeps absolute offsets right', async () => {
    const dir = await fresh('weird, name:字幕 it');
    const file = await prefixed(fx.mp4, dir, 'a,b:c.mp4');
    expect(sourceUrl({ file, skip: 0 })).toBe(file);
    const probe = await probeSource(tools, { file, skip: 9 });
    expect(probe).toMatchObject({ video: { codec: 'h264' }, audio: [{ codec: 'aac' }] });
    expect(await failure(probeSource(tools, { file, skip: 0 }))).toMatchObject({
      code: 'unreadable',
      detail: { file },
    });
    // -skip_initial_bytes only hides the prefix from the header parser: the sample offsets of a
    // plain MP4 then point 9 bytes off and a stream copy is silent garbage. subfile is right.
    const skipped = join(dir, 'skipped.mp4');
    const copied = ffmpeg('-f', 'mov', '-skip_initial_bytes', '9', '-i', file, '-c', 'copy', skipped);
    expect(
      await copied.then(
        () => decodesCleanly(skipped),
        () => false,
      ),
    ).toBe(false);
    const plan: RemuxPlan = {
      inputs: [{ source: { file, skip: 9 } }],
      maps: ['0:V:0', '0:a'],
      adtsAudio: [],
      audioOnly: false,
      errorFile: file,
      totalMs: 2000,
    };
    const out = await remuxInto(tools, await fresh('cache'), 'k'.repeat(32), plan);
    expect(await decodesCleanly(out)).toBe(true);
  });
});

describe('probeSource', () => {
  it('names the file ffprobe cannot read, and says when ffprobe itself is missing', async () => {
    const junk = join(await fresh(), 'junk.m4s');
    await fs.writeFile(junk, Buffer.alloc(2048, 0x5a));
    expect(await failure(probeSource(tools, { file: junk, skip: 0 }))).toMatchObject({
      code: 'unreadable',
      detail: { file: junk },
    });
    const missing = { ...tools, ffprobe: join(root, 'no-ffprobe') };
    expect((await failure(probeSource(missing, { file: fx.mp4, skip: 0 }))).code).toBe('io-error');
  });
});

describe('plans', () => {
  it('tells DASH streams apart by probing and maps video 0 with audio 1', async () => {
    const dir = await fresh();
    const audio = await prefixed(fx.audio, dir, '1-30280.m4s');
    const video = await prefixed(fx.video, dir, '1-30080.m4s');
    const plan = await dashPlan(tools, [audio, video], null);
    expect(plan).toMatchObject({
      inputs: [{ source: { file: video, skip: 9 } }, { source: { file: audio, skip: 9 } }],
      maps: ['0:V:0', '1:a:0'],
      audioOnly: false,
      errorFile: video,
    });
    expect(plan.totalMs).toBeGreaterThan(1900);
    expect(await dashPlan(tools, [audio, video], audio)).toMatchObject({ maps: ['0:a'], audioOnly: true });
  });

  it('copies every audio track of a container and marks FLV AAC for aac_adtstoasc', async () => {
    const dir = await fresh();
    const flv = join(dir, 'clip.flv');
    await ffmpeg('-i', fx.mp4, '-c', 'copy', '-f', 'flv', flv);
    expect(await containerPlan(tools, [flv])).toMatchObject({
      inputs: [{ source: { file: flv, skip: 0 } }],
      maps: ['0:V:0', '0:a'],
      adtsAudio: [0],
      audioOnly: false,
    });
    const twice = await containerPlan(tools, [flv, flv]);
    expect(twice.inputs).toEqual([{ concat: [flv, flv] }]);
    expect(twice.totalMs).toBeGreaterThan(3900);
  });
});

describe('remuxInto', () => {
  it('reports progress up to the total and leaves only the finished file', async () => {
    const cacheDir = await fresh('cache');
    const plan = await dashPlan(tools, [fx.video, fx.audio], null);
    const seen: [number, number][] = [];
    const key = await cacheKey([fx.video, fx.audio], 'test');
    expect(await findCached(cacheDir, key)).toBeNull();
    const out = await remuxInto(tools, cacheDir, key, plan, (d, t) => seen.push([d, t]));
    expect(out).toBe(cachePath(cacheDir, key, false));
    expect(await findCached(cacheDir, key)).toBe(out);
    expect(await fs.readdir(join(cacheDir, 'remux'))).toEqual([`${key}.mp4`]);
    expect(seen.length).toBeGreaterThan(0);
    for (const [done, total] of seen) {
      expect(total).toBe(plan.totalMs);
      expect(done).toBeLessThanOrEqual(total);
    }
    expect(seen.at(-1)).toEqual([plan.totalMs, plan.totalMs]);
  });

  it('names the codec MP4 cannot hold, and removes the partial output', async () => {
    const dir = await fresh();
    const flv = join(dir, 'sorenson.flv');
    await ffmpeg('-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '1', '-c:v', 'flv1', flv);
    const cacheDir = await fresh('cache');
    const err = await failure(remuxInto(tools, cacheDir, 'f'.repeat(32), await containerPlan(tools, [flv])));
    expect(err).toMatchObject({ code: 'unsupported', detail: { file: flv } });
    expect(err.message).toContain('flv1');
    expect(await fs.readdir(join(cacheDir, 'remux'))).toEqual([]);
  });

  it('joins segments whose paths need quoting in the concat list', async () => {
    const dir = await fresh("it's");
    const a = join(dir, "0 it's.blv");
    await ffmpeg('-i', fx.mp4, '-c', 'copy', '-f', 'flv', a);
    const out = await remuxInto(tools, await fresh('cache'), 'c'.repeat(32), await containerPlan(tools, [a, a]));
    const probe = await probeSource(tools, { file: out, skip: 0 });
    expect(probe.durationMs).toBeGreaterThan(3900);
    expect((await fs.readdir(join(out, '..'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('sweeps temp files a crash left behind, but not fresh ones', async () => {
    const cacheDir = await fresh('cache');
    const dir = join(cacheDir, 'remux');
    await fs.mkdir(dir, { recursive: true });
    const stale = join(dir, '.dead-1.tmp');
    const live = join(dir, '.live-2.tmp');
    await fs.writeFile(stale, 'x');
    await fs.writeFile(live, 'x');
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await fs.utimes(stale, old, old);
    await remuxInto(tools, cacheDir, 'd'.repeat(32), await dashPlan(tools, [fx.audio], null));
    expect((await fs.readdir(dir)).sort()).toEqual(['.live-2.tmp', `${'d'.repeat(32)}.m4a`]);
  });
});

describe('cacheKey', () => {
  it('changes with the job and with an input file’s size or mtime', async () => {
    const dir = await fresh();
    const file = join(dir, 'a.m4s');
    await fs.copyFile(fx.audio, file);
    const key = await cacheKey([file], 'dash');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(await cacheKey([file], 'dash')).toBe(key);
    expect(await cacheKey([file], 'other')).not.toBe(key);
    const later = new Date(Date.now() + 60_000);
    await fs.utimes(file, later, later);
    expect(await cacheKey([file], 'dash')).not.toBe(key);
    expect((await failure(cacheKey([join(dir, 'gone.m4s')], 'dash'))).code).toBe('not-found');
  });
});
