import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { type FfmpegTools, locateFfmpeg, probeMedia } from './ffmpeg';

const run = promisify(execFile);
let dir: string;
let tools: FfmpegTools;

async function ffmpeg(...args: string[]): Promise<void> {
  await run(tools.ffmpeg, ['-v', 'error', '-y', ...args]);
}

/** Deterministic junk: no container signature, so every probe fails the same way. */
function junk(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-ffmpeg-'));
  tools = locateFfmpeg();
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function probeError(path: string): Promise<ZimuError> {
  const err = await probeMedia(tools, path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}

describe('locateFfmpeg', () => {
  it('finds ffmpeg and ffprobe on PATH', () => {
    const found = locateFfmpeg();
    expect(found.ffmpeg).toMatch(/ffmpeg(\.exe)?$/);
    expect(found.ffprobe).toMatch(/ffprobe(\.exe)?$/);
  });

  it('uses an explicit ffmpeg, with the ffprobe beside it or else the one on PATH', async () => {
    const lone = join(dir, 'lone');
    const pair = join(dir, 'pair');
    await fs.mkdir(lone);
    await fs.mkdir(pair);
    await fs.symlink(tools.ffmpeg, join(lone, 'ffmpeg'));
    await fs.symlink(tools.ffmpeg, join(pair, 'ffmpeg'));
    await fs.symlink(tools.ffprobe, join(pair, 'ffprobe'));
    expect(locateFfmpeg(join(lone, 'ffmpeg'))).toEqual({ ffmpeg: join(lone, 'ffmpeg'), ffprobe: tools.ffprobe });
    expect(locateFfmpeg(join(pair, 'ffmpeg'))).toEqual({
      ffmpeg: join(pair, 'ffmpeg'),
      ffprobe: join(pair, 'ffprobe'),
    });
  });

  it('explains how to install ffmpeg when there is none', () => {
    const saved = { PATH: process.env.PATH, ZIMU_FFMPEG: process.env.ZIMU_FFMPEG };
    process.env.PATH = dir;
    delete process.env.ZIMU_FFMPEG;
    try {
      let err: unknown;
      try {
        locateFfmpeg(join(dir, 'no-such-ffmpeg'));
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ZimuError);
      expect((err as ZimuError).code).toBe('unsupported');
      expect((err as ZimuError).message).toContain('apt-get install ffmpeg');
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.ZIMU_FFMPEG !== undefined) process.env.ZIMU_FFMPEG = saved.ZIMU_FFMPEG;
    }
  });
});

describe('probeMedia', () => {
  it('probes an Opus file: duration and one mono 48 kHz track, no video', async () => {
    const file = join(dir, 'tone.opus');
    await ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-ar', '48000', '-c:a', 'libopus', file);
    const probe = await probeMedia(tools, file);
    expect(Math.abs(probe.durationMs - 3000)).toBeLessThan(50);
    expect(probe.audioTracks).toEqual([{ index: 0, codec: 'opus', sampleRate: 48000, channels: 1 }]);
    expect(probe.video).toBeNull();
  });

  it('probes an MP4 with video: size, codec and the audio track', async () => {
    const file = join(dir, 'clip.mp4');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=2'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
    );
    const probe = await probeMedia(tools, file);
    expect(Math.abs(probe.durationMs - 2000)).toBeLessThan(100);
    expect(probe.video).toEqual({ width: 320, height: 240, codec: 'h264' });
    expect(probe.audioTracks).toHaveLength(1);
    expect(probe.audioTracks[0]).toMatchObject({ index: 0, codec: 'aac', sampleRate: 44100, channels: 1 });
  });

  it('reports every audio track, in order, with its language', async () => {
    const file = join(dir, 'two-tracks.mp4');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo:d=2'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=22050:duration=2'],
      ...['-map', '0:a', '-map', '1:a', '-c:a', 'aac'],
      ...['-metadata:s:a:0', 'language=chi', '-metadata:s:a:1', 'language=eng', file],
    );
    const probe = await probeMedia(tools, file);
    expect(probe.audioTracks).toEqual([
      { index: 0, codec: 'aac', sampleRate: 44100, channels: 2, language: 'chi' },
      { index: 1, codec: 'aac', sampleRate: 22050, channels: 1, language: 'eng' },
    ]);
    expect(probe.video).toBeNull();
  });

  it('does not count cover art as video', async () => {
    const file = join(dir, 'cover.flac');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'],
      ...['-f', 'lavfi', '-i', 'color=red:size=64x64:duration=1'],
      ...['-map', '0:a', '-map', '1:v', '-frames:v', '1', '-c:a', 'flac', '-c:v', 'png'],
      ...['-disposition:v', 'attached_pic', file],
    );
    const probe = await probeMedia(tools, file);
    expect(probe.video).toBeNull();
    expect(probe.audioTracks).toHaveLength(1);
  });

  it('refuses a corrupt file as unreadable, naming it', async () => {
    const file = join(dir, 'corrupt.mp4');
    await fs.writeFile(file, junk(8192));
    const err = await probeError(file);
    expect(err.code).toBe('unreadable');
    expect(err.detail?.file).toBe(file);
    expect(err.message).toMatch(/^not a media file ffmpeg can read: /);
  });

  it('refuses a missing file as unreadable, naming it', async () => {
    const file = join(dir, 'missing.opus');
    const err = await probeError(file);
    expect(err.code).toBe('unreadable');
    expect(err.detail?.file).toBe(file);
  });
});
