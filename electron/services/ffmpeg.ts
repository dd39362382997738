import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';

export interface FfmpegTools {
  ffmpeg: string;
  /** Null when there is none (the bundled ffmpeg comes without one): probing then parses `ffmpeg -i`. */
  ffprobe: string | null;
}

const exe = process.platform === 'win32' ? '.exe' : '';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name + exe))) return join(dir, name + exe);
  }
  return null;
}

/**
 * The ffmpeg shipped inside the @ffmpeg-installer npm package for this platform (a static 4.1-era
 * build; no ffprobe), or null when the platform has none. In a packaged app the binary must sit
 * outside the asar archive (asarUnpack), since an archive member cannot be executed.
 */
export function bundledFfmpeg(): string | null {
  try {
    const found = createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path?: unknown };
    if (typeof found.path !== 'string') return null;
    const path = found.path.replace(/\.asar([\\/])/, '.asar.unpacked$1');
    return isExecutable(path) ? path : null;
  } catch {
    return null; // not installed, or no binary for this platform (the package throws a string then)
  }
}

/**
 * Find ffmpeg: an explicit setting or ZIMU_FFMPEG first, then the bundled binary, then PATH.
 * ffprobe: beside that ffmpeg, else on PATH, else none. `bundled` is for tests.
 */
export function locateFfmpeg(setting?: string | null, bundled: string | null = bundledFfmpeg()): FfmpegTools {
  const configured = setting || process.env.ZIMU_FFMPEG || null;
  const ffmpeg = (configured && isExecutable(configured) ? configured : null) ?? bundled ?? onPath('ffmpeg');
  if (!ffmpeg) throw new ZimuError('unsupported', msg('ffmpeg-missing'));
  const beside = join(dirname(ffmpeg), `ffprobe${exe}`);
  return { ffmpeg, ffprobe: isExecutable(beside) ? beside : onPath('ffprobe') };
}

export interface AudioTrack {
  /** Index among the file's audio streams (ffmpeg's `0:a:N`). */
  index: number;
  codec: string;
  sampleRate: number;
  channels: number;
  language?: string;
}

export interface MediaProbe {
  /** The demuxer's name list, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm". */
  format: string;
  durationMs: number;
  audioTracks: AudioTrack[];
  /** frameRate: frames per second when the file says (QA counts subtitle gaps in frames). */
  video: { width: number; height: number; codec: string; frameRate?: number } | null;
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  sample_rate?: string;
  channels?: number;
  width?: number;
  height?: number;
  duration?: string;
  disposition?: { attached_pic?: number };
  avg_frame_rate?: string;
  r_frame_rate?: string;
  tags?: { language?: string };
}

/** Run a tool to its end; only failing to start it at all rejects (io-error). */
function run(tool: string, args: string[], path: string): Promise<{ out: string; err: string; failed: boolean }> {
  return new Promise((resolvePromise, reject) => {
    execFile(tool, args, { maxBuffer: 16 * 1024 * 1024 }, (error, out, err) => {
      if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
        reject(new ZimuError('io-error', msg('tool-cannot-run', { tool }), { file: path }));
      } else resolvePromise({ out, err, failed: error !== null });
    });
  });
}

const unreadable = (path: string, reason: string) =>
  new ZimuError('unreadable', msg('media-unreadable', { reason }), { file: path });

/** Probe a media file's container, duration, audio tracks and video size: ffprobe, else `ffmpeg -i`. */
export async function probeMedia(tools: FfmpegTools, path: string): Promise<MediaProbe> {
  if (!tools.ffprobe) return probeWithFfmpeg(tools.ffmpeg, path);
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path];
  const { out, err, failed } = await run(tools.ffprobe, args, path);
  if (failed) throw unreadable(path, err.trim().split('\n').pop() || 'ffprobe failed');
  const info = JSON.parse(out) as { streams?: FfprobeStream[]; format?: { duration?: string; format_name?: string } };
  const streams = info.streams ?? [];
  const audio = streams.filter((s) => s.codec_type === 'audio');
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const seconds = Number(info.format?.duration ?? audio[0]?.duration ?? Number.NaN);
  if (!Number.isFinite(seconds))
    throw new ZimuError('unreadable', msg('media-no-duration', { tool: 'ffprobe' }), { file: path });
  return {
    format: info.format?.format_name ?? '',
    durationMs: Math.round(seconds * 1000),
    audioTracks: audio.map((s, index) => ({
      index,
      codec: s.codec_name ?? 'unknown',
      sampleRate: Number(s.sample_rate ?? 0),
      channels: s.channels ?? 0,
      ...(s.tags?.language ? { language: s.tags.language } : {}),
    })),
    video: video
      ? {
          width: video.width ?? 0,
          height: video.height ?? 0,
          codec: video.codec_name ?? 'unknown',
          ...frameRateField(parseRate(video.avg_frame_rate) ?? parseRate(video.r_frame_rate)),
        }
      : null,
  };
}

/** ffprobe's "30000/1001" (or "25"); null for "0/0" and nonsense. */
export function parseRate(rate: string | undefined): number | null {
  if (!rate) return null;
  const [num, den = '1'] = rate.split('/');
  const value = Number(num) / Number(den);
  return Number.isFinite(value) && value > 0 && value <= 1000 ? value : null;
}

const frameRateField = (fps: number | null) => (fps === null ? {} : { frameRate: fps });

/** Channel counts of the layout names ffmpeg prints (libavutil's channel_layout_map). */
const LAYOUT_CHANNELS: Record<string, number> = {
  mono: 1,
  stereo: 2,
  downmix: 2,
  '2.1': 3,
  '3.0': 3,
  '3.0(back)': 3,
  '4.0': 4,
  quad: 4,
  'quad(side)': 4,
  '3.1': 4,
  '5.0': 5,
  '5.0(side)': 5,
  '4.1': 5,
  '5.1': 6,
  '5.1(side)': 6,
  '6.0': 6,
  '6.0(front)': 6,
  hexagonal: 6,
  '6.1': 7,
  '6.1(back)': 7,
  '6.1(front)': 7,
  '7.0': 7,
  '7.0(front)': 7,
  '7.1': 8,
  '7.1(wide)': 8,
  '7.1(wide-side)': 8,
  octagonal: 8,
};

function channelCount(field: string | undefined): number {
  if (!field) return 0;
  const n = /^(\d+) channels?\b/.exec(field);
  return n ? Number(n[1]) : (LAYOUT_CHANNELS[field.trim()] ?? 0);
}

/**
 * Cover art: marked "(attached pic)", except by older ffmpeg for FLAC pictures: a still-image codec
 * without a frame rate then.
 */
function isCoverArt(codec: string, description: string): boolean {
  if (/\(attached pic\)/.test(description)) return true;
  return /^(png|mjpeg|bmp|gif|webp|tiff)$/.test(codec) && !/\bfps\b/.test(description);
}

const STREAM_LINE = /^\s*Stream #0:\d+(?:\[0x[0-9a-f]+\])?(?:\(([^)]*)\))?: (Audio|Video): (.*)$/;

/**
 * Read what `ffmpeg -i <file>` prints (it exits 1: no output given) for machines without ffprobe.
 * Durations have centisecond precision there, so durationMs is good to ±10 ms.
 */
export function parseFfmpegInfo(stderr: string): MediaProbe | null {
  const lines = stderr.split(/\r?\n/);
  const start = lines.findIndex((l) => /^Input #0, /.test(l));
  if (start < 0) return null;
  const format = /^Input #0, (.+?), from '/.exec(lines[start] as string)?.[1] ?? '';
  let durationMs: number | null = null;
  const audioTracks: AudioTrack[] = [];
  let video: MediaProbe['video'] = null;
  for (const line of lines.slice(start + 1)) {
    if (/^\S/.test(line)) break; // the next top-level message: the input's description is over
    const d = /^\s*Duration: (\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(line);
    if (d) durationMs = Math.round((Number(d[1]) * 3600 + Number(d[2]) * 60 + Number(d[3])) * 1000);
    const s = STREAM_LINE.exec(line);
    if (!s) continue;
    const [, language, kind, rest = ''] = s;
    const fields = rest.split(', ');
    const codec = /^\w+/.exec(rest)?.[0] ?? 'unknown';
    if (kind === 'Audio') {
      const hz = fields.findIndex((f) => /^\d+ Hz$/.test(f));
      audioTracks.push({
        index: audioTracks.length,
        codec,
        sampleRate: hz >= 0 ? Number.parseInt(fields[hz] as string, 10) : 0,
        channels: hz >= 0 ? channelCount(fields[hz + 1]) : 0,
        ...(language ? { language } : {}),
      });
    } else if (!video && !isCoverArt(codec, rest)) {
      const size = /\b([1-9]\d*)x([1-9]\d*)\b/.exec(rest);
      const fps = /\b(\d+(?:\.\d+)?) fps\b/.exec(rest);
      video = {
        width: Number(size?.[1] ?? 0),
        height: Number(size?.[2] ?? 0),
        codec,
        ...frameRateField(fps ? Number(fps[1]) : null),
      };
    }
  }
  if (durationMs === null) return null;
  return { format, durationMs, audioTracks, video };
}

/** Probe with ffmpeg alone. */
export async function probeWithFfmpeg(ffmpeg: string, path: string): Promise<MediaProbe> {
  // Without an output ffmpeg describes the input, then fails: "At least one output file must be specified".
  const { err } = await run(ffmpeg, ['-hide_banner', '-nostdin', '-i', path], path);
  const probe = parseFfmpegInfo(err);
  if (probe) return probe;
  if (err.includes('Input #0, '))
    throw new ZimuError('unreadable', msg('media-no-duration', { tool: 'ffmpeg' }), { file: path });
  const lines = err.trim().split('\n');
  throw unreadable(path, lines.filter((l) => !/output file must be specified/.test(l)).pop() || 'ffmpeg failed');
}
