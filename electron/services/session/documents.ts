import { basename, dirname, extname, join } from 'node:path';
import { mergeTranslationTrack } from '../../../shared/align/translation-track';
import type { CallArgs, CallResult, MediaInfo, OpenedDocument } from '../../../shared/ipc/contract';
import { errorMessage, ZimuError } from '../../../shared/ipc/errors';
import { hostWarning, msg } from '../../../shared/ipc/messages';
import { linkMedia } from '../../../shared/model/media-ref';
import { diffProjects } from '../../../shared/model/patch';
import { createProject } from '../../../shared/model/project';
import { PROJECT_EXTENSION } from '../../../shared/model/project-file';
import type { Project } from '../../../shared/model/types';
import { autotimeMedia } from '../autotime';
import { exportProject, importFile } from '../documents';
import type { ReadEncoding } from '../encoding';
import { writeFileAtomic } from '../files';
import { loadProjectFile, saveProjectFile } from '../project-store';
import type { HostDeps } from './host';
import type { Job, Jobs } from './jobs';
import type { MediaSession } from './media';

/**
 * Documents as the host session serves them: opening (a project with its media, or an imported
 * caption file), the startup document, saving, exporting, and the calls that change a document,
 * which answer with a patch (shared/model/patch.ts) rather than a whole project. The host keeps no
 * document between calls: the renderer owns it and sends it along.
 */

type ExportArgs = Omit<CallArgs<'project.export'>, 'path' | 'project' | 'allowLossy'>;
/** The export options with the contract's defaults filled in; the script and wrap changes stay optional. */
type ExportChoice = Required<Omit<ExportArgs, 'script' | 'wrap'>> & Pick<ExportArgs, 'script' | 'wrap'>;

export interface DocumentSession {
  open(path: string, encoding?: ReadEncoding): Promise<OpenedDocument>;
  initial(): Promise<OpenedDocument>;
  save(path: string, project: Project): Promise<{ path: string }>;
  exportCheck(project: Project, options: ExportChoice): CallResult<'project.exportCheck'>;
  export(
    path: string,
    project: Project,
    options: ExportChoice,
    allowLossy: boolean,
  ): Promise<CallResult<'project.export'>>;
  importTranslation(
    path: string,
    project: Project,
    encoding?: ReadEncoding,
  ): Promise<CallResult<'project.importTranslation'>>;
  autotime(
    project: Project,
    mediaId: string,
    ids: readonly string[] | undefined,
    job: Job,
  ): Promise<CallResult<'project.autotime'>>;
}

export function createDocumentSession(deps: HostDeps, media: MediaSession, jobs: Jobs): DocumentSession {
  // Recent files are a convenience: failing to record one must not fail the open or save itself.
  const rememberRecent = (path: string) =>
    deps.settings.addRecent(path).then(
      () => {},
      () => {},
    );

  /** Media for a document; a failure is a warning on the document, which still opens without sound. */
  async function openMediaFor(path: string, audioTrack: number | undefined, warnings: OpenedDocument['warnings']) {
    const job = jobs.start();
    try {
      return await media.open(path, audioTrack, job);
    } catch (err) {
      warnings.push(hostWarning(null, errorMessage(err)));
      return null;
    } finally {
      job.end();
    }
  }

  async function open(path: string, encoding?: ReadEncoding): Promise<OpenedDocument> {
    const warnings: OpenedDocument['warnings'] = [];
    if (extname(path).toLowerCase() === PROJECT_EXTENSION) {
      const project = await loadProjectFile(path);
      let opened: MediaInfo | null = null;
      if (project.media) opened = await openMediaFor(project.media.path, project.media.audioTrack, warnings);
      await rememberRecent(path);
      const format = 'zimu';
      return {
        path,
        sourcePath: path,
        format,
        encoding: null,
        encodingConfidence: null,
        project,
        media: opened,
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

  return {
    open,

    async initial() {
      const { startupFile, startupMedia } = deps;
      if (!startupFile && !startupMedia) throw new ZimuError('not-found', msg('startup-none'));
      const doc = startupFile ? await open(startupFile) : newDocumentFor(startupMedia as string);
      if (!startupMedia) return doc;
      // The command line's media linked; a media failure is a warning, not a lost document.
      const warnings = [...doc.warnings];
      const opened = await openMediaFor(startupMedia, undefined, warnings);
      return opened ? { ...doc, media: opened, project: linkMedia(doc.project, opened) } : { ...doc, warnings };
    },

    async save(path, project) {
      await saveProjectFile(path, project);
      await rememberRecent(path);
      return { path };
    },

    exportCheck(project, options) {
      const { warnings, unencodable } = exportProject(project, options);
      return { warnings, unencodable };
    },

    async export(path, project, options, allowLossy) {
      const result = exportProject(project, options);
      if (result.unencodable.length > 0 && !allowLossy) {
        const characters = result.unencodable.slice(0, 20).join(' ');
        throw new ZimuError('invalid-argument', msg('export-lossy', { encoding: options.encoding, characters }), {
          file: path,
          unencodable: result.unencodable,
        });
      }
      await writeFileAtomic(path, result.bytes);
      return { path, cues: result.cues, warnings: result.warnings };
    },

    async importTranslation(path, project, encoding) {
      const doc = await importFile(path, encoding ? { encoding } : {});
      const merged = mergeTranslationTrack(project, doc.project.segments);
      return {
        patch: diffProjects(project, merged.project),
        matched: merged.matched,
        unmatchedCues: merged.unmatchedCues,
        warnings: doc.warnings,
      };
    },

    async autotime(project, mediaId, ids, job) {
      // The waveform's decode (its progress under this job's id; joins a running one) or its cache.
      await media.peaks(mediaId, undefined, job);
      const options = { tools: media.ffmpeg(), cacheDir: deps.cacheDir, signal: job.signal, ...(ids ? { ids } : {}) };
      const timed = await autotimeMedia(project, media.envelopeSource(mediaId), options);
      if (job.signal.aborted) throw new ZimuError('cancelled', msg('autotime-cancelled'));
      return { patch: diffProjects(project, timed.project), placed: timed.timed.length, warnings: [] };
    },
  };
}
