import type { CallResult, OpenedDocument } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import { linkMedia } from '../../../shared/model/media-ref';
import { createProject } from '../../../shared/model/project';
import { warningText } from '../../i18n/host-text';
import type { Client } from '../../platform/client';
import { callJob } from '../../platform/jobs';
import type { Editor } from '../../state/editor';
import type { Notices } from '../../state/notices';
import {
  type ExportOptions,
  formatExtension,
  LOW_ENCODING_CONFIDENCE,
  loadExportOptions,
  type OptionStorage,
  READ_ENCODING_NAMES,
  type ReadEncoding,
  saveExportOptions,
  type WriteEncoding,
} from './export-options';
import { basename, exportPathFor, type FileFilter, PROJECT_EXTENSION, projectPathFor, withExtension } from './paths';

export type { ExportOptions };

/** What the user is asked for a path for; picks the picker's title, filter and mode. */
export type PathPurpose = 'open' | 'save-project' | 'export' | 'media' | 'translation';

export interface PathRequest {
  purpose: PathPurpose;
  mode: 'open' | 'save';
  filter: FileFilter;
  /** Suggested file (save) or a file whose folder to start in (open); '' when there is none. */
  defaultPath: string;
}

/** What an export would lose, as project.exportCheck reports it. */
export type ExportCheck = CallResult<'project.exportCheck'>;

/** The question before a lossy export: which characters `encoding` cannot write. */
export interface LossyExport {
  encoding: WriteEncoding;
  /** Characters that would become '?'. */
  characters: readonly string[];
}

/** Export anyway, go back to the export options, or give up. */
export type LossyAnswer = 'export' | 'change' | 'cancel';

/** Why unsaved edits would be lost: opening another file, or reading this one again. */
export type DiscardReason = 'open' | 'reopen';

/** The questions file commands ask the user in the app's own UI. */
export interface FileUi {
  /** The in-app picker, for hosts without native dialogs. Null = cancelled. */
  pickPath(request: PathRequest): Promise<string | null>;
  confirmDiscard(name: string, reason?: DiscardReason): Promise<boolean>;
  exportOptions(defaults: ExportOptions): Promise<ExportOptions | null>;
  /** The encoding to read a file with whose encoding could not be detected. Null = cancelled. */
  chooseEncoding(name: string): Promise<ReadEncoding | null>;
  confirmLossyExport(question: LossyExport): Promise<LossyAnswer>;
}

export interface FileCommandDeps {
  client: Pick<Client, 'call'>;
  editor: Editor;
  notices: Notices;
  ui: FileUi;
  /** Where the last export's options are remembered (localStorage); null = this session only. */
  storage?: OptionStorage | null;
}

export interface FileCommands {
  open(): Promise<void>;
  openPath(path: string): Promise<void>;
  /** Open a file with an encoding the user picks (after detection failed). */
  openWithEncoding(path: string): Promise<void>;
  /** Read the imported file again with `encoding` ("reopen with encoding…"). */
  reopenWithEncoding(encoding: ReadEncoding): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  exportCaptions(): Promise<void>;
  /** Read a second caption file into the translations, matched by time (one undoable edit). */
  importTranslation(): Promise<void>;
  linkMedia(): Promise<void>;
  /** Link media whose path is known (dropped on the window); with no document open, start one for it. */
  linkMediaPath(path: string): Promise<void>;
}

const FILTER_OF: Record<PathPurpose, FileFilter> = {
  open: 'document',
  'save-project': 'document',
  export: 'subtitle-export',
  media: 'media',
  translation: 'document',
};

/** An empty project for media opened on its own, titled after it; Save asks where to put it. */
function newDocumentForMedia(media: CallResult<'media.open'>): OpenedDocument {
  const project = linkMedia(createProject(), media);
  return {
    path: null,
    sourcePath: withExtension(media.path, PROJECT_EXTENSION),
    format: 'zimu',
    encoding: null,
    encodingConfidence: null,
    project: project.title ? project : { ...project, title: basename(media.path).replace(/\.[^.]*$/, '') },
    media,
    warnings: [],
  };
}

/**
 * Open, save, save as, export and link media. A failed call shows an error banner and leaves the
 * document (and its unsaved edits) as it was. One command runs at a time, so a menu accelerator and
 * the same key pressed in the page cannot start two dialogs.
 */
export function createFileCommands({ client, editor, notices, ui, storage = null }: FileCommandDeps): FileCommands {
  let busy = false;
  let lastExport: ExportOptions = loadExportOptions(storage);

  async function exclusive(fn: () => Promise<void>): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      await fn();
    } finally {
      busy = false;
    }
  }

  /** The native dialog where the host has one, else the in-app picker. Null = cancelled or failed. */
  async function askPath(purpose: PathPurpose, defaultPath: string): Promise<string | null> {
    const filter = FILTER_OF[purpose];
    const mode = purpose === 'export' || purpose === 'save-project' ? 'save' : 'open';
    try {
      const answer =
        mode === 'open'
          ? await client.call('dialog.open', { filter })
          : await client.call('dialog.save', { filter, defaultPath });
      if (answer.supported) return answer.path;
    } catch (err) {
      notices.error('dialog', err);
      return null;
    }
    return ui.pickPath({ purpose, mode, filter, defaultPath });
  }

  const docName = (doc: OpenedDocument) => basename(doc.path ?? doc.sourcePath);

  /** Unsaved edits are about to be replaced: true when there are none or the user lets them go. */
  async function mayDiscard(reason: DiscardReason): Promise<boolean> {
    const { doc, dirty } = editor.get();
    if (!doc || !dirty) return true;
    return reason === 'open' ? ui.confirmDiscard(docName(doc)) : ui.confirmDiscard(docName(doc), reason);
  }

  async function openPathNow(path: string, encoding?: ReadEncoding): Promise<void> {
    let doc: OpenedDocument;
    try {
      doc = await client.call('project.open', encoding ? { path, encoding } : { path });
    } catch (err) {
      // Detection gave up on the bytes: let the user say what they are.
      const undetected = !encoding && err instanceof ZimuError && err.detail?.reason === 'encoding-unknown';
      notices.error('open', err, undetected ? { kind: 'open-with-encoding', path } : undefined);
      return;
    }
    editor.openDocument(doc);
    const name = docName(doc);
    const count = doc.warnings.length;
    const opened = doc.encoding ? READ_ENCODING_NAMES[doc.encoding] : '';
    if (encoding && count > 0) {
      notices.info((t) => t('notices.reopenedWithWarnings', { name, encoding: opened, count }), 'warning');
    } else if (encoding) {
      notices.info((t) => t('notices.reopened', { name, encoding: opened }));
    } else if (doc.encodingConfidence !== null && doc.encodingConfidence < LOW_ENCODING_CONFIDENCE) {
      notices.info((t) => t('notices.openedUncertain', { name, encoding: opened }), 'warning');
    } else if (count > 0) {
      notices.info((t) => t('notices.openedWithWarnings', { name, count }), 'warning');
    } else {
      notices.info((t) => t('notices.opened', { name }));
    }
  }

  /** Link media to the open document, or start a new project for it when none is open. */
  async function linkMediaNow(path: string): Promise<void> {
    const { doc, docSerial } = editor.get();
    let media: CallResult<'media.open'>;
    try {
      // A job of the renderer's naming: its remux progress and a cancel can refer to it from the start.
      media = await callJob(client, 'media.open', { path }).result;
    } catch (err) {
      notices.error('media', err);
      return;
    }
    const name = basename(media.path);
    if (doc && editor.get().docSerial === docSerial) {
      editor.attachMedia(docSerial, media);
      notices.info((t) => t('notices.mediaLinked', { name }));
    } else if (!doc) {
      editor.openDocument(newDocumentForMedia(media));
      notices.info((t) => t('notices.mediaOpened', { name }));
    }
  }

  async function writeProject(path: string): Promise<void> {
    const { doc, docSerial, revision } = editor.get();
    if (!doc) return;
    try {
      const saved = await client.call('project.save', { path, project: doc.project });
      editor.markSaved({ docSerial, revision, path: saved.path });
      const name = basename(saved.path);
      notices.info((t) => t('notices.saved', { name }));
    } catch (err) {
      notices.error('save', err);
    }
  }

  async function saveAsNow(): Promise<void> {
    const { doc } = editor.get();
    if (!doc) return;
    const chosen = await askPath('save-project', doc.path ?? projectPathFor(doc.sourcePath));
    if (chosen) await writeProject(projectPathFor(chosen));
  }

  /**
   * Options, then a dry run: a lossy encoding is confirmed (or changed) before anything is asked
   * about paths, and nothing is written when the dry run fails.
   */
  async function chooseExport(): Promise<{ options: ExportOptions; allowLossy: boolean } | null> {
    for (;;) {
      // Read again each time: the settings dialog may have changed the defaults since.
      const options = await ui.exportOptions(storage ? loadExportOptions(storage) : lastExport);
      if (!options) return null;
      lastExport = options;
      saveExportOptions(storage, options);
      const project = editor.get().doc?.project;
      if (!project) return null;
      let check: ExportCheck;
      try {
        check = await client.call('project.exportCheck', { project, ...options });
      } catch (err) {
        notices.error('export', err);
        return null;
      }
      if (check.unencodable.length === 0) return { options, allowLossy: false };
      const answer = await ui.confirmLossyExport({ encoding: options.encoding, characters: check.unencodable });
      if (answer === 'export') return { options, allowLossy: true };
      if (answer === 'cancel') return null;
    }
  }

  const commands: FileCommands = {
    open: () =>
      exclusive(async () => {
        if (!(await mayDiscard('open'))) return;
        const path = await askPath('open', editor.get().doc?.sourcePath ?? '');
        if (path) await openPathNow(path);
      }),

    openPath: (path) =>
      exclusive(async () => {
        if (await mayDiscard('open')) await openPathNow(path);
      }),

    openWithEncoding: (path) =>
      exclusive(async () => {
        const encoding = await ui.chooseEncoding(basename(path));
        if (encoding && (await mayDiscard('open'))) await openPathNow(path, encoding);
      }),

    reopenWithEncoding: (encoding) =>
      exclusive(async () => {
        const { doc } = editor.get();
        // Only imported files have an encoding; a .zimu project is always UTF-8 JSON.
        if (!doc || doc.encoding === null) return;
        if (await mayDiscard('reopen')) await openPathNow(doc.sourcePath, encoding);
      }),

    save: () =>
      exclusive(async () => {
        const { doc } = editor.get();
        if (!doc) return;
        if (doc.path === null) await saveAsNow();
        else await writeProject(doc.path);
      }),

    saveAs: () => exclusive(saveAsNow),

    exportCaptions: () =>
      exclusive(async () => {
        const { doc } = editor.get();
        if (!doc) return;
        const chosenExport = await chooseExport();
        if (!chosenExport) return;
        const { options, allowLossy } = chosenExport;
        // Beside the document, named after it: talk.zimu → talk.vtt.
        const suggested = withExtension(doc.path ?? doc.sourcePath, formatExtension(options.format));
        const chosen = await askPath('export', suggested);
        if (!chosen) return;
        // The project as it is now, edits included, whatever happens while the file is written.
        const project = editor.get().doc?.project ?? doc.project;
        try {
          const result = await client.call('project.export', {
            path: exportPathFor(chosen, options.format),
            project,
            ...options,
            allowLossy,
          });
          const name = basename(result.path);
          const first = result.warnings[0];
          if (first) {
            const more = result.warnings.length - 1;
            notices.info(
              (t) =>
                `${t('notices.exported', { count: result.cues, name })} · ${warningText(first)}${more > 0 ? ` ${t('notices.moreWarnings', { count: more })}` : ''}`,
              'warning',
            );
          } else {
            notices.info((t) => t('notices.exported', { count: result.cues, name }));
          }
        } catch (err) {
          notices.error('export', err);
        }
      }),

    importTranslation: () =>
      exclusive(async () => {
        const { doc, docSerial } = editor.get();
        if (!doc) return;
        const path = await askPath('translation', doc.sourcePath);
        if (!path) return;
        let result: CallResult<'project.importTranslation'>;
        try {
          result = await client.call('project.importTranslation', { path, project: doc.project });
        } catch (err) {
          notices.error('translation', err);
          return;
        }
        if (editor.get().docSerial !== docSerial) return;
        // The patch applies to the project as it is now: translations typed meanwhile are kept.
        const applied = editor.applyPatch('import-translation', result.patch);
        const kept = applied?.conflicts.length ?? 0;
        const { matched, unmatchedCues } = result;
        const warnings = result.warnings.length;
        notices.info(
          (t) =>
            [
              t('notices.translationMatched', { count: matched }),
              t('notices.translationUnmatched', { count: unmatchedCues }),
              warnings > 0 ? t('notices.translationWarnings', { count: warnings }) : '',
              kept > 0 ? t('notices.translationKept', { count: kept }) : '',
            ]
              .filter(Boolean)
              .join(t('notices.separator')),
          unmatchedCues > 0 || matched === 0 || warnings > 0 || kept > 0 ? 'warning' : 'info',
        );
      }),

    linkMedia: () =>
      exclusive(async () => {
        const { doc } = editor.get();
        if (!doc) return;
        const path = await askPath('media', doc.sourcePath);
        if (path) await linkMediaNow(path);
      }),

    linkMediaPath: (path) => exclusive(() => linkMediaNow(path)),
  };
  return commands;
}
