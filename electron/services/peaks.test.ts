import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { type FfmpegTools, locateFfmpeg, probeMedia } from './ffmpeg';
import { decodePeaks, type PeaksRequest, seeksExactly } from './peaks';

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

async function requestFor(path: string, peaksPerSecond = 100, track = 0): Promise<PeaksRequest> {
  const probe = await probeMedia(tools, path);
  const info = probe.audioTracks[track];
  if (!info) throw new Error(`no audio track ${track} in ${path}`);
  return {
    path,
    track,
    sampleRate: info.sampleRate,
    durationMs: probe.durationMs,
    format: probe.format,
    peaksPerSecond,
  };
}

async function peaksError(promise: Promise<unknown>): Promise<ZimuError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}

const mins = (pairs: Int16Array) => pairs.filter((_, i) => i % 2 === 0);
const maxes = (pairs: Int16Array) => pairs.filter((_, i) => i % 2 === 1);
const absMax = (a: Int16Array, from: number, to: number) =>
  Math.max(0, ...Array.from(a.subarray(from, to), (v) => Math.abs(v)));

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

describe('decodePeaks', () => {
  it('places silence and tone at the right pairs, covers the whole duration and streams chunks', async () => {
    const progress: number[] = [];
    const chunks: { from: number; pairs: Int16Array }[] = [];
    const req = await requestFor(silenceThenTone);
    const peaks = await decodePeaks(tools, {
      ...req,
      onProgress: (ms) => progress.push(ms),
      onChunk: (from, pairs) => chunks.push({ from, pairs }),
    });

    expect(peaks).toMatchObject({ peaksPerSecond: 100, sampleRate: 48000 });
    expect(peaks.durationMs).toBeGreaterThanOrEqual(req.durationMs);
    expect(peaks.pairs.length).toBe(2 * peaks.count);
    expect(peaks.count).toBeGreaterThanOrEqual(Math.ceil((peaks.durationMs / 1000) * 100));
    expect(peaks.count).toBeLessThanOrEqual(305);

    const min = mins(peaks.pairs);
    const max = maxes(peaks.pairs);
    // Keep clear of the codec's smoothing around the 2 s boundary.
    expect(absMax(min, 0, 190)).toBeLessThan(330);
    expect(absMax(max, 0, 190)).toBeLessThan(330);
    expect(Math.min(...max.subarray(210, 295))).toBeGreaterThan(0.3 * 32767);
    expect(Math.max(...min.subarray(210, 295))).toBeLessThan(-0.3 * 32767);
    for (let i = 0; i < peaks.count; i++) {
      expect(min[i]).toBeGreaterThanOrEqual(-32767);
      expect(min[i]).toBeLessThanOrEqual(max[i] as number);
    }

    // The chunks, laid side by side, are the result (short media: one piece, in order).
    const joined = new Int16Array(peaks.pairs.length);
    for (const c of chunks) joined.set(c.pairs, c.from * 2);
    expect(chunks[0]?.from).toBe(0);
    expect(joined).toEqual(peaks.pairs);

    // The last report is the decoded length (3 s of Opus at 48 kHz).
    expect(progress.at(-1)).toBe(3000);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('folds known samples into exact min/max pairs, full scale ±32767', async () => {
    const rate = 8000;
    const perBucket = rate / 100;
    const samples = new Int16Array(rate); // 1 s, 100 pairs
    for (let i = 0; i < samples.length; i++) {
      const level = (Math.floor(i / perBucket) + 1) * 300;
      samples[i] = i % perBucket === 3 ? level : i % perBucket === 7 ? -level : 0;
    }
    samples[5 * perBucket + 1] = 32767;
    samples[6 * perBucket + 1] = -32768;
    const file = join(dir, 'known.wav');
    await fs.writeFile(file, wav(samples, rate));

    const peaks = await decodePeaks(tools, await requestFor(file));
    expect(peaks.count).toBe(100);
    for (const b of [0, 1, 42, 99]) {
      expect(peaks.pairs[2 * b]).toBe(-(b + 1) * 300);
      expect(peaks.pairs[2 * b + 1]).toBe((b + 1) * 300);
    }
    expect(peaks.pairs[2 * 5 + 1]).toBe(32767);
    expect(peaks.pairs[2 * 6]).toBe(-32767);
  });

  it('joins two halves decoded in parallel without a gap or an overlap at the seam', async () => {
    // Every 10 ms pair has a spike on its first sample and a dip on its last, both unique to it:
    // a half shifted by a single sample moves a spike into the neighbouring pair.
    const rate = 44100;
    const perBucket = rate / 100;
    const samples = new Int16Array(rate * 7);
    for (let b = 0; b < 700; b++) {
      samples[b * perBucket] = 100 + b * 40;
      samples[b * perBucket + perBucket - 1] = -(100 + b * 40);
    }
    const file = join(dir, 'spikes.wav');
    await fs.writeFile(file, wav(samples, rate));
    const req = await requestFor(file);
    const chunks: number[] = [];
    const peaks = await decodePeaks(tools, { ...req, parts: 2, onChunk: (from) => chunks.push(from) });
    expect(chunks).toContain(300); // the second half starts at 3 s
    expect(peaks.count).toBe(700);
    for (let b = 0; b < 700; b++) {
      expect([peaks.pairs[2 * b], peaks.pairs[2 * b + 1]]).toEqual([-(100 + b * 40), 100 + b * 40]);
    }
  });

  it('gives the same pairs in two halves as in one piece, for every container it splits', async () => {
    const source = ['-f', 'lavfi', '-i', 'anoisesrc=c=pink:r=48000:a=0.3:d=9'];
    const cases: [string, string[]][] = [
      ['aac.m4a', ['-c:a', 'aac', '-b:a', '96k']],
      ['fragmented.m4s', ['-c:a', 'aac', '-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof']],
      ['opus.ogg', ['-c:a', 'libopus']],
      ['lossless.flac', ['-c:a', 'flac']],
      ['pcm.wav', ['-c:a', 'pcm_s16le']],
    ];
    for (const [name, codec] of cases) {
      const file = join(dir, name);
      await ffmpeg(...source, ...codec, file);
      const req = await requestFor(file);
      expect(seeksExactly(req.format ?? ''), name).toBe(true);
      const whole = await decodePeaks(tools, { ...req, parts: 1 });
      const halves = await decodePeaks(tools, { ...req, parts: 2 });
      expect(halves.count, name).toBe(whole.count);
      expect(Buffer.from(halves.pairs.buffer).equals(Buffer.from(whole.pairs.buffer)), name).toBe(true);
      // The plain stdout pipe (Windows) gives the same pairs as the Unix socket.
      const piped = await decodePeaks(tools, { ...req, parts: 2, transport: 'pipe' });
      expect(Buffer.from(piped.pairs.buffer).equals(Buffer.from(whole.pairs.buffer)), name).toBe(true);
    }
    expect(seeksExactly('matroska,webm')).toBe(false);
    expect(seeksExactly('flv')).toBe(false);
    expect(seeksExactly('mp3')).toBe(false);
  });

  it('decodes the requested track of a file with two audio tracks', async () => {
    const file = join(dir, 'two-tracks.mka');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=1'],
      ...['-map', '0:a', '-map', '1:a', '-t', '1', '-c:a', 'pcm_s16le', file],
    );
    const silent = await decodePeaks(tools, await requestFor(file, 50, 0));
    const tone = await decodePeaks(tools, await requestFor(file, 50, 1));
    expect(absMax(silent.pairs, 0, silent.pairs.length)).toBe(0);
    expect(Math.min(...maxes(tone.pairs).subarray(2, 48))).toBeGreaterThan(0.05 * 32767);
  });

  it('pads the peaks with silence when the audio ends before the media does', async () => {
    const file = join(dir, 'short-audio.mp4');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=3'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1.5'],
      ...['-c:v', 'mpeg4', '-c:a', 'aac', file],
    );
    const req = await requestFor(file);
    expect(req.durationMs).toBeGreaterThanOrEqual(2900);
    const peaks = await decodePeaks(tools, req);
    expect(peaks.durationMs).toBeGreaterThanOrEqual(req.durationMs);
    expect(peaks.count).toBeGreaterThanOrEqual(Math.ceil((peaks.durationMs / 1000) * 100));
    const max = maxes(peaks.pairs);
    expect(Math.min(...max.subarray(20, 140))).toBeGreaterThan(0.1 * 32767); // the sine source is at 1/8
    expect(absMax(max, 170, max.length)).toBe(0);
  });

  it('places audio that starts late at its media time, as it is played', async () => {
    const file = join(dir, 'late-audio.mp4');
    await ffmpeg(
      ...['-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10:duration=3'],
      ...['-itsoffset', '1', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2'],
      ...['-map', '0:v', '-map', '1:a', '-c:v', 'mpeg4', '-c:a', 'aac', file],
    );
    const max = maxes((await decodePeaks(tools, await requestFor(file))).pairs);
    expect(absMax(max, 0, 90)).toBe(0);
    expect(Math.min(...max.subarray(110, 290))).toBeGreaterThan(0.1 * 32767);
  });

  it('kills both ffmpeg processes and rejects with cancelled when aborted', async () => {
    // ffmpeg blocks opening a FIFO nobody writes to: both halves are surely still running.
    const fifo = join(dir, 'never-written.wav');
    await run('mkfifo', [fifo]);
    const alive = () =>
      run('pgrep', ['-f', fifo]).then(
        ({ stdout }) => stdout.trim().split('\n').length,
        () => 0,
      );
    const controller = new AbortController();
    const pending = decodePeaks(tools, {
      path: fifo,
      track: 0,
      sampleRate: 8000,
      durationMs: 120_000,
      parts: 2,
      signal: controller.signal,
    });
    await expect.poll(alive, { timeout: 5000 }).toBe(2);
    controller.abort();
    const err = await peaksError(pending);
    expect(err.code).toBe('cancelled');
    expect(err.detail?.file).toBe(fifo);
    await expect.poll(alive, { timeout: 5000 }).toBe(0);
  });

  it('reports undecodable input as unreadable, naming the file', async () => {
    const file = join(dir, 'not-audio.opus');
    await fs.writeFile(file, 'this is not audio at all\n'.repeat(100));
    const err = await peaksError(
      decodePeaks(tools, { path: file, track: 0, sampleRate: 48000, durationMs: 1000, peaksPerSecond: 100 }),
    );
    expect(err.code).toBe('unreadable');
    expect(err.detail?.file).toBe(file);
  });
});
