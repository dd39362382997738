import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import { syntaxErrorLine } from '../../shared/json-locate';
import type { FfmpegTools } from './ffmpeg';
import { fsError, readFileBytes } from './files';
import {
  cacheKey,
  containerPlan,
  dashPlan,
  findCached,
  probeSource,
  type RemuxPlan,
  remuxInto,
  type SourceProbe,
} from './remux';

/**
 * Turn what the user opened (a media file, a Bilibili client cache folder or one of its streams)
 * into a file Chromium can play, remuxing by stream copy (never re-encoding) when it cannot.
 */

export interface ResolvedMedia {
  /** The file to play: the input itself, or a remux in the cache. */
  playPath: string;
  /** True when playPath is a stream-copied MP4/M4A in the cache. */
  remuxed: boolean;
  /** From entry.json / .videoInfo, when the media came with Bilibili metadata. */
  bilibili: { title?: string; bvid?: string; part?: string } | null;
}

type Bilibili = NonNullable<ResolvedMedia['bilibili']>;
type Progress = (doneMs: number, totalMs: number) => void;

interface Context {
  tools: FfmpegTools;
  cacheDir: string;
  onProgress: Progress | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Containers remuxed into MP4. Chromium (and so Electron) has no FLV, AVI or MPEG-TS demuxer, and
 * .m4s streams come as separate video and audio, sometimes behind a 9-byte prefix. Matroska is
 * played as is: Chromium 145+ (Electron 41 ships 146) supports it; so do MP4/MOV, WebM, Ogg, MP3,
 * WAV, FLAC and ADTS AAC. Anything else is returned as is: a remux cannot fix its codecs.
 */
const REMUX_EXTENSIONS = new Set(['.flv', '.f4v', '.avi', '.ts', '.m2ts', '.mts', '.3gp', '.3g2']);
const PLAYABLE_EXTENSIONS = new Set(
  '.mp4 .m4v .m4a .mov .mp3 .wav .ogg .oga .opus .flac .aac .webm .mkv .mka'.split(' '),
);
/** ffprobe format names to remux whatever the file is called. */
const REMUX_FORMATS = /^(flv|mpegts|avi|live_flv)$/;
const PC_INFO = /^(\.videoinfo|videoinfo\.json|.+\.info)$/i;

export async function resolveMediaInput(
  path: string,
  tools: FfmpegTools,
  cacheDir: string,
  onProgress?: Progress,
  signal?: AbortSignal,
): Promise<ResolvedMedia> {
  const ctx: Context = { tools, cacheDir, onProgress, signal };
  const input = resolve(path);
  const stat = await fs.stat(input).catch((err: unknown) => {
    throw fsError(err, input, 'fs-action-open');
  });
  if (stat.isDirectory()) return resolveFolder(input, ctx);
  const name = basename(input).toLowerCase();
  const ext = extname(name);
  if (name === 'entry.json' || PC_INFO.test(name) || ext === '.blv') return resolveFolder(dirname(input), ctx);
  if (ext === '.m4s') return resolveStreams(await m4sIn(dirname(input)), input, await metaBeside(input), ctx);
  if (PLAYABLE_EXTENSIONS.has(ext)) return { playPath: input, remuxed: false, bilibili: null };
  let probe: SourceProbe | undefined;
  if (!REMUX_EXTENSIONS.has(ext)) {
    probe = await probeSource(tools, { file: input, skip: 0 }, signal);
    if (!REMUX_FORMATS.test(probe.format)) return { playPath: input, remuxed: false, bilibili: null };
  }
  return remux([input], 'container', null, ctx, () => containerPlan(tools, [input], signal, probe));
}

// ---- folders -------------------------------------------------------------------------------------

async function listDir(dir: string): Promise<{ files: string[]; dirs: string[] }> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    throw fsError(err, dir, 'fs-action-list-folder');
  });
  const names = (kind: boolean[]) => entries.filter((_, i) => kind[i]).map((e) => join(dir, e.name));
  const sorted = (list: string[]) => list.sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  return {
    files: sorted(names(entries.map((e) => e.isFile()))),
    dirs: sorted(names(entries.map((e) => e.isDirectory()))),
  };
}

const isM4s = (f: string) => extname(f).toLowerCase() === '.m4s';
const isBlv = (f: string) => extname(f).toLowerCase() === '.blv';
const hasName = (files: string[], name: string) => files.find((f) => basename(f).toLowerCase() === name);

async function m4sIn(dir: string): Promise<string[]> {
  return (await listDir(dir)).files.filter(isM4s);
}

/**
 * An Android episode folder (entry.json), its quality subfolder, a PC client folder (.m4s files
 * and .videoInfo), or a folder holding exactly one of those.
 */
async function resolveFolder(dir: string, ctx: Context): Promise<ResolvedMedia> {
  const { files, dirs } = await listDir(dir);
  if (hasName(files, 'entry.json')) return resolveAndroid(dir, null, ctx);
  const media = files.filter((f) => isM4s(f) || isBlv(f));
  const parentEntry = join(dirname(dir), 'entry.json');
  if (media.length > 0 && (await fs.stat(parentEntry).catch(() => null))?.isFile()) {
    return resolveAndroid(dirname(dir), dir, ctx);
  }
  const m4s = files.filter(isM4s);
  if (m4s.length > 0) return resolveStreams(m4s, null, await pcMeta(files), ctx);
  if (media.length > 0) return resolveSegments(media, null, ctx);

  const inner: string[] = [];
  for (const sub of dirs) {
    const subFiles = await listDir(sub).then(
      (l) => l.files,
      () => [] as string[],
    );
    if (hasName(subFiles, 'entry.json') || subFiles.some(isM4s)) inner.push(sub);
  }
  if (inner.length === 1) return resolveFolder(inner[0] as string, ctx);
  if (inner.length > 1) {
    const names = inner.map((d) => basename(d));
    const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
    throw new ZimuError('unsupported', msg('bilibili-several-videos', { count: names.length, names: shown }), {
      file: dir,
    });
  }
  throw new ZimuError('not-found', msg('bilibili-no-media'), { file: dir });
}

/** Android client: entry.json, then `<type_tag>/video.m4s` + `audio.m4s`, or `<type_tag>/N.blv`. */
async function resolveAndroid(episode: string, qualityDir: string | null, ctx: Context): Promise<ResolvedMedia> {
  const entryFile = join(episode, 'entry.json');
  const entry = await readJsonObject(entryFile);
  const meta = androidMeta(entry);
  const candidates: string[] = [];
  if (qualityDir) candidates.push(qualityDir);
  if (typeof entry.type_tag === 'string' && entry.type_tag) candidates.push(join(episode, entry.type_tag));
  candidates.push(...(await listDir(episode)).dirs);
  for (const dir of candidates) {
    const files = await listDir(dir).then(
      (l) => l.files,
      () => [] as string[],
    );
    const m4s = files.filter(isM4s);
    if (m4s.length > 0) return resolveStreams(m4s, null, meta, ctx);
    const blv = files.filter(isBlv);
    if (blv.length > 0) return resolveSegments(blv, meta, ctx);
  }
  throw new ZimuError('not-found', msg('bilibili-no-streams'), { file: episode });
}

// ---- streams -------------------------------------------------------------------------------------

/** DASH streams (.m4s): all in the folder, or the one opened and the audio beside it. */
function resolveStreams(
  files: string[],
  opened: string | null,
  meta: Bilibili | null,
  ctx: Context,
): Promise<ResolvedMedia> {
  const all = opened ? [opened, ...files.filter((f) => f !== opened)] : files;
  return remux(all, { dash: opened }, meta, ctx, () => dashPlan(ctx.tools, files, opened, ctx.signal));
}

/** Old Android caches: FLV segments 0.blv, 1.blv, … played one after another. */
function resolveSegments(files: string[], meta: Bilibili | null, ctx: Context): Promise<ResolvedMedia> {
  return remux(files, 'segments', meta, ctx, () => containerPlan(ctx.tools, files, ctx.signal));
}

/** A remux of `files` from the cache, else made now; `job` tells jobs on the same files apart. */
async function remux(
  files: string[],
  job: unknown,
  meta: Bilibili | null,
  ctx: Context,
  plan: () => Promise<RemuxPlan>,
): Promise<ResolvedMedia> {
  const key = await cacheKey(files, job);
  const hit = await findCached(ctx.cacheDir, key);
  const playPath = hit ?? (await remuxInto(ctx.tools, ctx.cacheDir, key, await plan(), ctx.onProgress, ctx.signal));
  return { playPath, remuxed: true, bilibili: meta };
}

// ---- metadata ------------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys lower-cased, so `Title` and `title` both count (clients differ). */
function lowerKeys(o: unknown): Json {
  return isObject(o) ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v])) : {};
}

function text(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function avid(v: unknown): string | undefined {
  const id = text(v);
  return id && /^\d+$/.test(id) && id !== '0' ? `av${id}` : undefined;
}

function compact(meta: Bilibili): Bilibili {
  return Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as Bilibili;
}

/** entry.json: title, bvid (else avid), page_data.part (bangumi: ep.index_title). */
function androidMeta(entry: Json): Bilibili {
  const e = lowerKeys(entry);
  const page = lowerKeys(e.page_data);
  const ep = lowerKeys(e.ep);
  return compact({
    title: text(e.title),
    bvid: text(e.bvid) ?? text(ep.bvid) ?? avid(e.avid) ?? avid(ep.av_id),
    part: text(page.part) ?? text(ep.index_title) ?? text(ep.index),
  });
}

/** .videoInfo: groupTitle is the video, title the part (equal for single-part videos). */
async function pcMeta(files: string[]): Promise<Bilibili | null> {
  const file = files.find((f) => PC_INFO.test(basename(f)));
  if (!file) return null;
  const info = lowerKeys(await readJsonObject(file));
  const group = text(info.grouptitle);
  const title = text(info.title);
  return compact({
    title: group ?? title,
    bvid: text(info.bvid) ?? text(info.bid) ?? avid(info.aid) ?? avid(info.avid),
    part:
      (group && title !== group ? title : undefined) ?? text(info.part) ?? text(info.partname) ?? text(info.tabname),
  });
}

/** Metadata for a stream opened on its own: .videoInfo beside it, or entry.json beside or above it. */
async function metaBeside(file: string): Promise<Bilibili | null> {
  const dir = dirname(file);
  const pc = await pcMeta((await listDir(dir)).files);
  if (pc) return pc;
  for (const entry of [join(dir, 'entry.json'), join(dirname(dir), 'entry.json')]) {
    if ((await fs.stat(entry).catch(() => null))?.isFile()) return androidMeta(await readJsonObject(entry));
  }
  return null;
}

/** A JSON object from a metadata file; broken JSON is 'unreadable' with the line of the error. */
async function readJsonObject(file: string): Promise<Json> {
  const source = (await readFileBytes(file, 4 * 1024 * 1024)).toString('utf8').replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    const message = raw.replace(/, ".*" is not valid JSON$/s, '');
    const line = syntaxErrorLine(source, raw);
    throw new ZimuError('unreadable', msg('bilibili-bad-json', { reason: message }), { file, line });
  }
  if (!isObject(value)) throw new ZimuError('unreadable', msg('bilibili-not-object'), { file, line: 1 });
  return value;
}
