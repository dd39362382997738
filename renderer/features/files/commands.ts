import type { CallArgs, OpenedDocument } from '../../../shared/ipc/contract';
import type { Client } from '../../platform/client';
import type { Editor } from '../../state/editor';
import type { Notices } from '../../state/notices';
import { basename, exportPathFor, type FileFilter, projectPathFor, withExtension } from './paths';

/** What the export dialog asks: SRT or WebVTT for now, and which texts go into each cue. */
export interface ExportOptions {
  format: Extract<CallArgs<'project.export'>['format'], 'srt' | 'vtt'>;
  layout: CallArgs<'project.export'>['layout'];
}

/** What the user is asked for a path for; picks the picker's title, filter and mode. */
export type PathPurpose = 'open' | 'save-project' | 'export' | 'media';

export interface PathRequest {
  purpose: PathPurpose;
  mode: 'open' | 'save';
  filter: FileFilter;
  /** Suggested file (save) or a file whose folder to start in (open); '' when there is none. */
  defaultPath: string;
}

/** The questions file commands ask the user in the app's own UI. */
export interface FileUi {
  /** The in-app picker, for hosts without native dialogs. Null = cancelled. */
  pickPath(request: PathRequest): Promise<string | null>;
  confirmDiscard(name: string): Promise<boolean>;
  exportOptions(defaults: ExportOptions): Promise<ExportOptions | null>;
}

export interface FileCommandDeps {
  client: Pick<Client, 'call'>;
  editor: Editor;
  notices: Notices;
  ui: FileUi;
}

export type FileCommand = 'open' | 'save' | 'save-as' | 'export';

export interface FileCommands {
  run(command: FileCommand): Promise<void>;
  open(): Promise<void>;
  openPath(path: string): Promise<void>;
  save(): Promise<void>;
  saveAs(): Promise<void>;
  exportCaptions(): Promise<void>;
  linkMedia(): Promise<void>;
}

const FILTER_OF: Record<PathPurpose, FileFilter> = {
  open: 'document',
  'save-project': 'document',
  export: 'subtitle-export',
  media: 'media',
};

/**
 * Open, save, save as, export and link media. A failed call shows an error banner and leaves the
 * document (and its unsaved edits) as it was. One command runs at a time, so a menu accelerator and
 * the same key pressed in the page cannot start two dialogs.
 */
export function createFileCommands({ client, editor, notices, ui }: FileCommandDeps): FileCommands {
  let busy = false;
  let lastExport: ExportOptions = { format: 'srt', layout: 'bilingual' };

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
    const mode = purpose === 'open' || purpose === 'media' ? 'open' : 'save';
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

  async function openPathNow(path: string): Promise<void> {
    let doc: OpenedDocument;
    try {
      doc = await client.call('project.open', { path });
    } catch (err) {
      notices.error('open', err);
      return;
    }
    editor.openDocument(doc);
    const name = docName(doc);
    notices.info((t) => t('notices.opened', { name }));
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

  const commands: FileCommands = {
    run(command) {
      switch (command) {
        case 'open':
          return commands.open();
        case 'save':
          return commands.save();
        case 'save-as':
          return commands.saveAs();
        case 'export':
          return commands.exportCaptions();
      }
    },

    open: () =>
      exclusive(async () => {
        const { doc, dirty } = editor.get();
        if (doc && dirty && !(await ui.confirmDiscard(docName(doc)))) return;
        const path = await askPath('open', doc?.sourcePath ?? '');
        if (path) await openPathNow(path);
      }),

    openPath: (path) =>
      exclusive(async () => {
        const { doc, dirty } = editor.get();
        if (doc && dirty && !(await ui.confirmDiscard(docName(doc)))) return;
        await openPathNow(path);
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
        const options = await ui.exportOptions(lastExport);
        if (!options) return;
        lastExport = options;
        const suggested = withExtension(doc.path ?? doc.sourcePath, `.${options.format}`);
        const chosen = await askPath('export', suggested);
        if (!chosen) return;
        // The project as it is now, edits included, whatever happens while the file is written.
        const project = editor.get().doc?.project ?? doc.project;
        try {
          const result = await client.call('project.export', {
            path: exportPathFor(chosen, options.format),
            project,
            ...options,
          });
          const name = basename(result.path);
          notices.info((t) => t('notices.exported', { count: result.cues, name }));
        } catch (err) {
          notices.error('export', err);
        }
      }),

    linkMedia: () =>
      exclusive(async () => {
        const { doc, docSerial } = editor.get();
        if (!doc) return;
        const path = await askPath('media', doc.sourcePath);
        if (!path) return;
        try {
          const media = await client.call('media.open', { path });
          editor.attachMedia(docSerial, media);
          const name = basename(media.path);
          notices.info((t) => t('notices.mediaLinked', { name }));
        } catch (err) {
          notices.error('media', err);
        }
      }),
  };
  return commands;
}
