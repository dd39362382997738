import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { mergeTranslationTrack } from '../../shared/align/translation-track';
import type { EventName, EventPayload, MediaInfo, OpenedDocument } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/dispatch';
import { ZimuError } from '../../shared/ipc/errors';
import { PROJECT_EXTENSION } from '../../shared/model/project-file';
import { exportProject, importFile } from './documents';
import type { ReadEncoding } from './encoding';
import { type FfmpegTools, locateFfmpeg, type MediaProbe, probeMedia } from './ffmpeg';
import { writeFileAtomic } from './files';
import { listFolder } from './fs-list';
import type { MediaRegistry } from './media-registry';
import { computePeaks } from './peaks';
import { loadProjectFile, saveProjectFile } from './project-store';
import type { SettingsStore } from './settings';

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
  settings: SettingsStore;
  media: MediaRegistry;
  /** The URL under which this host serves a registered media id. */
  mediaUrl(id: string): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  dialogs: NativeDialogs | null;
  /** Explicit ffmpeg location (tests, settings); otherwise ZIMU_FFMPEG or PATH. */
  ffmpegPath?: string;
}

const DEFAULT_PEAKS_PER_SECOND = 100;

/** Every call of the contract, implemented once for both hosts. */
export function createHandlers(deps: HostDeps): Handlers {
  const probes = new Map<string, MediaProbe>();
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

  async function openMedia(path: string): Promise<MediaInfo> {
    const probe = await probeMedia(ffmpeg(), path);
    if (probe.audioTracks.length === 0)
      throw new ZimuError('unsupported', 'this file has no audio track', { file: path });
    const id = deps.media.register(path);
    probes.set(id, probe);
    return { id, url: deps.mediaUrl(id), path, ...probe };
  }

  async function openDocument(path: string, encoding?: ReadEncoding): Promise<OpenedDocument> {
    const warnings: OpenedDocument['warnings'] = [];
    if (extname(path).toLowerCase() === PROJECT_EXTENSION) {
      const project = await loadProjectFile(path);
      let media: MediaInfo | null = null;
      if (project.media) {
        try {
          media = await openMedia(project.media.path);
        } catch (err) {
          // The text is still worth editing without its media: open it and say why there is no sound.
          warnings.push({ line: null, message: err instanceof ZimuError ? err.message : String(err) });
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

  return {
    'app.info': async () => ({
      name: 'Zimu',
      version: deps.version,
      host: deps.host,
      platform: process.platform,
      locale: deps.locale,
    }),
    'project.initial': async () => {
      if (!deps.startupFile) throw new ZimuError('not-found', 'no document to start with');
      return openDocument(deps.startupFile);
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
    'media.open': async ({ path }) => openMedia(path),
    'media.peaks': async ({ mediaId, peaksPerSecond }) => {
      const path = deps.media.pathOf(mediaId);
      const probe = probes.get(mediaId);
      if (!path || !probe) throw new ZimuError('not-found', 'this media was not opened');
      const track = probe.audioTracks[0];
      if (!track) throw new ZimuError('unsupported', 'no audio track', { file: path });
      const jobId = randomUUID();
      const pps = peaksPerSecond ?? DEFAULT_PEAKS_PER_SECOND;
      const result = await computePeaks(ffmpeg(), {
        path,
        track: track.index,
        sampleRate: track.sampleRate,
        durationMs: probe.durationMs,
        peaksPerSecond: pps,
        onProgress: (done) => deps.emit('job.progress', { jobId, kind: 'peaks', done, total: probe.durationMs }),
      });
      const round = (a: Float32Array) => Array.from(a, (v) => Math.round(v * 10000) / 10000);
      return { peaksPerSecond: pps, durationMs: result.durationMs, min: round(result.min), max: round(result.max) };
    },
    'dialog.open': async ({ filter }) =>
      deps.dialogs ? { supported: true, path: await deps.dialogs.open(filter) } : { supported: false, path: null },
    'dialog.save': async ({ filter, defaultPath }) =>
      deps.dialogs
        ? { supported: true, path: await deps.dialogs.save(filter, defaultPath) }
        : { supported: false, path: null },
    'fs.list': async ({ dir }) => listFolder(dir),
    'settings.get': async () => deps.settings.get(),
    'settings.set': async ({ patch }) => deps.settings.update(patch),
  };
}
