import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { mergeTranslationTrack } from '../../shared/align/translation-track';
import type { EventName, EventPayload, MediaInfo, OpenedDocument, Peaks } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/dispatch';
import { describeError, ZimuError } from '../../shared/ipc/errors';
import { linkMedia } from '../../shared/model/media-ref';
import { createProject } from '../../shared/model/project';
import { PROJECT_EXTENSION } from '../../shared/model/project-file';
import { autotimeMedia } from './autotime';
import { resolveMediaInput } from './bilibili';
import { batchReimport, exportCorrection, previewCorrection } from './correction';
import { exportProject, importFile } from './documents';
import type { ReadEncoding } from './encoding';
import { type FfmpegTools, locateFfmpeg, type MediaProbe, probeMedia } from './ffmpeg';
import { writeFileAtomic } from './files';
import { listFolder } from './fs-list';
import { readGlossaryCsv, readUserGlossary, writeGlossaryCsv, writeUserGlossary } from './glossary-store';
import { mediaIdentity } from './media-identity';
import type { MediaRegistry } from './media-registry';
import { decodePeaks, PEAKS_PER_SECOND } from './peaks';
import { type CachedLevel, peaksCacheKey, readPeaksCache, writePeaksCache } from './peaks-cache';
import { buildLevels } from './peaks-file';
import { loadProjectFile, saveProjectFile } from './project-store';
import { audioTrackPlan, cacheKey, findCached, remuxInto } from './remux';
import type { SettingsStore } from './settings';
import { spellService } from './spell';
import type { KeyCipher } from './translate/key-store';
import { createTranslateHandlers } from './translate/service';

export type DialogFilter = 'document' | 'media' | 'subtitle-export';

/** Native file dialogs, where the host has them (Electron). */
export interface NativeDialogs {
  open(filter: DialogFilter): Promise<string | null>;
  save(filter: DialogFilter, defaultPath: string): Promise<string | null>;
}

/** What a host supplies to the services: the only things that differ between Electron and the web. */
export interface HostDeps {
  host: 'electron' | 'web';
  version: string;
  locale: string;
  /** The file to show at start: one named on the command line, else the sample; null = empty editor. */
  startupFile: string | null;
  /** Media named on the command line, opened with the startup document (or alone, in a new project). */
  startupMedia?: string | null;
  settings: SettingsStore;
  media: MediaRegistry;
  /** The URL under which this host serves a registered media id. */
  mediaUrl(id: string): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  dialogs: NativeDialogs | null;
  /** Explicit ffmpeg location (tests, settings); otherwise ZIMU_FFMPEG, the bundled one, or PATH. */
  ffmpegPath?: string;
  /** Derived files kept between sessions (waveform peaks, remuxes): `<profileDir>/cache`. */
  cacheDir: string;
  /** Where the user glossary lives; absent: the folder that holds cacheDir. */
  profileDir?: string;
  /** Encrypts API keys with the OS keychain (Electron's safeStorage); absent: a 0600 file. */
  keyCipher?: KeyCipher | null;
}

/** An opened media file: what media.peaks needs to know about it. */
interface OpenedMedia {
  playPath: string;
  probe: MediaProbe;
  audioTrack: number;
}

/** A cancellable job (job.cancel); its events carry the id. */
interface Job {
  id: string;
  signal: AbortSignal;
  end(): void;
}

const base64 = (pairs: Int16Array) => Buffer.from(pairs.buffer, pairs.byteOffset, pairs.byteLength).toString('base64');

/** Every call of the contract, implemented once for both hosts. */
export function createHandlers(deps: HostDeps): Handlers {
  const opened = new Map<string, OpenedMedia>();
  const profileDir = deps.profileDir ?? dirname(deps.cacheDir);
  const jobs = new Map<string, AbortController>();
  /** Decodes in flight by cache key: asking again for the same waveform joins the running one (and its job). */
  const decoding = new Map<string, Promise<Peaks>>();
  let tools: FfmpegTools | null = null;
  const ffmpeg = () => {
    tools ??= locateFfmpeg(deps.ffmpegPath);
    return tools;
  };

  // Recent files are a convenience: failing to record one must not fail the open or save itself.
  const rememberRecent = (path: string) =>
    deps.settings.addRecent(path).then(
      () => {},
      () => {},
    );

  function startJob(): Job {
    const id = randomUUID();
    const controller = new AbortController();
    jobs.set(id, controller);
    return { id, signal: controller.signal, end: () => jobs.delete(id) };
  }

  async function openMedia(path: string, audioTrack?: number): Promise<MediaInfo> {
    const job = startJob();
    try {
      // ---- Bilibili cache folders, .m4s streams and remuxing: electron/services/bilibili.ts ----
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
      // ---- end of the Bilibili hook ----
      const probe = await probeMedia(ffmpeg(), input.playPath);
      if (probe.audioTracks.length === 0)
        throw new ZimuError('unsupported', 'this file has no audio track', { file: path });
      const track = audioTrack ?? 0;
      if (track >= probe.audioTracks.length) {
        throw new ZimuError('invalid-argument', `there is no audio track ${track + 1}`, { file: path });
      }
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
    } finally {
      job.end();
    }
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

  let scratchDir: Promise<string> | null = null;
  async function decodeAndStore(mediaId: string, media: OpenedMedia, track: number, key: string): Promise<Peaks> {
    const info = media.probe.audioTracks[track];
    if (!info)
      throw new ZimuError('invalid-argument', `there is no audio track ${track + 1}`, { file: media.playPath });
    const job = startJob();
    const total = media.probe.durationMs;
    const progress = (done: number) =>
      deps.emit('job.progress', {
        jobId: job.id,
        kind: 'peaks',
        mediaId,
        done: Math.min(Math.round(done), total),
        total,
      });
    try {
      const result = await decodePeaks(ffmpeg(), {
        path: media.playPath,
        track,
        sampleRate: info.sampleRate,
        durationMs: total,
        format: media.probe.format,
        signal: job.signal,
        onChunk: (from, pairs) =>
          deps.emit('peaks.chunk', {
            jobId: job.id,
            mediaId,
            peaksPerSecond: PEAKS_PER_SECOND,
            from,
            data: base64(pairs),
          }),
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
    } finally {
      job.end();
    }
  }

  async function peaks(mediaId: string, audioTrack?: number): Promise<Peaks> {
    const media = opened.get(mediaId);
    if (!media) throw new ZimuError('not-found', 'this media was not opened');
    const track = audioTrack ?? media.audioTrack;
    if (!media.probe.audioTracks[track]) {
      throw new ZimuError('invalid-argument', `there is no audio track ${track + 1}`, { file: media.playPath });
    }
    const key = peaksCacheKey(await mediaIdentity(media.playPath), track, PEAKS_PER_SECOND);
    const cached = await readPeaksCache(deps.cacheDir, key);
    if (cached) return peaksAnswer(cached, true);
    let pending = decoding.get(key);
    if (!pending) {
      pending = decodeAndStore(mediaId, media, track, key).finally(() => decoding.delete(key));
      decoding.set(key, pending);
    }
    return pending;
  }

  async function openDocument(path: string, encoding?: ReadEncoding): Promise<OpenedDocument> {
    const warnings: OpenedDocument['warnings'] = [];
    if (extname(path).toLowerCase() === PROJECT_EXTENSION) {
      const project = await loadProjectFile(path);
      let media: MediaInfo | null = null;
      if (project.media) {
        try {
          media = await openMedia(project.media.path, project.media.audioTrack);
        } catch (err) {
          // The text is still worth editing without its media: open it and say why there is no sound.
          warnings.push({ line: null, message: err instanceof ZimuError ? describeError(err) : String(err) });
        }
      }
      await rememberRecent(path);
      return {
        path,
        sourcePath: path,
        format: 'zimu',
        encoding: null,
        encodingConfidence: null,
        project,
        media,
        warnings,
      };
    }
    const doc = await importFile(path, encoding ? { encoding } : {});
    await rememberRecent(path);
    return {
      path: null,
      sourcePath: path,
      format: doc.format,
      encoding: doc.encoding,
      encodingConfidence: doc.encodingConfidence,
      project: doc.project,
      media: null,
      warnings: doc.warnings,
    };
  }

  /** An empty project for media opened on its own; Save asks where (path null). */
  function newDocumentFor(mediaPath: string): OpenedDocument {
    const stem = basename(mediaPath).replace(/\.[^.]*$/, '');
    return {
      path: null,
      sourcePath: join(dirname(mediaPath), `${stem}${PROJECT_EXTENSION}`),
      format: 'zimu',
      encoding: null,
      encodingConfidence: null,
      project: createProject({ title: stem }),
      media: null,
      warnings: [],
    };
  }

  /** The startup document with the command line's media linked; a media failure is a warning, not a lost document. */
  async function withStartupMedia(doc: OpenedDocument, mediaPath: string): Promise<OpenedDocument> {
    try {
      const media = await openMedia(mediaPath);
      return { ...doc, media, project: linkMedia(doc.project, media) };
    } catch (err) {
      const message = err instanceof ZimuError ? describeError(err) : String(err);
      return { ...doc, warnings: [...doc.warnings, { line: null, message }] };
    }
  }

  return {
    'app.info': async () => ({
      name: 'Zimu',
      version: deps.version,
      host: deps.host,
      platform: process.platform,
      locale: deps.locale,
    }),
    'project.initial': async () => {
      const { startupFile, startupMedia } = deps;
      if (!startupFile && !startupMedia) throw new ZimuError('not-found', 'no document to start with');
      const doc = startupFile ? await openDocument(startupFile) : newDocumentFor(startupMedia as string);
      return startupMedia ? withStartupMedia(doc, startupMedia) : doc;
    },
    'project.open': async ({ path, encoding }) => openDocument(path, encoding),
    'project.importTranslation': async ({ path, project, encoding }) => {
      const doc = await importFile(path, encoding ? { encoding } : {});
      const merged = mergeTranslationTrack(project, doc.project.segments);
      return { ...merged, warnings: doc.warnings };
    },
    'project.save': async ({ path, project }) => {
      await saveProjectFile(path, project);
      await rememberRecent(path);
      return { path };
    },
    'project.exportCheck': async ({ project, ...options }) => {
      const { warnings, unencodable } = exportProject(project, options);
      return { warnings, unencodable };
    },
    'project.export': async ({ path, project, allowLossy, ...options }) => {
      const result = exportProject(project, options);
      if (result.unencodable.length > 0 && !allowLossy) {
        throw new ZimuError(
          'invalid-argument',
          `${options.encoding} cannot write: ${result.unencodable.slice(0, 20).join(' ')}`,
          {
            file: path,
            unencodable: result.unencodable,
          },
        );
      }
      await writeFileAtomic(path, result.bytes);
      return { path, cues: result.cues, warnings: result.warnings };
    },
    'project.autotime': async ({ project, mediaId, ids }) => {
      await peaks(mediaId); // the waveform's decode (progress events, joins a running one) or its cache
      const media = opened.get(mediaId) as OpenedMedia;
      const source = { path: media.playPath, probe: media.probe, track: media.audioTrack };
      const options = { tools: ffmpeg(), cacheDir: deps.cacheDir, ...(ids ? { ids } : {}) };
      const { project: timed, timed: placed } = await autotimeMedia(project, source, options);
      return { segments: timed.segments.filter((s) => placed.includes(s.id)) };
    },
    'media.open': async ({ path, audioTrack }) => openMedia(path, audioTrack),
    'media.peaks': async ({ mediaId, audioTrack }) => peaks(mediaId, audioTrack),
    'job.cancel': async ({ jobId }) => {
      const controller = jobs.get(jobId);
      controller?.abort();
      return { cancelled: controller !== undefined };
    },
    'dialog.open': async ({ filter }) =>
      deps.dialogs ? { supported: true, path: await deps.dialogs.open(filter) } : { supported: false, path: null },
    'dialog.save': async ({ filter, defaultPath }) =>
      deps.dialogs
        ? { supported: true, path: await deps.dialogs.save(filter, defaultPath) }
        : { supported: false, path: null },
    'fs.list': async ({ dir }) => listFolder(dir),
    'correction.exportText': async ({ path, project, style, field, encoding }) =>
      exportCorrection(project, path, style, field, encoding),
    'correction.preview': async ({ path, project, field }) => previewCorrection(project, path, field),
    'correction.batch': async ({ pairs, field, outDir }) => ({ results: await batchReimport(pairs, field, outDir) }),
    'glossary.get': async () => readUserGlossary(profileDir),
    'glossary.set': async ({ glossary }) => writeUserGlossary(profileDir, glossary),
    'glossary.importCsv': async ({ path }) => readGlossaryCsv(path),
    'glossary.exportCsv': async ({ path, glossary }) => writeGlossaryCsv(path, glossary),
    'spell.check': async ({ words }) => ({ unknown: await spellService().unknown(words) }),
    'spell.suggest': async ({ word }) => ({ suggestions: await spellService().suggest(word) }),
    ...createTranslateHandlers(deps), // translate.*, llm.*, tm.*: electron/services/translate/service.ts
    'settings.get': async () => deps.settings.get(),
    'settings.set': async ({ patch }) => deps.settings.update(patch),
  };
}
