import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { ZimuError } from '../../shared/ipc/errors';
import { type HostMessage, mapStringParams, msg } from '../../shared/ipc/messages';
import { markUsed } from './cache-prune';
import { type FfmpegTools, probeMedia } from './ffmpeg';
import { fsError } from './files';

/**
 * Stream-copy remuxing with ffmpeg into a content-addressed cache: inputs are never re-encoded, the
 * output appears only complete (temp file + rename), and a cached result is reused without ffmpeg.
 */

/** A media file, possibly with junk before its first box (the Bilibili PC client's `000000000`). */
export interface Source {
  file: string;
  /** Bytes to skip before the container starts. */
  skip: number;
  /** File size, when known: old ffmpeg builds cannot find a subfile's end by themselves. */
  size?: number;
}

/**
 * What ffmpeg reads for a source. A prefixed file goes through the `subfile` protocol: the input
 * stays seekable and its offsets start after the prefix, so absolute ones (stco, tfhd base offsets)
 * stay right. `-skip_initial_bytes 9` (with `-f mov`: format probing ignores it) leaves offsets
 * counting the prefix, and a plain MP4 behind it stream-copies into silent garbage.
 */
export function sourceUrl(source: Source): string {
  if (source.skip <= 0) return source.file;
  return `subfile,,start,${source.skip},end,${source.size ?? 0},,:${source.file}`;
}

/** Box types a media file (or a DASH segment) may start with. */
const FIRST_BOXES = new Set(['ftyp', 'styp', 'sidx', 'moov', 'moof', 'free', 'skip', 'wide', 'mdat']);

/**
 * Length of an ASCII-zero prefix before an ISO-BMFF box, as the Bilibili PC client writes into its
 * .m4s cache files (9 bytes); 0 when the file starts like a normal file. A real box can never start
 * with '0' (0x30): that would be a first box of at least 805 MB.
 */
export async function detectPrefix(file: string): Promise<number> {
  let head: Buffer;
  try {
    const handle = await fs.open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(64), 0, 64, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw fsError(err, file, 'fs-action-read');
  }
  let zeros = 0;
  while (zeros < head.length && head[zeros] === 0x30) zeros++;
  if (zeros === 0 || zeros + 8 > head.length) return 0;
  return FIRST_BOXES.has(head.toString('latin1', zeros + 4, zeros + 8)) ? zeros : 0;
}

export interface SourceProbe {
  /** The demuxer's names, e.g. "flv" or "mov,mp4,m4a,3gp,3g2,mj2". */
  format: string;
  durationMs: number;
  /** The main video stream (attached pictures and cover art do not count). */
  video: { codec: string; width: number; height: number } | null;
  /** Every audio stream, in order. */
  audio: { codec: string }[];
}

function cancelled(file: string): ZimuError {
  return new ZimuError('cancelled', msg('remux-cancelled'), { file });
}

/**
 * Streams and duration of a source, with ffprobe or else `ffmpeg -i` (probeMedia). Errors name the
 * file, not the subfile URL. Probes are short: a cancel takes effect when one ends.
 */
export async function probeSource(tools: FfmpegTools, source: Source, signal?: AbortSignal): Promise<SourceProbe> {
  if (signal?.aborted) throw cancelled(source.file);
  const url = sourceUrl(source);
  const probe = await probeMedia(tools, url).catch((err: unknown) => {
    if (!(err instanceof ZimuError)) throw err;
    const named = mapStringParams(err.hostMessage, (s) => s.replaceAll(url, source.file)) as HostMessage;
    throw new ZimuError(err.code, named, { ...err.detail, file: source.file });
  });
  if (signal?.aborted) throw cancelled(source.file);
  if (!probe.video && probe.audioTracks.length === 0) {
    throw new ZimuError('unreadable', msg('media-no-streams'), { file: source.file });
  }
  const audio = probe.audioTracks.map((t) => ({ codec: t.codec }));
  return { format: probe.format, durationMs: probe.durationMs, video: probe.video, audio };
}

/** One ffmpeg input: a file, or files played one after another (FLV segments) via the concat demuxer. */
export type RemuxInput = { source: Source } | { concat: string[] };

export interface RemuxPlan {
  inputs: RemuxInput[];
  /** `-map` specifiers, e.g. ['0:V:0', '1:a:0']. */
  maps: string[];
  /** Output audio stream indexes whose AAC may be ADTS (FLV, MPEG-TS): these get aac_adtstoasc. */
  adtsAudio: number[];
  /** Audio only: the output is an .m4a. */
  audioOnly: boolean;
  /** The file named in errors (the one the user opened, or the main stream). */
  errorFile: string;
  /** Media duration for progress; 0 when unknown. */
  totalMs: number;
}

const PLAYABLE_VIDEO = new Set(['h264', 'av1', 'vp9', 'vp8']);
const PLAYABLE_AUDIO = new Set(['aac', 'mp3', 'opus', 'flac', 'vorbis']);
/** Containers that may carry ADTS AAC, which MP4 stores without headers. */
const ADTS_FORMATS = /^(flv|live_flv|mpegts)$/;

interface Probed {
  source: Source;
  size: number;
  probe: SourceProbe;
}

async function probeFile(tools: FfmpegTools, file: string, signal?: AbortSignal): Promise<Probed> {
  const size = (await fs.stat(file).catch(() => null))?.size ?? 0;
  const source = { file, skip: await detectPrefix(file), size };
  return { source, size, probe: await probeSource(tools, source, signal) };
}

/** The item with the highest score, comparing scores element by element; the first on a tie. */
function best<T>(items: T[], score: (item: T) => number[]): T | undefined {
  const higher = (a: number[], b: number[]) => {
    const k = a.findIndex((v, i) => v !== b[i]);
    return k >= 0 && (a[k] as number) > (b[k] as number);
  };
  let top: { item: T; score: number[] } | undefined;
  for (const item of items) {
    const s = score(item);
    if (!top || higher(s, top.score)) top = { item, score: s };
  }
  return top?.item;
}

/**
 * DASH streams (.m4s, prefixed or not): the video (the opened file, else the best one Chromium can
 * decode) with the best separate audio; audio alone becomes an .m4a. Streams are told apart by
 * probing, not by name, so PC files like `123-1-30080.m4s` work as well as Android's video.m4s.
 */
export async function dashPlan(
  tools: FfmpegTools,
  files: string[],
  opened: string | null,
  signal?: AbortSignal,
): Promise<RemuxPlan> {
  const streams: Probed[] = [];
  if (opened) streams.push(await probeFile(tools, opened, signal));
  if (!opened || streams[0]?.probe.video) {
    for (const file of files) if (file !== opened) streams.push(await probeFile(tools, file, signal));
  }
  const pixels = (s: Probed) => (s.probe.video?.width ?? 0) * (s.probe.video?.height ?? 0);
  const videoScore = (s: Probed) => [PLAYABLE_VIDEO.has(s.probe.video?.codec ?? '') ? 1 : 0, pixels(s), s.size];
  const audioScore = (s: Probed) => [PLAYABLE_AUDIO.has(s.probe.audio[0]?.codec ?? '') ? 1 : 0, s.size];
  const videos = streams.filter((s) => s.probe.video);
  const video = opened ? (streams[0]?.probe.video ? streams[0] : undefined) : best(videos, videoScore);
  const audioOnly = streams.filter((s) => !s.probe.video && s.probe.audio.length > 0);
  const separate = opened && !video ? streams[0] : best(audioOnly, audioScore);
  const audio = separate ?? (video?.probe.audio.length ? video : undefined);
  const main = video ?? audio;
  if (!main) throw new ZimuError('not-found', msg('media-no-streams'), { file: opened ?? files[0] });
  const inputs: RemuxInput[] = [{ source: main.source }];
  const maps = video ? ['0:V:0'] : [];
  if (audio === main) maps.push('0:a');
  else if (audio) {
    inputs.push({ source: audio.source });
    maps.push('1:a:0');
  }
  const totalMs = Math.max(video?.probe.durationMs ?? 0, audio?.probe.durationMs ?? 0);
  return { inputs, maps, adtsAudio: [], audioOnly: !video, errorFile: main.source.file, totalMs };
}

/**
 * One container (FLV, AVI, MPEG-TS…), or segments played one after another (0.blv, 1.blv…), copied
 * into MP4: the first video stream and every audio track. `probe` is the first file's, when known.
 */
export async function containerPlan(
  tools: FfmpegTools,
  files: string[],
  signal?: AbortSignal,
  probe?: SourceProbe,
): Promise<RemuxPlan> {
  const probes = [];
  for (const [i, file] of files.entries()) {
    probes.push(i === 0 && probe ? probe : await probeSource(tools, { file, skip: 0 }, signal));
  }
  const first = probes[0] as SourceProbe;
  const input: RemuxInput = files.length === 1 ? { source: { file: files[0] as string, skip: 0 } } : { concat: files };
  const maps = [...(first.video ? ['0:V:0'] : []), ...(first.audio.length ? ['0:a'] : [])];
  // Newer ffmpeg inserts aac_adtstoasc by itself, older ones need it; on raw AAC it changes nothing.
  const adts = ADTS_FORMATS.test(first.format);
  const adtsAudio = adts ? first.audio.flatMap((a, i) => (a.codec === 'aac' ? [i] : [])) : [];
  const totalMs = probes.reduce((sum, p) => sum + p.durationMs, 0);
  return { inputs: [input], maps, adtsAudio, audioOnly: !first.video, errorFile: files[0] as string, totalMs };
}

/**
 * One audio track of a file with several, for playback: Chromium's media element plays only the
 * default track, so choosing another one copies the video and that track (no re-encode) into the cache.
 */
export function audioTrackPlan(file: string, probe: SourceProbe, track: number): RemuxPlan {
  const maps = [...(probe.video ? ['0:V:0'] : []), `0:a:${track}`];
  const adts = ADTS_FORMATS.test(probe.format) && probe.audio[track]?.codec === 'aac';
  return {
    inputs: [{ source: { file, skip: 0 } }],
    maps,
    adtsAudio: adts ? [0] : [],
    audioOnly: !probe.video,
    errorFile: file,
    totalMs: probe.durationMs,
  };
}

/** Bump when the ffmpeg recipe changes, so older cached outputs are not reused. */
const RECIPE = 1;
/** Temp files older than this were left by a crash: a live ffmpeg keeps touching its output. */
const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Cache key of a remux: a hash of the recipe version, what the caller says identifies the job, and
 * each input file's path, size and mtime, so a re-downloaded or edited file gets a new entry. It
 * needs no ffprobe: a cache hit runs no tool at all.
 */
export async function cacheKey(files: string[], job: unknown): Promise<string> {
  const identity: unknown[] = [RECIPE, job];
  for (const file of files) {
    const stat = await fs.stat(file).catch((err: unknown) => {
      throw fsError(err, file, 'fs-action-read');
    });
    identity.push([file, stat.size, stat.mtimeMs]);
  }
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

/** Where a remux lives in the cache: `<cacheDir>/remux/<key>.mp4` (or .m4a, audio only). */
export function cachePath(cacheDir: string, key: string, audioOnly: boolean): string {
  return join(cacheDir, 'remux', `${key}${audioOnly ? '.m4a' : '.mp4'}`);
}

/** The finished remux for a key, if there is one. */
export async function findCached(cacheDir: string, key: string): Promise<string | null> {
  for (const audioOnly of [false, true]) {
    const path = cachePath(cacheDir, key, audioOnly);
    const stat = await fs.stat(path).catch(() => null);
    if (stat?.isFile() && stat.size > 0) {
      await markUsed(path);
      return path;
    }
  }
  return null;
}

/** A concat demuxer list: in single quotes everything is literal except the quote itself. */
function concatList(files: string[]): string {
  return files.map((f) => `file '${f.replaceAll("'", "'\\''")}'\n`).join('');
}

/**
 * Remux a plan into the cache under `key` (see cacheKey; look it up with findCached first). ffmpeg
 * writes a `.tmp` beside the target, renamed only when complete: the cache never holds a partial file.
 */
export async function remuxInto(
  tools: FfmpegTools,
  cacheDir: string,
  key: string,
  plan: RemuxPlan,
  onProgress?: (doneMs: number, totalMs: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const target = cachePath(cacheDir, key, plan.audioOnly);
  if (signal?.aborted) throw cancelled(plan.errorFile);

  const dir = join(cacheDir, 'remux');
  await fs.mkdir(dir, { recursive: true }).catch((err: unknown) => {
    throw fsError(err, dir, 'fs-action-create-remux-cache');
  });
  await sweepStaleTemps(dir);
  const stem = join(dir, `.${randomBytes(8).toString('hex')}-${process.pid}`);
  const temp = `${stem}.tmp`;
  const lists: string[] = [];
  try {
    const args = ['-hide_banner', '-nostdin', '-v', 'error', '-nostats', '-progress', 'pipe:1', '-y'];
    for (const input of plan.inputs) {
      if ('source' in input) {
        args.push('-i', sourceUrl(input.source));
      } else {
        const list = `${stem}-${lists.length}.list.tmp`;
        lists.push(list);
        await fs.writeFile(list, concatList(input.concat));
        args.push('-f', 'concat', '-safe', '0', '-i', list);
      }
    }
    for (const map of plan.maps) args.push('-map', map);
    // FLAC and Opus in MP4 are "experimental" to older ffmpeg builds, yet Chromium plays them.
    args.push('-c', 'copy', '-strict', 'experimental');
    for (const index of plan.adtsAudio) args.push(`-bsf:a:${index}`, 'aac_adtstoasc');
    args.push('-movflags', '+faststart', '-f', 'mp4', temp);
    await runFfmpeg(tools, args, plan, onProgress, signal);
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true }).catch(() => {});
    throw err instanceof ZimuError ? err : fsError(err, target, 'fs-action-write-remux');
  } finally {
    for (const list of lists) await fs.rm(list, { force: true }).catch(() => {});
  }
  return target;
}

async function sweepStaleTemps(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
    const path = join(dir, name);
    const stat = await fs.stat(path).catch(() => null);
    if (stat && now - stat.mtimeMs > STALE_TEMP_MS) await fs.rm(path, { force: true }).catch(() => {});
  }
}

/** Run ffmpeg, reporting its `-progress pipe:1` out_time; SIGKILL on abort. */
function runFfmpeg(
  tools: FfmpegTools,
  args: string[],
  plan: RemuxPlan,
  onProgress: ((doneMs: number, totalMs: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(tools.ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const abort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', abort, { once: true });
    let stderr = '';
    let pending = '';
    let sawUs = false;
    let spawnError: Error | null = null;
    child.stderr.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-16384); // the end says why it failed
    });
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // out_time_ms is in microseconds too; ffmpeg before 4.1 prints only that one.
        const match = /^out_time_(us|ms)=(\d+)$/.exec(line.trim());
        if (match?.[1] === 'us') sawUs = true;
        if (match && (match[1] === 'us' || !sawUs) && onProgress) {
          const doneMs = Math.round(Number(match[2]) / 1000);
          onProgress(plan.totalMs > 0 ? Math.min(doneMs, plan.totalMs) : doneMs, plan.totalMs);
        }
      }
    });
    child.on('error', (err) => {
      spawnError = err;
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', abort);
      if (signal?.aborted) return reject(cancelled(plan.errorFile));
      if (spawnError) {
        return reject(
          new ZimuError('io-error', msg('ffmpeg-cannot-run', { tool: tools.ffmpeg, reason: spawnError.message }), {
            file: plan.errorFile,
          }),
        );
      }
      if (code !== 0) return reject(remuxError(stderr, code, plan.errorFile));
      onProgress?.(plan.totalMs, plan.totalMs);
      resolvePromise();
    });
  });
}

function remuxError(stderr: string, code: number | null, file: string): ZimuError {
  const lines = stderr.trim().split('\n');
  const tagless = lines.find((l) => l.includes('Could not find tag for codec'));
  if (tagless) {
    const codec = /codec (\S+)/.exec(tagless)?.[1] ?? 'this codec';
    return new ZimuError('unsupported', msg('remux-needs-reencode', { codec }), { file });
  }
  const reason = lines.pop() || `exit code ${code}`;
  return new ZimuError('unreadable', msg('remux-failed', { reason }), { file });
}
