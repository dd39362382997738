import { promises as fs } from 'node:fs';
import { type AutotimeOptions, type AutotimeResult, autotime } from '../../shared/autotime/autotime';
import type { Envelope } from '../../shared/autotime/speech';
import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import type { Project } from '../../shared/model/types';
import type { FfmpegTools, MediaProbe } from './ffmpeg';
import { mediaIdentity } from './media-identity';
import { decodePeaks, PEAKS_PER_SECOND } from './peaks';
import { peaksCacheKey, readPeaksCache, writePeaksCache } from './peaks-cache';
import { buildLevels, decodePeaksFile } from './peaks-file';

/**
 * Automatic timing on the Node side: the loudness envelope of a media file comes from the waveform
 * peaks (the finest level, 100 pairs per second, from the on-disk cache the waveform fills, else
 * decoded with ffmpeg and cached for the waveform too), and shared/autotime places the untimed
 * segments on it. The larger |peak| of each 10 ms is the envelope: on the sample it times as well
 * as RMS energy per 10 ms from a separate decode (see scripts/bench/autotime.ts), at no extra cost.
 */

export interface EnvelopeSource {
  /** The file ffmpeg reads (MediaInfo.playPath). */
  path: string;
  probe: MediaProbe;
  /** Audio track index among audio tracks. */
  track: number;
}

export interface EnvelopeOptions {
  tools: FfmpegTools;
  /** Where the waveform cache lives (`<profile>/cache`); null = do not read or write a cache. */
  cacheDir: string | null;
  onProgress?: (doneMs: number, totalMs: number) => void;
  signal?: AbortSignal;
}

/** Interleaved int16 (min, max) pairs as an envelope: the larger magnitude of each pair, full scale 1. */
export function envelopeFromPairs(
  pairs: Int16Array,
  count: number,
  peaksPerSecond: number,
  durationMs: number,
): Envelope {
  const values = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    values[i] = Math.max(-(pairs[2 * i] as number), pairs[2 * i + 1] as number) / 32767;
  }
  return { values, rate: peaksPerSecond, durationMs };
}

async function cachedEnvelope(cacheDir: string, key: string): Promise<Envelope | null> {
  const levels = await readPeaksCache(cacheDir, key);
  const finest = levels?.[0];
  if (!finest) return null;
  const level = decodePeaksFile(await fs.readFile(finest.file).catch(() => new Uint8Array()));
  if (!level) return null;
  return envelopeFromPairs(level.pairs, level.count, level.peaksPerSecond, level.durationMs);
}

/** The envelope of a media file's track: from the peaks cache, else decoded (and then cached). */
export async function loadEnvelope(source: EnvelopeSource, options: EnvelopeOptions): Promise<Envelope> {
  const info = source.probe.audioTracks[source.track];
  if (!info)
    throw new ZimuError('invalid-argument', msg('media-no-such-track', { track: source.track + 1 }), {
      file: source.path,
    });
  const key = peaksCacheKey(await mediaIdentity(source.path), source.track, PEAKS_PER_SECOND);
  if (options.cacheDir) {
    const cached = await cachedEnvelope(options.cacheDir, key);
    if (cached) return cached;
  }
  return decodeEnvelope(source, options, key);
}

async function decodeEnvelope(source: EnvelopeSource, options: EnvelopeOptions, key: string): Promise<Envelope> {
  const { probe, track } = source;
  const total = probe.durationMs;
  const result = await decodePeaks(options.tools, {
    path: source.path,
    track,
    sampleRate: probe.audioTracks[track]?.sampleRate ?? 0,
    durationMs: total,
    format: probe.format,
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (done) => options.onProgress?.(Math.min(Math.round(done), total), total),
  });
  options.onProgress?.(total, total);
  if (options.cacheDir) {
    // The waveform will want the same peaks; a cache that cannot be written costs only that.
    await writePeaksCache(options.cacheDir, key, buildLevels(result)).catch(() => {});
  }
  return envelopeFromPairs(result.pairs, result.count, result.peaksPerSecond, result.durationMs);
}

/** Time the project's untimed segments (or those among `ids`) on the media. */
export async function autotimeMedia(
  project: Project,
  source: EnvelopeSource,
  options: EnvelopeOptions & AutotimeOptions,
): Promise<AutotimeResult> {
  const envelope = await loadEnvelope(source, options);
  return autotime(project, envelope, options);
}
