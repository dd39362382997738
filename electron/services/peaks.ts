import { spawn } from 'node:child_process';
import { ZimuError } from '../../shared/ipc/errors';
import type { FfmpegTools } from './ffmpeg';

export interface PeaksRequest {
  path: string;
  /** ffmpeg's audio stream index among audio streams. */
  track: number;
  /** Native sample rate of that track: decoding at it avoids ffmpeg's resampler. */
  sampleRate: number;
  durationMs: number;
  peaksPerSecond: number;
  /** Called now and then with media milliseconds decoded so far. */
  onProgress?: (doneMs: number) => void;
  signal?: AbortSignal;
}

export interface PeaksResult {
  peaksPerSecond: number;
  durationMs: number;
  min: Float32Array;
  max: Float32Array;
}

/**
 * Decode a track to mono 16-bit PCM with ffmpeg and fold it into min/max pairs, streaming: memory
 * stays at one pipe chunk plus the peaks, whatever the media length.
 */
export function computePeaks(tools: FfmpegTools, req: PeaksRequest): Promise<PeaksResult> {
  const samplesPerPeak = req.sampleRate / req.peaksPerSecond;
  const capacity = Math.ceil((req.durationMs / 1000) * req.peaksPerSecond) + 16;
  let min = new Float32Array(capacity);
  let max = new Float32Array(capacity);
  let count = 0;
  let sampleIndex = 0;
  let bucketEnd = samplesPerPeak;
  let lo = 1;
  let hi = -1;
  let carry: number | null = null; // odd byte left over between chunks
  let lastReport = 0;

  const pushBucket = () => {
    if (count === min.length) {
      const grow = (a: Float32Array) => {
        const b = new Float32Array(a.length * 2);
        b.set(a);
        return b;
      };
      min = grow(min);
      max = grow(max);
    }
    min[count] = lo > hi ? 0 : lo;
    max[count] = lo > hi ? 0 : hi;
    count++;
    lo = 1;
    hi = -1;
  };

  const consume = (chunk: Buffer) => {
    let offset = 0;
    if (carry !== null && chunk.length > 0) {
      take(((chunk[0] as number) << 8) | carry);
      carry = null;
      offset = 1;
    }
    const end = offset + ((chunk.length - offset) & ~1);
    for (let i = offset; i < end; i += 2) take(chunk.readInt16LE(i));
    if (end < chunk.length) carry = chunk[end] as number;
  };

  const take = (raw: number) => {
    const v = (raw << 16) >> 16; // sign-extend when assembled from two bytes
    const s = v / 32768;
    if (s < lo) lo = s;
    if (s > hi) hi = s;
    sampleIndex++;
    if (sampleIndex >= bucketEnd) {
      pushBucket();
      bucketEnd += samplesPerPeak;
    }
  };

  return new Promise((resolvePromise, reject) => {
    const args = ['-v', 'error', '-nostdin', '-i', req.path, '-map', `0:a:${req.track}`, '-vn', '-ac', '1'];
    args.push('-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1');
    const child = spawn(tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const abort = () => child.kill('SIGKILL');
    req.signal?.addEventListener('abort', abort, { once: true });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 8192) stderr += d.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      consume(chunk);
      const doneMs = (sampleIndex / req.sampleRate) * 1000;
      if (req.onProgress && doneMs - lastReport >= 5000) {
        lastReport = doneMs;
        req.onProgress(doneMs);
      }
    });
    child.on('error', (err) =>
      reject(new ZimuError('io-error', `cannot run ffmpeg: ${err.message}`, { file: req.path })),
    );
    child.on('close', (code) => {
      req.signal?.removeEventListener('abort', abort);
      if (req.signal?.aborted) return reject(new ZimuError('cancelled', 'waveform cancelled', { file: req.path }));
      if (code !== 0) {
        const reason = stderr.trim().split('\n').pop() || `exit code ${code}`;
        return reject(new ZimuError('unreadable', `ffmpeg could not decode the audio: ${reason}`, { file: req.path }));
      }
      if (lo <= hi) pushBucket(); // the last, partial bucket
      const decodedMs = Math.round((sampleIndex / req.sampleRate) * 1000);
      const durationMs = Math.max(decodedMs, req.durationMs);
      // The waveform is drawn across the whole duration: where the track ends early, pad with silence.
      const wanted = Math.floor((durationMs / 1000) * req.peaksPerSecond);
      while (count < wanted) pushBucket();
      req.onProgress?.(decodedMs);
      resolvePromise({
        peaksPerSecond: req.peaksPerSecond,
        durationMs,
        min: min.slice(0, count),
        max: max.slice(0, count),
      });
    });
  });
}
