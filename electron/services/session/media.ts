import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaInfo, Peaks } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/ipc/messages';
import type { EnvelopeSource } from '../autotime';
import { resolveMediaInput } from '../bilibili';
import { type FfmpegTools, locateFfmpeg, type MediaProbe, probeMedia } from '../ffmpeg';
import { mediaIdentity } from '../media-identity';
import { decodePeaks, PEAKS_PER_SECOND } from '../peaks';
import { type CachedLevel, peaksCacheKey, readPeaksCache, writePeaksCache } from '../peaks-cache';
import { buildLevels } from '../peaks-file';
import { audioTrackPlan, cacheKey, findCached, remuxInto } from '../remux';
import type { HostDeps } from './host';
import type { Job } from './jobs';

/**
 * The media of one host session: the files opened (what media.peaks and auto-timing may read), the
 * waveform decodes in flight (asking again for a waveform being decoded joins that decode), and a
 * scratch folder for peaks when the cache cannot be written.
 */

/** An opened media file: what the waveform and auto-timing need to know about it. */
interface OpenedMedia {
  playPath: string;
  probe: MediaProbe;
  audioTrack: number;
}

/** One decode, shared by every caller that asked for the same waveform meanwhile. */
interface Decode {
  readonly answer: Promise<Peaks>;
  readonly stop: AbortController;
  /** The callers' job ids: each gets the events under its own id; the decode stops when none is left. */
  readonly callers: Set<string>;
  /** Take it out of the in-flight table (when it ends, or when its last caller left). */
  readonly forget: () => void;
}

interface DecodeRequest {
  mediaId: string;
  media: OpenedMedia;
  track: number;
  key: string;
  signal: AbortSignal;
  callers: ReadonlySet<string>;
}

export interface MediaSession {
  ffmpeg(): FfmpegTools;
  /** Probe, remux where Chromium cannot play the container, and register a media file for serving. */
  open(path: string, audioTrack: number | undefined, job: Job): Promise<MediaInfo>;
  /** The waveform of an opened media file: the cache, a decode in flight, or a new decode. */
  peaks(mediaId: string, audioTrack: number | undefined, job: Job): Promise<Peaks>;
  /** What auto-timing reads for an opened media file (its current track). */
  envelopeSource(mediaId: string): EnvelopeSource;
}

const base64 = (pairs: Int16Array) => Buffer.from(pairs.buffer, pairs.byteOffset, pairs.byteLength).toString('base64');

const noSuchTrack = (track: number, file: string) =>
  new ZimuError('invalid-argument', msg('media-no-such-track', { track: track + 1 }), { file });

/** Rejects with `cancelled` when `job` is cancelled first; the work itself goes on for others. */
function untilCancelled<T>(work: Promise<T>, job: Job, file: string): Promise<T> {
  const cancelled = () => new ZimuError('cancelled', msg('waveform-cancelled'), { file });
  if (job.signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(cancelled());
    job.signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => job.signal.removeEventListener('abort', abort));
  });
}

export function createMediaSession(deps: HostDeps): MediaSession {
  const opened = new Map<string, OpenedMedia>();
  const decoding = new Map<string, Decode>();
  let tools: FfmpegTools | null = null;
  let scratchDir: Promise<string> | null = null;
  const ffmpeg = () => {
    tools ??= locateFfmpeg(deps.ffmpegPath);
    return tools;
  };

  function openedMedia(mediaId: string): OpenedMedia {
    const media = opened.get(mediaId);
    if (!media) throw new ZimuError('not-found', msg('media-not-opened'));
    return media;
  }

  async function trackForPlayback(file: string, probe: MediaProbe, track: number, job: Job): Promise<string> {
    const source = { format: probe.format, durationMs: probe.durationMs, video: probe.video, audio: probe.audioTracks };
    const key = await cacheKey([file], { audioTrack: track });
    const cached = await findCached(deps.cacheDir, key);
    if (cached) return cached;
    const mediaId = deps.media.register(file);
    const onProgress = (done: number, total: number) =>
      deps.emit('job.progress', { jobId: job.id, kind: 'remux', mediaId, done, total });
    return remuxInto(ffmpeg(), deps.cacheDir, key, audioTrackPlan(file, source, track), onProgress, job.signal);
  }

  async function open(path: string, audioTrack: number | undefined, job: Job): Promise<MediaInfo> {
    // Remux progress names the opened path's media id (the played file's id is not known yet).
    let sourceId: string | undefined;
    const input = await resolveMediaInput(
      path,
      ffmpeg(),
      deps.cacheDir,
      (done, total) => {
        sourceId ??= deps.media.register(path);
        deps.emit('job.progress', { jobId: job.id, kind: 'remux', mediaId: sourceId, done, total });
      },
      job.signal,
    );
    const probe = await probeMedia(ffmpeg(), input.playPath);
    if (probe.audioTracks.length === 0) throw new ZimuError('unsupported', msg('media-no-audio'), { file: path });
    const track = audioTrack ?? 0;
    if (track >= probe.audioTracks.length) throw noSuchTrack(track, path);
    // Peaks decode the chosen track from the file itself; playback needs a file with that track alone.
    const played = track > 0 ? await trackForPlayback(input.playPath, probe, track, job) : input.playPath;
    const id = deps.media.register(played);
    opened.set(id, { playPath: input.playPath, probe, audioTrack: track });
    return {
      id,
      url: deps.mediaUrl(id),
      path,
      playPath: played,
      remuxed: input.remuxed || played !== input.playPath,
      durationMs: probe.durationMs,
      audioTracks: probe.audioTracks,
      video: probe.video,
      audioTrack: track,
      bilibili: input.bilibili,
    };
  }

  /** The peaks files as the renderer fetches them: registered like media. */
  function peaksAnswer(levels: CachedLevel[], cached: boolean): Peaks {
    return {
      durationMs: levels[0]?.durationMs ?? 0,
      levels: levels.map((l) => ({
        peaksPerSecond: l.peaksPerSecond,
        count: l.count,
        url: deps.mediaUrl(deps.media.register(l.file)),
      })),
      cached,
    };
  }

  async function decodeAndStore({ mediaId, media, track, key, signal, callers }: DecodeRequest): Promise<Peaks> {
    const info = media.probe.audioTracks[track];
    if (!info) throw noSuchTrack(track, media.playPath);
    const total = media.probe.durationMs;
    const progress = (done: number) => {
      for (const jobId of callers)
        deps.emit('job.progress', { jobId, kind: 'peaks', mediaId, done: Math.min(Math.round(done), total), total });
    };
    const result = await decodePeaks(ffmpeg(), {
      path: media.playPath,
      track,
      sampleRate: info.sampleRate,
      durationMs: total,
      format: media.probe.format,
      signal,
      onChunk: (from, pairs) => {
        const data = base64(pairs);
        for (const jobId of callers)
          deps.emit('peaks.chunk', { jobId, mediaId, peaksPerSecond: PEAKS_PER_SECOND, from, data });
      },
      onProgress: progress,
    });
    const levels = buildLevels(result);
    let stored: CachedLevel[];
    try {
      stored = await writePeaksCache(deps.cacheDir, key, levels);
    } catch {
      // An unwritable cache must not cost the waveform: serve the files from a scratch folder.
      scratchDir ??= mkdtemp(join(tmpdir(), 'zimu-peaks-'));
      stored = await writePeaksCache(await scratchDir, key, levels);
    }
    progress(total);
    return peaksAnswer(stored, false);
  }

  /** Join the decode of `key` (starting it if none runs) as the caller `job`. */
  function joinDecode(mediaId: string, media: OpenedMedia, track: number, key: string, job: Job): Promise<Peaks> {
    let decode = decoding.get(key);
    if (!decode) {
      const stop = new AbortController();
      const callers = new Set<string>();
      const request = { mediaId, media, track, key, signal: stop.signal, callers };
      const forget = () => {
        if (decoding.get(key) === started) decoding.delete(key);
      };
      const answer = decodeAndStore(request).finally(forget);
      // Callers handle the outcome; this keeps a decode nobody waits for any more from being unhandled.
      answer.catch(() => {});
      const started: Decode = { answer, stop, callers, forget };
      decoding.set(key, started);
      decode = started;
    }
    const joined = decode;
    joined.callers.add(job.id);
    const leave = () => {
      joined.callers.delete(job.id);
      if (joined.callers.size > 0) return;
      // Nobody waits any more: stop ffmpeg, and let the next caller start afresh.
      joined.forget();
      joined.stop.abort();
    };
    job.signal.addEventListener('abort', leave, { once: true });
    return untilCancelled(joined.answer, job, media.playPath).finally(() => {
      job.signal.removeEventListener('abort', leave);
      joined.callers.delete(job.id);
    });
  }

  async function peaks(mediaId: string, audioTrack: number | undefined, job: Job): Promise<Peaks> {
    const media = openedMedia(mediaId);
    const track = audioTrack ?? media.audioTrack;
    if (!media.probe.audioTracks[track]) throw noSuchTrack(track, media.playPath);
    const key = peaksCacheKey(await mediaIdentity(media.playPath), track, PEAKS_PER_SECOND);
    const cached = await readPeaksCache(deps.cacheDir, key);
    if (job.signal.aborted) throw new ZimuError('cancelled', msg('waveform-cancelled'), { file: media.playPath });
    if (cached) return peaksAnswer(cached, true);
    return joinDecode(mediaId, media, track, key, job);
  }

  return {
    ffmpeg,
    open,
    peaks,
    envelopeSource(mediaId) {
      const media = openedMedia(mediaId);
      return { path: media.playPath, probe: media.probe, track: media.audioTrack };
    },
  };
}
