import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { bundledFfmpeg, type FfmpegTools, locateFfmpeg, type MediaProbe, probeMedia, probeWithFfmpeg } from './ffmpeg';

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

/** Run with these environment variables (undefined = unset), restoring them afterwards. */
function withEnv<T>(env: Record<string, string | undefined>, fn: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(env);
  try {
    return fn();
  } finally {
    apply(saved);
  }
}

describe('locateFfmpeg', () => {
  it('prefers the ffmpeg bundled in @ffmpeg-installer, with the ffprobe on PATH', () => {
    const bundled = bundledFfmpeg();
    expect(bundled).toMatch(/node_modules[\\/]@ffmpeg-installer[\\/][^\\/]+[\\/]ffmpeg(\.exe)?$/);
    const found = withEnv({ ZIMU_FFMPEG: undefined }, () => locateFfmpeg());
    expect(found.ffmpeg).toBe(bundled);
    expect(found.ffprobe).toMatch(/ffprobe(\.exe)?$/);
  });

  it('falls back to ffmpeg and ffprobe on PATH when nothing is bundled', () => {
    const found = withEnv({ ZIMU_FFMPEG: undefined }, () => locateFfmpeg(null, null));
    expect(found.ffmpeg).toMatch(/ffmpeg(\.exe)?$/);
    expect(found.ffmpeg).not.toContain('node_modules');
    expect(found.ffprobe).toMatch(/ffprobe(\.exe)?$/);
  });

  it('uses an explicit ffmpeg or ZIMU_FFMPEG before the bundled one, with the ffprobe beside it or on PATH', async () => {
    const system = locateFfmpeg(null, null);
    const lone = join(dir, 'lone');
    const pair = join(dir, 'pair');
    await fs.mkdir(lone);
    await fs.mkdir(pair);
    await fs.symlink(system.ffmpeg, join(lone, 'ffmpeg'));
    await fs.symlink(system.ffmpeg, join(pair, 'ffmpeg'));
    await fs.symlink(system.ffprobe as string, join(pair, 'ffprobe'));
    expect(locateFfmpeg(join(lone, 'ffmpeg'))).toEqual({ ffmpeg: join(lone, 'ffmpeg'), ffprobe: system.ffprobe });
    expect(locateFfmpeg(join(pair, 'ffmpeg'))).toEqual({
      ffmpeg: join(pair, 'ffmpeg'),
      ffprobe: join(pair, 'ffprobe'),
    });
    expect(withEnv({ ZIMU_FFMPEG: join(pair, 'ffmpeg') }, () => locateFfmpeg().ffmpeg)).toBe(join(pair, 'ffmpeg'));
    // A setting that points nowhere is passed over.
    expect(locateFfmpeg(join(dir, 'nowhere', 'ffmpeg'), null).ffmpeg).toBe(system.ffmpeg);
  });

  it('has no ffprobe when there is none beside ffmpeg or on PATH', async () => {
    const only = join(dir, 'only-ffmpeg');
    await fs.mkdir(only);
    await fs.symlink(tools.ffmpeg, join(only, 'ffmpeg'));
    const found = withEnv({ PATH: only, ZIMU_FFMPEG: undefined }, () => locateFfmpeg(null, null));
    expect(found).toEqual({ ffmpeg: join(only, 'ffmpeg'), ffprobe: null });
  });

  it('explains how to install ffmpeg when there is none', () => {
    let err: unknown;
    withEnv({ PATH: dir, ZIMU_FFMPEG: undefined }, () => {
      try {
        locateFfmpeg(join(dir, 'no-such-ffmpeg'), null);
      } catch (e) {
        err = e;
      }
    });
    expect(err).toBeInstanceOf(ZimuError);
    expect((err as ZimuError).code).toBe('unsupported');
    expect((err as ZimuError).message).toContain('apt-get install ffmpeg');
  });

  it('the bundled ffmpeg decodes the audio codecs talks come in', async () => {
    const bundled = bundledFfmpeg() as string;
    const encodings: [string, string[]][] = [
      ['aac.m4a', ['-c:a', 'aac']],
      ['opus.webm', ['-c:a', 'libopus']],
      ['opus.mp4', ['-c:a', 'libopus', '-strict', '-2']],
      ['flac.mp4', ['-c:a', 'flac', '-strict', '-2']],
      ['eac3.mp4', ['-c:a', 'eac3']],
      ['mp3.mp3', ['-c:a', 'libmp3lame']],
      ['vorbis.ogg', ['-c:a', 'libvorbis']],
    ];
    const system = locateFfmpeg(null, null).ffmpeg;
    for (const [name, codec] of encodings) {
      const file = join(dir, `codec-${name}`);
      await run(system, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', ...codec, file]);
      const { stdout } = await run(bundled, ['-v', 'error', '-i', file, '-f', 's16le', '-ac', '1', '-'], {
        encoding: 'buffer',
        maxBuffer: 1 << 24,
      });
      expect(stdout.length, name).toBeGreaterThan(2 * 40000);
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
    expect(probe.video).toEqual({ width: 320, height: 240, codec: 'h264', frameRate: 10 });
    expect(probe.audioTracks).toHaveLength(1);
    expect(probe.audioTracks[0]).toMatchObject({ index: 0, codec: 'aac', sampleRate: 44100, channels: 1 });
  });

  it('reports every audio track, in order, with its language', async () => {
    const file = join(dir, 'two-tracks.mp4');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=22050:duration=2'],
      ...['-map', '0:a', '-map', '1:a', '-t', '2', '-c:a', 'aac'],
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

describe('probeWithFfmpeg (no ffprobe)', () => {
  it('reads what ffprobe reads from the ffmpeg -i output of the bundled and the system ffmpeg', async () => {
    const fixtures: [string, string[]][] = [
      ['tone.opus', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'libopus']],
      [
        '视频 clip.mp4',
        [
          ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=2'],
          ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
          ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest'],
        ],
      ],
      [
        'tracks.mkv',
        [
          ...['-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=5.1'],
          ...['-f', 'lavfi', '-i', 'sine=frequency=300:sample_rate=22050:duration=2'],
          ...['-map', '0:a', '-map', '1:a', '-t', '2', '-c:a', 'aac'],
          ...['-metadata:s:a:0', 'language=chi', '-metadata:s:a:1', 'language=eng'],
        ],
      ],
      [
        'cover.flac',
        [
          ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'],
          ...['-f', 'lavfi', '-i', 'color=red:size=64x64:duration=1'],
          ...['-map', '0:a', '-map', '1:v', '-frames:v', '1', '-c:a', 'flac', '-c:v', 'png'],
          ...['-disposition:v', 'attached_pic'],
        ],
      ],
    ];
    const ffmpegs = [bundledFfmpeg() as string, locateFfmpeg(null, null).ffmpeg];
    for (const [name, args] of fixtures) {
      const file = join(dir, `fallback-${name}`);
      await ffmpeg(...args, file);
      const reference = await probeMedia(tools, file);
      expect(tools.ffprobe).not.toBeNull();
      for (const binary of ffmpegs) {
        const probe: MediaProbe = await probeWithFfmpeg(binary, file);
        expect({ ...probe, durationMs: 0 }, `${name} with ${binary}`).toEqual({ ...reference, durationMs: 0 });
        expect(Math.abs(probe.durationMs - reference.durationMs), name).toBeLessThanOrEqual(10);
      }
    }
    const tracks = await probeWithFfmpeg(tools.ffmpeg, join(dir, 'fallback-tracks.mkv'));
    expect(tracks.audioTracks.map((t) => [t.channels, t.sampleRate, t.language])).toEqual([
      [6, 44100, 'chi'],
      [1, 22050, 'eng'],
    ]);
    expect((await probeWithFfmpeg(tools.ffmpeg, join(dir, 'fallback-视频 clip.mp4'))).video).toEqual({
      width: 320,
      height: 240,
      codec: 'h264',
      frameRate: 10,
    });
  });

  it('is what probeMedia uses without ffprobe', async () => {
    const file = join(dir, 'no-probe.m4a');
    await ffmpeg('-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.5', '-c:a', 'aac', file);
    const probe = await probeMedia({ ffmpeg: tools.ffmpeg, ffprobe: null }, file);
    expect(probe.format).toBe('mov,mp4,m4a,3gp,3g2,mj2');
    expect(Math.abs(probe.durationMs - 1500)).toBeLessThanOrEqual(40);
    expect(probe.audioTracks).toEqual([{ index: 0, codec: 'aac', sampleRate: 44100, channels: 1, language: 'und' }]);
  });

  it('refuses corrupt and missing files as unreadable, naming them', async () => {
    const corrupt = join(dir, 'fallback-corrupt.mp4');
    await fs.writeFile(corrupt, junk(8192));
    for (const file of [corrupt, join(dir, 'fallback-missing.mp4')]) {
      const err = await probeMedia({ ffmpeg: tools.ffmpeg, ffprobe: null }, file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(ZimuError);
      expect((err as ZimuError).code).toBe('unreadable');
      expect((err as ZimuError).detail?.file).toBe(file);
      expect((err as ZimuError).message).toMatch(/^not a media file ffmpeg can read: ./);
    }
  });
});
