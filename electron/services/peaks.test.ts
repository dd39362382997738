import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { type FfmpegTools, locateFfmpeg, probeMedia } from './ffmpeg';
import { computePeaks, type PeaksRequest } from './peaks';

const run = promisify(execFile);
let dir: string;
let tools: FfmpegTools;
/** 2 s of silence then 1 s of a 440 Hz tone at 0.5 amplitude, Opus. */
let silenceThenTone: string;

async function ffmpeg(...args: string[]): Promise<void> {
  await run(tools.ffmpeg, ['-v', 'error', '-y', ...args]);
}

/** A mono 16-bit PCM WAV holding exactly these samples. */
function wav(samples: Int16Array, sampleRate: number): Buffer {
  const data = Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

async function requestFor(path: string, peaksPerSecond: number, track = 0): Promise<PeaksRequest> {
  const probe = await probeMedia(tools, path);
  const info = probe.audioTracks[track];
  if (!info) throw new Error(`no audio track ${track} in ${path}`);
  return { path, track, sampleRate: info.sampleRate, durationMs: probe.durationMs, peaksPerSecond };
}

async function peaksError(promise: Promise<unknown>): Promise<ZimuError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}

const absMax = (a: Float32Array, from: number, to: number) =>
  Math.max(...Array.from(a.subarray(from, to), (v) => Math.abs(v)));

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-peaks-'));
  tools = locateFfmpeg();
  silenceThenTone = join(dir, 'silence-tone.opus');
  const tone = 'aevalsrc=if(gte(t\\,2)\\,0.5*sin(2*PI*440*t)\\,0):s=48000:d=3';
  await ffmpeg('-f', 'lavfi', '-i', tone, '-c:a', 'libopus', silenceThenTone);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('computePeaks', () => {
  it('places silence and tone at the right buckets and covers the whole duration', async () => {
    const progress: number[] = [];
    const req = await requestFor(silenceThenTone, 100);
    const peaks = await computePeaks(tools, { ...req, onProgress: (ms) => progress.push(ms) });

    expect(peaks.peaksPerSecond).toBe(100);
    expect(peaks.durationMs).toBeGreaterThanOrEqual(req.durationMs);
    expect(peaks.min.length).toBe(peaks.max.length);
    expect(peaks.min.length).toBeGreaterThanOrEqual(Math.floor((peaks.durationMs / 1000) * 100));
    expect(peaks.min.length).toBeLessThanOrEqual(305);

    // Keep clear of the codec's smoothing around the 2 s boundary.
    expect(absMax(peaks.min, 0, 190)).toBeLessThan(0.01);
    expect(absMax(peaks.max, 0, 190)).toBeLessThan(0.01);
    expect(Math.min(...peaks.max.subarray(210, 295))).toBeGreaterThan(0.3);
    expect(Math.max(...peaks.min.subarray(210, 295))).toBeLessThan(-0.3);
    for (let i = 0; i < peaks.min.length; i++) {
      expect(peaks.min[i]).toBeGreaterThanOrEqual(-1);
      expect(peaks.max[i]).toBeLessThanOrEqual(1);
      expect(peaks.min[i]).toBeLessThanOrEqual(peaks.max[i] as number);
    }

    // The last report is the decoded length (3 s of Opus at 48 kHz).
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(3000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('folds known samples into exact min/max pairs per bucket', async () => {
    const rate = 8000;
    const perBucket = rate / 100;
    const samples = new Int16Array(rate); // 1 s, 100 buckets
    for (let i = 0; i < samples.length; i++) {
      const b = Math.floor(i / perBucket);
      const level = (b + 1) * 300;
      samples[i] = i % perBucket === 3 ? level : i % perBucket === 7 ? -level : 0;
    }
    samples[5 * perBucket + 1] = 32767;
    samples[6 * perBucket + 1] = -32768;
    const file = join(dir, 'known.wav');
    await fs.writeFile(file, wav(samples, rate));

    const peaks = await computePeaks(tools, await requestFor(file, 100));
    expect(peaks.min.length).toBe(100);
    for (const b of [0, 1, 42, 99]) {
      expect(peaks.max[b]).toBeCloseTo(((b + 1) * 300) / 32768, 6);
      expect(peaks.min[b]).toBeCloseTo((-(b + 1) * 300) / 32768, 6);
    }
    expect(peaks.max[5]).toBeCloseTo(32767 / 32768, 6);
    expect(peaks.min[6]).toBe(-1);
  });

  it('decodes the requested track of a file with two audio tracks', async () => {
    const file = join(dir, 'two-tracks.mka');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo:d=1'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=1'],
      ...['-map', '0:a', '-map', '1:a', '-c:a', 'pcm_s16le', file],
    );
    const silent = await computePeaks(tools, await requestFor(file, 50, 0));
    const tone = await computePeaks(tools, await requestFor(file, 50, 1));
    expect(absMax(silent.max, 0, silent.max.length)).toBe(0);
    expect(Math.min(...tone.max.subarray(2, 48))).toBeGreaterThan(0.05);
  });

  it('pads the peaks with silence when the audio ends before the media does', async () => {
    const file = join(dir, 'short-audio.mp4');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=3'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.5'],
      ...['-c:v', 'mpeg4', '-c:a', 'aac', file],
    );
    const req = await requestFor(file, 100);
    expect(req.durationMs).toBeGreaterThanOrEqual(2900);
    const peaks = await computePeaks(tools, req);
    expect(peaks.durationMs).toBeGreaterThanOrEqual(req.durationMs);
    expect(peaks.max.length).toBeGreaterThanOrEqual(Math.floor((peaks.durationMs / 1000) * 100));
    expect(Math.min(...peaks.max.subarray(20, 140))).toBeGreaterThan(0.1); // the sine source is at 1/8
    expect(absMax(peaks.max, 170, peaks.max.length)).toBe(0);
  });

  it('rejects with cancelled when aborted', async () => {
    const file = join(dir, 'long.wav');
    await fs.writeFile(file, wav(new Int16Array(8000 * 120), 8000));
    const controller = new AbortController();
    const pending = computePeaks(tools, { ...(await requestFor(file, 100)), signal: controller.signal });
    controller.abort();
    const err = await peaksError(pending);
    expect(err.code).toBe('cancelled');
    expect(err.detail?.file).toBe(file);
  });

  it('reports undecodable input as unreadable, naming the file', async () => {
    const file = join(dir, 'not-audio.opus');
    await fs.writeFile(file, 'this is not audio at all\n'.repeat(100));
    const err = await peaksError(
      computePeaks(tools, { path: file, track: 0, sampleRate: 48000, durationMs: 1000, peaksPerSecond: 100 }),
    );
    expect(err.code).toBe('unreadable');
    expect(err.detail?.file).toBe(file);
  });
});
