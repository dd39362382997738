import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import type { FfmpegTools } from './ffmpeg';
import { type PcmRun, runPcm, type Transport } from './pcm-stream';
import { pairsFor } from './peaks-file';

/** Fine enough to see syllables: one (min, max) pair per 10 ms. */
export const PEAKS_PER_SECOND = 100;

/**
 * Containers whose seeking lands exactly on the sample asked for, checked against a straight decode
 * by the seam tests. Not here: Matroska/WebM and FLV (millisecond timestamps: off by a few
 * samples), MP3 and raw ADTS AAC (seek by byte estimate). Those are decoded in one piece.
 */
const EXACT_SEEK = /^(mov,mp4|wav$|flac$|ogg$)/;

export function seeksExactly(format: string): boolean {
  return EXACT_SEEK.test(format);
}

/** Shorter media is decoded in one piece: a second ffmpeg would cost more than it saves. */
const MIN_SPLIT_MS = 60_000;
/** Decoded before the seam and dropped, so the codec's state (MDCT overlap, Opus pre-roll) is warm. */
const PREROLL_SECONDS = 1;
/** Scheduling priority of the second half's ffmpeg (a nice value). */
const SECOND_HALF_NICENESS = 5;
/** Media time per peaks chunk handed out while decoding. */
const CHUNK_SECONDS = 10;

export interface PeaksRequest {
  path: string;
  /** ffmpeg's audio stream index among audio streams. */
  track: number;
  /** Native sample rate of that track: decoding at it avoids ffmpeg's resampler. */
  sampleRate: number;
  durationMs: number;
  /** Container (MediaProbe.format): whether the track may be decoded as two halves in parallel. */
  format?: string;
  /** A positive integer; PEAKS_PER_SECOND by default. */
  peaksPerSecond?: number;
  /** Force one piece or two (tests); by default two when the container seeks exactly and media is long. */
  parts?: 1 | 2;
  /** How ffmpeg's output reaches Node (tests); see pcm-stream.ts. */
  transport?: Transport;
  /** Finished pairs as they come, `from` = index of the first; halves arrive interleaved. */
  onChunk?: (from: number, pairs: Int16Array) => void;
  /** Called now and then with media milliseconds decoded so far (both halves together). */
  onProgress?: (doneMs: number) => void;
  signal?: AbortSignal;
}

export interface PeaksResult {
  peaksPerSecond: number;
  sampleRate: number;
  /** The media's duration, or the decoded audio's when that is longer. */
  durationMs: number;
  /** Pairs covering durationMs: never fewer than pairsFor(durationMs, peaksPerSecond). */
  count: number;
  /** Interleaved (min, max) int16, 2 × count values; (0, 0) where there is no audio. */
  pairs: Int16Array;
}

interface Part {
  /** Absolute index (in samples) of the first sample this part decodes. */
  first: number;
  /** Absolute index past the last sample it may contribute. */
  end: number;
  args: string[];
}

/**
 * ffmpeg invocations for the track, in one piece or two halves that join exactly: the first stops
 * at sample S (atrim end_sample), the second seeks (input -ss, so ffmpeg's index does the work)
 * to one second before S and drops exactly that second (atrim start_sample). The seam is a whole
 * second, so it falls on a pair boundary and no pair mixes the halves.
 */
function planParts(req: PeaksRequest, rate: number): Part[] {
  const decode = (seek: number | null, trim: string) => [
    ...['-v', 'error', '-nostdin'],
    ...(seek ? ['-ss', String(seek)] : []),
    ...['-i', req.path, '-map', `0:a:${req.track}`, '-ac', '1', '-ar', String(rate)],
    // Pad the start (and any gap) with silence so that pair i is media time i/pps, as played.
    ...['-af', `aresample=async=1:first_pts=0${trim}`],
    // Without -flush_packets 0 ffmpeg writes each 1024-sample frame to the pipe on its own.
    ...['-flush_packets', '0', '-f', 's16le', '-acodec', 'pcm_s16le', 'pipe:1'],
  ];
  const split = Math.floor(req.durationMs / 2000);
  const two =
    req.parts === 2 || (req.parts === undefined && req.durationMs >= MIN_SPLIT_MS && seeksExactly(req.format ?? ''));
  if (!two || split < 1) return [{ first: 0, end: Number.POSITIVE_INFINITY, args: decode(null, '') }];
  const seam = split * rate;
  const preroll = Math.min(PREROLL_SECONDS, split);
  return [
    { first: 0, end: seam, args: decode(null, `,atrim=end_sample=${seam}`) },
    {
      first: seam,
      end: Number.POSITIVE_INFINITY,
      args: decode(split - preroll, preroll > 0 ? `,atrim=start_sample=${preroll * rate}` : ''),
    },
  ];
}

const EMPTY_LO = 32768;
const EMPTY_HI = -32769;

/** Decode a track with ffmpeg and fold it into min/max pairs, streaming, in one or two processes. */
export function decodePeaks(tools: FfmpegTools, req: PeaksRequest): Promise<PeaksResult> {
  const pps = req.peaksPerSecond ?? PEAKS_PER_SECOND;
  if (!Number.isInteger(pps) || pps < 1) {
    return Promise.reject(new ZimuError('invalid-argument', msg('peaks-bad-rate', { rate: pps })));
  }
  const rate = req.sampleRate > 0 ? Math.round(req.sampleRate) : 48000;
  const file = req.path;
  let pairs = new Int16Array(2 * (pairsFor(req.durationMs, pps) + 1));
  const chunkPairs = CHUNK_SECONDS * pps;
  /** Once failed, cancelled or done, nothing more is reported. */
  let settled = false;
  /** First sample of pair b. */
  const boundary = (b: number) => Math.ceil((b * rate) / pps);

  const store = (b: number, lo: number, hi: number) => {
    if (2 * b + 1 >= pairs.length) {
      const grown = new Int16Array(Math.max(pairs.length * 2, 2 * b + 2));
      grown.set(pairs);
      pairs = grown;
    }
    pairs[2 * b] = Math.max(lo, -32767); // full scale is ±32767
    pairs[2 * b + 1] = hi;
  };

  /** One ffmpeg's share: folds its samples into pairs at absolute positions. */
  class Folder {
    pos: number;
    bucket: number;
    next: number;
    lo = EMPTY_LO;
    hi = EMPTY_HI;
    emitted: number;
    carry: number | null = null;
    constructor(readonly part: Part) {
      this.pos = part.first;
      this.bucket = Math.floor((part.first * pps) / rate);
      this.next = boundary(this.bucket + 1);
      this.emitted = this.bucket;
    }

    feed(chunk: Buffer): void {
      const v = this.samples(chunk);
      const n = Math.min(v.length, this.part.end - this.pos);
      let { lo, hi } = this;
      let i = 0;
      while (i < n) {
        const stop = Math.min(n, i + (this.next - this.pos));
        for (let j = i; j < stop; j++) {
          const s = v[j] as number;
          if (s < lo) lo = s;
          if (s > hi) hi = s;
        }
        this.pos += stop - i;
        i = stop;
        if (this.pos === this.next) {
          store(this.bucket, lo, hi);
          this.bucket++;
          this.next = boundary(this.bucket + 1);
          lo = EMPTY_LO;
          hi = EMPTY_HI;
        }
      }
      this.lo = lo;
      this.hi = hi;
      if (this.bucket - this.emitted >= chunkPairs) this.emit();
    }

    /** The chunk as samples; a byte split between two chunks is carried over. */
    samples(chunk: Buffer): Int16Array {
      let bytes = chunk;
      if (this.carry !== null) {
        bytes = Buffer.concat([Buffer.of(this.carry), chunk]);
        this.carry = null;
      }
      const even = bytes.length & ~1;
      if (even < bytes.length) this.carry = bytes[even] as number;
      if (bytes.byteOffset % 2 === 0) return new Int16Array(bytes.buffer, bytes.byteOffset, even >> 1);
      const copy = new Int16Array(even >> 1);
      new Uint8Array(copy.buffer).set(bytes.subarray(0, even));
      return copy;
    }

    finish(): void {
      if (this.lo <= this.hi) {
        store(this.bucket, this.lo, this.hi); // the last, partial pair
        this.bucket++;
      }
      this.emit();
    }

    emit(): void {
      if (settled) return;
      if (this.bucket > this.emitted) req.onChunk?.(this.emitted, pairs.slice(2 * this.emitted, 2 * this.bucket));
      this.emitted = this.bucket;
      req.onProgress?.(doneMs());
    }
  }

  const folders = planParts(req, rate).map((part) => new Folder(part));
  const doneMs = () => (folders.reduce((sum, f) => sum + f.pos - f.part.first, 0) / rate) * 1000;

  return new Promise((resolvePromise, reject) => {
    const runs: PcmRun[] = [];
    let running = folders.length;
    const settle = (err: ZimuError | null) => {
      if (settled) return;
      settled = true;
      req.signal?.removeEventListener('abort', abort);
      if (err) {
        for (const r of runs) r.kill();
        return reject(err);
      }
      const decoded = Math.max(0, ...folders.filter((f) => f.pos > f.part.first).map((f) => f.pos));
      const durationMs = Math.max(req.durationMs, Math.round((decoded / rate) * 1000));
      // The waveform spans the whole media: where the track ends early, the pairs stay (0, 0).
      const count = Math.max(pairsFor(durationMs, pps), ...folders.map((f) => f.bucket));
      if (2 * count > pairs.length) store(count - 1, 0, 0);
      resolvePromise({ peaksPerSecond: pps, sampleRate: rate, durationMs, count, pairs: pairs.slice(0, 2 * count) });
    };
    const abort = () => settle(new ZimuError('cancelled', msg('waveform-cancelled'), { file }));
    if (req.signal?.aborted) return abort();
    req.signal?.addEventListener('abort', abort, { once: true });

    for (const folder of folders) {
      const onData = (bytes: Buffer) => {
        if (!settled) folder.feed(bytes);
      };
      // The second half yields the CPU to the first, whose beginning is what the user sees first.
      const niceness = folder.part.first > 0 ? SECOND_HALF_NICENESS : 0;
      const run = runPcm(tools.ffmpeg, folder.part.args, onData, { transport: req.transport, niceness });
      runs.push(run);
      run.done.then(
        ({ code, stderr }) => {
          if (settled) return;
          if (code !== 0) {
            const reason = stderr.trim().split('\n').pop() || `exit code ${code}`;
            return settle(new ZimuError('unreadable', msg('audio-decode-failed', { reason }), { file }));
          }
          folder.finish();
          if (--running === 0) settle(null);
        },
        (err: Error) =>
          settle(
            new ZimuError('io-error', msg('ffmpeg-cannot-run', { tool: tools.ffmpeg, reason: err.message }), { file }),
          ),
      );
    }
  });
}
