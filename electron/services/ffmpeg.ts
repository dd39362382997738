import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ZimuError } from '../../shared/ipc/errors';

export interface FfmpegTools {
  ffmpeg: string;
  ffprobe: string;
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

export const FFMPEG_MISSING_HELP =
  'ffmpeg was not found. Install it (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg; ' +
  'Windows: winget install ffmpeg) or set ZIMU_FFMPEG to the ffmpeg binary.';

/** Find ffmpeg and ffprobe: an explicit setting or ZIMU_FFMPEG first, then PATH. */
export function locateFfmpeg(setting?: string | null): FfmpegTools {
  const configured = setting || process.env.ZIMU_FFMPEG || null;
  const ffmpeg = configured && isExecutable(configured) ? configured : onPath('ffmpeg');
  if (!ffmpeg) throw new ZimuError('unsupported', FFMPEG_MISSING_HELP);
  const beside = join(dirname(ffmpeg), `ffprobe${exe}`);
  const ffprobe = isExecutable(beside) ? beside : onPath('ffprobe');
  if (!ffprobe)
    throw new ZimuError('unsupported', `ffprobe was not found next to ${ffmpeg} or on PATH. ${FFMPEG_MISSING_HELP}`);
  return { ffmpeg, ffprobe };
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
  durationMs: number;
  audioTracks: AudioTrack[];
  video: { width: number; height: number; codec: string } | null;
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
  tags?: { language?: string };
}

/** Probe a media file's duration, audio tracks and video size with ffprobe. */
export async function probeMedia(tools: FfmpegTools, path: string): Promise<MediaProbe> {
  const stdout = await new Promise<string>((resolvePromise, reject) => {
    execFile(
      tools.ffprobe,
      ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path],
      { maxBuffer: 16 * 1024 * 1024 },
      (err, out, errOut) => {
        if (err) {
          const reason = errOut.trim().split('\n').pop() || err.message;
          reject(new ZimuError('unreadable', `not a media file ffmpeg can read: ${reason}`, { file: path }));
        } else resolvePromise(out);
      },
    );
  });
  const info = JSON.parse(stdout) as { streams?: FfprobeStream[]; format?: { duration?: string } };
  const streams = info.streams ?? [];
  const audio = streams.filter((s) => s.codec_type === 'audio');
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const seconds = Number(info.format?.duration ?? audio[0]?.duration ?? Number.NaN);
  if (!Number.isFinite(seconds)) throw new ZimuError('unreadable', 'ffprobe reports no duration', { file: path });
  return {
    durationMs: Math.round(seconds * 1000),
    audioTracks: audio.map((s, index) => ({
      index,
      codec: s.codec_name ?? 'unknown',
      sampleRate: Number(s.sample_rate ?? 0),
      channels: s.channels ?? 0,
      ...(s.tags?.language ? { language: s.tags.language } : {}),
    })),
    video: video ? { width: video.width ?? 0, height: video.height ?? 0, codec: video.codec_name ?? 'unknown' } : null,
  };
}
