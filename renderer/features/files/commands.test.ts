import i18next, { type TFunction } from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import { hostWarning, msg } from '../../../shared/ipc/messages';
import { diffProjects } from '../../../shared/model/patch';
import { setText } from '../../../shared/model/project';
import { en } from '../../i18n/en';
import type { Client } from '../../platform/client';
import { createEditor } from '../../state/editor';
import { createNotices } from '../../state/notices';
import { sampleDocument } from '../../test/fixtures';
import { createFileCommands, type FileUi } from './commands';
import { DEFAULT_EXPORT_OPTIONS, EXPORT_OPTIONS_KEY, type ExportOptions, type OptionStorage } from './export-options';

type Answers = { [K in CallName]?: (args: CallArgs<K>) => CallResult<K> | Promise<CallResult<K>> };

/** A client answering from `answers`, recording every call. */
function fakeClient(answers: Answers) {
  const calls: { name: CallName; args: unknown }[] = [];
  const client: Pick<Client, 'call'> = {
    async call(name, args) {
      calls.push({ name, args });
      const answer = answers[name] as ((a: typeof args) => unknown) | undefined;
      if (!answer) throw new Error(`unexpected call ${name}`);
      return (await answer(args)) as never;
    },
  };
  return { client, calls };
}

function setup(answers: Answers, ui: Partial<FileUi> = {}, storage: OptionStorage | null = null) {
  const editor = createEditor();
  const notices = createNotices();
  const { client, calls } = fakeClient(answers);
  const fullUi: FileUi = {
    pickPath: vi.fn(async () => null),
    confirmDiscard: vi.fn(async () => false),
    exportOptions: vi.fn(async (d) => d),
    confirmLossyExport: vi.fn(async () => 'cancel' as const),
    chooseEncoding: vi.fn(async () => null),
    ...ui,
  };
  const commands = createFileCommands({ client, editor, notices, ui: fullUi, storage });
  /** The info notice as the English UI shows it. */
  const info = () => notices.store.get().info?.message(t) ?? null;
  return { editor, notices, commands, calls, ui: fullUi, info };
}

const i18n = i18next.createInstance();
void i18n.init({ resources: { en: { translation: en } }, lng: 'en', initAsync: false });
const t = i18n.t.bind(i18n) as TFunction;

/** localStorage stand-in. */
function memoryStorage(): OptionStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

const noProblems: Answers = { 'project.exportCheck': () => ({ warnings: [], unencodable: [] }) };

const importedGbk = () =>
  sampleDocument({
    path: null,
    sourcePath: '/work/talk.srt',
    format: 'srt',
    encoding: 'gb18030',
    encodingConfidence: 0.99,
  });

const webDialogs: Answers = {
  'dialog.open': () => ({ supported: false, path: null }),
  'dialog.save': () => ({ supported: false, path: null }),
};

describe('file commands', () => {
  it('saves to the document path and marks it clean', async () => {
    const { editor, commands, calls } = setup({ 'project.save': ({ path }) => ({ path }) });
    editor.openDocument(sampleDocument());
    editor.editText('s2', 'source', '各位来宾，欢迎');
    await commands.save();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.name).toBe('project.save');
    const args = calls[0]?.args as CallArgs<'project.save'>;
    expect(args.path).toBe('/work/talk.zimu');
    expect(args.project.segments[1]?.source).toBe('各位来宾，欢迎');
    expect(editor.get().dirty).toBe(false);
  });

  it('keeps the edits and shows the error when saving fails', async () => {
    const { editor, notices, commands } = setup({
      'project.save': () => {
        throw new ZimuError('io-error', msg('fs-permission', { action: msg('fs-action-save') }), {
          file: '/work/talk.zimu',
        });
      },
    });
    editor.openDocument(sampleDocument());
    editor.editText('s1', 'translation', 'Dear leaders');
    await commands.save();
    expect(editor.get().dirty).toBe(true);
    expect(editor.get().doc?.project.segments[0]?.translation).toBe('Dear leaders');
    expect(notices.store.get().errors).toEqual([
      {
        id: expect.any(Number),
        key: 'save',
        detail: '/work/talk.zimu: cannot save: permission denied',
        error: expect.any(ZimuError),
      },
    ]);
  });

  it('asks where to save an imported subtitle, via the in-app picker on the web host', async () => {
    const pickPath = vi.fn(async () => '/work/out/talk');
    const { editor, commands, calls } = setup(
      { ...webDialogs, 'project.save': ({ path }) => ({ path }) },
      { pickPath },
    );
    editor.openDocument(sampleDocument({ path: null, sourcePath: '/work/talk.srt', format: 'srt' }));
    await commands.save();
    expect(calls[0]).toEqual({ name: 'dialog.save', args: { filter: 'document', defaultPath: '/work/talk.zimu' } });
    expect(pickPath).toHaveBeenCalledWith({
      purpose: 'save-project',
      mode: 'save',
      filter: 'document',
      defaultPath: '/work/talk.zimu',
    });
    expect(calls[1]?.args).toMatchObject({ path: '/work/out/talk.zimu' });
    expect(editor.get().doc?.path).toBe('/work/out/talk.zimu');
  });

  it('uses the native dialog where the host has one, and does nothing when it is cancelled', async () => {
    const { editor, commands, calls, ui } = setup({ 'dialog.save': () => ({ supported: true, path: null }) });
    editor.openDocument(sampleDocument());
    await commands.saveAs();
    expect(calls.map((c) => c.name)).toEqual(['dialog.save']);
    expect(ui.pickPath).not.toHaveBeenCalled();
  });

  it('opens a file and replaces the document', async () => {
    const opened = sampleDocument({ path: null, sourcePath: '/work/b.srt', format: 'srt' });
    const { editor, commands } = setup({
      'dialog.open': () => ({ supported: true, path: '/work/b.srt' }),
      'project.open': () => opened,
    });
    editor.openDocument(sampleDocument());
    await commands.open();
    expect(editor.get().doc).toBe(opened);
    expect(editor.get().docSerial).toBe(2);
  });

  it('asks before discarding unsaved edits, and keeps them when the user says no', async () => {
    const confirmDiscard = vi.fn(async () => false);
    const { editor, commands, calls } = setup(
      { 'dialog.open': () => ({ supported: true, path: '/x.srt' }) },
      {
        confirmDiscard,
      },
    );
    editor.openDocument(sampleDocument());
    editor.editText('s1', 'source', 'changed');
    await commands.open();
    expect(confirmDiscard).toHaveBeenCalledWith('talk.zimu');
    expect(confirmDiscard.mock.calls[0]).toHaveLength(1);
    expect(calls).toHaveLength(0);
    expect(editor.get().doc?.project.segments[0]?.source).toBe('changed');
  });

  it('keeps the current document when opening fails', async () => {
    const { editor, notices, commands } = setup({
      'project.open': () => {
        throw new ZimuError('parse-error', msg('format-unknown'), { file: '/x.srt', line: 3 });
      },
    });
    editor.openDocument(sampleDocument());
    const doc = editor.get().doc;
    await commands.openPath('/x.srt');
    expect(editor.get().doc).toBe(doc);
    expect(notices.store.get().errors[0]?.detail).toBe('/x.srt:3: not a subtitle or transcript format Zimu knows');
  });

  it('exports with the chosen format and layout to a path with the right extension', async () => {
    const { editor, commands, calls, info } = setup(
      {
        ...webDialogs,
        ...noProblems,
        'project.export': ({ path }) => ({ path, cues: 3, warnings: [] }),
      },
      {
        exportOptions: async () => ({
          ...DEFAULT_EXPORT_OPTIONS,
          format: 'vtt',
          layout: 'bilingual-translation-first',
        }),
        pickPath: async () => '/work/talk.srt',
      },
    );
    editor.openDocument(sampleDocument());
    await commands.exportCaptions();
    expect(calls.map((c) => c.name)).toEqual(['project.exportCheck', 'dialog.save', 'project.export']);
    const exportCall = calls.find((c) => c.name === 'project.export');
    expect(exportCall?.args).toMatchObject({
      path: '/work/talk.vtt',
      format: 'vtt',
      layout: 'bilingual-translation-first',
      encoding: 'utf8',
      lineEnding: 'lf',
      allowLossy: false,
    });
    expect(calls.find((c) => c.name === 'dialog.save')?.args).toEqual({
      filter: 'subtitle-export',
      defaultPath: '/work/talk.vtt',
    });
    expect(info()).toBe('Exported 3 cues to talk.vtt');
  });

  it('names the export after the document, with the extension of the format, beside it', async () => {
    const { editor, commands, calls } = setup(
      { ...noProblems, 'dialog.save': () => ({ supported: true, path: null }) },
      { exportOptions: async () => ({ ...DEFAULT_EXPORT_OPTIONS, format: 'bcc' }) },
    );
    editor.openDocument(importedGbk());
    await commands.exportCaptions();
    expect(calls.find((c) => c.name === 'dialog.save')?.args).toEqual({
      filter: 'subtitle-export',
      defaultPath: '/work/talk.bcc',
    });
  });

  it('asks before a lossy export and passes allowLossy only when the user says export anyway', async () => {
    const confirmLossyExport = vi.fn(async () => 'export' as const);
    const { editor, commands, calls } = setup(
      {
        ...webDialogs,
        'project.exportCheck': () => ({ warnings: [], unencodable: ['😀', '𠀀'] }),
        'project.export': ({ path }) => ({ path, cues: 4, warnings: [] }),
      },
      {
        exportOptions: async () => ({ ...DEFAULT_EXPORT_OPTIONS, encoding: 'gbk' }),
        confirmLossyExport,
        pickPath: async () => '/work/out.srt',
      },
    );
    editor.openDocument(sampleDocument());
    editor.editText('s1', 'source', '尊敬的各位领导😀');
    await commands.exportCaptions();
    expect(calls.map((c) => c.name)).toEqual(['project.exportCheck', 'dialog.save', 'project.export']);
    // The check sees the project with the edit, and the same options the export gets.
    const check = calls[0]?.args as CallArgs<'project.exportCheck'>;
    expect(check.project.segments[0]?.source).toBe('尊敬的各位领导😀');
    expect(check).toMatchObject({ format: 'srt', encoding: 'gbk', layout: 'bilingual' });
    expect(confirmLossyExport).toHaveBeenCalledWith({ encoding: 'gbk', characters: ['😀', '𠀀'] });
    expect(calls[2]?.args).toMatchObject({ path: '/work/out.srt', encoding: 'gbk', allowLossy: true });
  });

  it('writes nothing and asks for no path when the user cancels a lossy export', async () => {
    const { editor, commands, calls, ui } = setup(
      { ...webDialogs, 'project.exportCheck': () => ({ warnings: [], unencodable: ['😀'] }) },
      {
        exportOptions: async () => ({ ...DEFAULT_EXPORT_OPTIONS, encoding: 'big5' }),
        confirmLossyExport: async () => 'cancel',
      },
    );
    editor.openDocument(sampleDocument());
    await commands.exportCaptions();
    expect(calls.map((c) => c.name)).toEqual(['project.exportCheck']);
    expect(ui.pickPath).not.toHaveBeenCalled();
  });

  it('goes back to the options when the user changes the encoding, and checks again', async () => {
    const exportOptions = vi
      .fn<FileUi['exportOptions']>()
      .mockResolvedValueOnce({ ...DEFAULT_EXPORT_OPTIONS, encoding: 'gbk' })
      .mockResolvedValueOnce({ ...DEFAULT_EXPORT_OPTIONS, encoding: 'gb18030' });
    const { editor, commands, calls } = setup(
      {
        'dialog.save': () => ({ supported: true, path: '/work/talk.srt' }),
        'project.exportCheck': ({ encoding }) => ({ warnings: [], unencodable: encoding === 'gbk' ? ['😀'] : [] }),
        'project.export': ({ path }) => ({ path, cues: 3, warnings: [] }),
      },
      { exportOptions, confirmLossyExport: async () => 'change' },
    );
    editor.openDocument(sampleDocument());
    await commands.exportCaptions();
    // The dialog opens again on the options just chosen.
    expect(exportOptions.mock.calls[1]?.[0]).toMatchObject({ encoding: 'gbk' });
    expect(calls.map((c) => c.name)).toEqual([
      'project.exportCheck',
      'project.exportCheck',
      'dialog.save',
      'project.export',
    ]);
    expect(calls[3]?.args).toMatchObject({ encoding: 'gb18030', allowLossy: false });
  });

  it('shows a refused export (a failed check) in the error banner and writes nothing', async () => {
    const { editor, notices, commands, calls } = setup({
      'project.exportCheck': () => {
        const overlap = msg('bcc-overlap', { first: 2, firstSpan: '0:01–0:03', second: 3, secondSpan: '0:02–0:04' });
        throw new ZimuError('invalid-argument', msg('export-refused', { format: 'BCC', problem: overlap }));
      },
    });
    editor.openDocument(sampleDocument());
    await commands.exportCaptions();
    expect(calls.map((c) => c.name)).toEqual(['project.exportCheck']);
    expect(notices.store.get().errors).toEqual([
      {
        id: expect.any(Number),
        key: 'export',
        detail: 'cannot export BCC: cue 2 (0:01–0:03) overlaps cue 3 (0:02–0:04); Bilibili shows one cue at a time',
        error: expect.any(ZimuError),
      },
    ]);
  });

  it('tells what the export left out in the notice', async () => {
    const { editor, commands, info } = setup({
      ...noProblems,
      'dialog.save': () => ({ supported: true, path: '/work/talk.srt' }),
      'project.export': ({ path }) => ({
        path,
        cues: 3,
        warnings: [
          hostWarning(null, msg('export-untimed-left-out', { count: 1, segments: '#4' })),
          hostWarning(null, msg('cue-none')),
        ],
      }),
    });
    editor.openDocument(sampleDocument());
    await commands.exportCaptions();
    expect(info()).toBe('Exported 3 cues to talk.srt · 1 untimed segment left out: #4 (and 1 more warning)');
  });

  it('remembers the last export options across sessions, ignoring damaged entries', async () => {
    const storage = memoryStorage();
    const chosen: ExportOptions = {
      format: 'ass',
      layout: 'bilingual-translation-first',
      encoding: 'utf8-bom',
      lineEnding: 'crlf',
      assBilingual: 'two-events',
      textStyle: 'paragraphs',
    };
    const first = setup({ ...noProblems }, { exportOptions: async () => chosen }, storage);
    first.editor.openDocument(sampleDocument());
    await first.commands.exportCaptions();
    expect(JSON.parse(storage.map.get(EXPORT_OPTIONS_KEY) ?? '{}')).toEqual(chosen);

    const exportOptions = vi.fn<FileUi['exportOptions']>(async () => null);
    const second = setup({}, { exportOptions }, storage);
    second.editor.openDocument(sampleDocument());
    await second.commands.exportCaptions();
    expect(exportOptions).toHaveBeenCalledWith(chosen);

    storage.map.set(EXPORT_OPTIONS_KEY, JSON.stringify({ format: 'docx', encoding: 'gbk', lineEnding: 7 }));
    const third = setup({}, { exportOptions }, storage);
    third.editor.openDocument(sampleDocument());
    await third.commands.exportCaptions();
    expect(exportOptions).toHaveBeenLastCalledWith({ ...DEFAULT_EXPORT_OPTIONS, encoding: 'gbk' });
  });

  it('reopens an imported file with the chosen encoding', async () => {
    const reread = sampleDocument({ ...importedGbk(), encoding: 'big5', encodingConfidence: 1 });
    const { editor, commands, calls, info } = setup({ 'project.open': () => reread });
    editor.openDocument(importedGbk());
    await commands.reopenWithEncoding('big5');
    expect(calls).toEqual([{ name: 'project.open', args: { path: '/work/talk.srt', encoding: 'big5' } }]);
    expect(editor.get().doc).toBe(reread);
    expect(editor.get().docSerial).toBe(2);
    expect(info()).toBe('Reopened talk.srt as Big5');
  });

  it('asks before reopening over unsaved edits, and keeps them when the user says no', async () => {
    const confirmDiscard = vi.fn(async () => false);
    const { editor, commands, calls } = setup({}, { confirmDiscard });
    editor.openDocument(importedGbk());
    editor.editText('s1', 'translation', 'Dear leaders');
    await commands.reopenWithEncoding('big5');
    expect(confirmDiscard).toHaveBeenCalledWith('talk.srt', 'reopen');
    expect(calls).toHaveLength(0);
    expect(editor.get().doc?.project.segments[0]?.translation).toBe('Dear leaders');
  });

  it('does not reopen a .zimu project with an encoding', async () => {
    const { editor, commands, calls } = setup({});
    editor.openDocument(sampleDocument());
    await commands.reopenWithEncoding('big5');
    expect(calls).toHaveLength(0);
  });

  it('offers to choose the encoding when detection gave up, and opens the file with it', async () => {
    const opened = sampleDocument({ ...importedGbk(), encoding: 'big5', encodingConfidence: 1 });
    const { editor, notices, commands, calls } = setup(
      {
        'project.open': ({ encoding }) => {
          if (!encoding)
            throw new ZimuError('unreadable', msg('file-encoding-unknown'), {
              file: '/work/talk.srt',
              reason: 'encoding-unknown',
            });
          return opened;
        },
      },
      { chooseEncoding: async () => 'big5' },
    );
    await commands.openPath('/work/talk.srt');
    const error = notices.store.get().errors[0];
    expect(error?.action).toEqual({ kind: 'open-with-encoding', path: '/work/talk.srt' });
    await commands.openWithEncoding(error?.action?.path ?? '');
    expect(calls[1]).toEqual({ name: 'project.open', args: { path: '/work/talk.srt', encoding: 'big5' } });
    expect(editor.get().doc).toBe(opened);
  });

  it('offers no encoding choice for files that are not text', async () => {
    const { notices, commands } = setup({
      'project.open': () => {
        throw new ZimuError('unreadable', msg('file-binary'), { file: '/work/a.srt' });
      },
    });
    await commands.openPath('/work/a.srt');
    expect(notices.store.get().errors[0]?.action).toBeUndefined();
  });

  it('says when the encoding of an opened file is a guess', async () => {
    const guessed = sampleDocument({ ...importedGbk(), encodingConfidence: 0.4 });
    const { commands, info } = setup({ 'project.open': () => guessed });
    await commands.openPath('/work/talk.srt');
    expect(info()).toBe(
      'Opened talk.srt as GB18030, a guess: if the text looks garbled, click the encoding in the status bar',
    );
  });

  it('says when an opened file had problems', async () => {
    const withWarnings = sampleDocument({
      ...importedGbk(),
      warnings: [
        hostWarning(7, msg('cue-unreadable-timing', { text: '00:00:0x' })),
        hostWarning(null, msg('cue-none')),
      ],
    });
    const { notices, commands, info } = setup({ 'project.open': () => withWarnings });
    await commands.openPath('/work/talk.srt');
    expect(info()).toBe('Opened talk.srt with 2 warnings — see the status bar');
    expect(notices.store.get().info?.tone).toBe('warning');
  });

  it('imports a translation track as one undo step and reports what matched', async () => {
    const doc = sampleDocument();
    const merged = setText(setText(doc.project, 's2', 'translation', 'Dear guests'), 's3', 'translation', 'Welcome');
    const { editor, commands, calls, info } = setup(
      {
        ...webDialogs,
        'project.importTranslation': ({ project }) => ({
          patch: diffProjects(project, merged),
          matched: 2,
          unmatchedCues: 1,
          warnings: [],
        }),
      },
      { pickPath: async () => '/work/talk.en.srt' },
    );
    editor.openDocument(doc);
    await commands.importTranslation();
    expect(calls.map((c) => c.name)).toEqual(['dialog.open', 'project.importTranslation']);
    expect(calls[1]?.args).toEqual({ path: '/work/talk.en.srt', project: doc.project });
    const s = editor.get();
    expect(s.doc?.project).toEqual(merged);
    expect(s.revision).toBe(1);
    expect(s.dirty).toBe(true);
    expect(s.lastEdit).toBe('import-translation');
    expect(info()).toBe('2 segments got a translation, 1 cue matched nothing');
    // One undo step takes the whole import back.
    expect(editor.undo()?.label).toBe('import-translation');
    expect(editor.get().doc?.project).toBe(doc.project);
    expect(editor.undo()).toBeNull();
  });

  it('applies the answer to the project as it is now: typing meanwhile is kept, one call, one undo step', async () => {
    const doc = sampleDocument();
    const { editor, commands, calls, info } = setup({
      'dialog.open': () => ({ supported: true, path: '/work/talk.en.srt' }),
      'project.importTranslation': ({ project }) => {
        // The user types while the file is being read: the Chinese of s4, and a translation of s2.
        editor.editText('s4', 'source', '打字中');
        editor.editText('s2', 'translation', 'Honoured guests');
        editor.closeEditGroup();
        const merged = setText(setText(project, 's2', 'translation', 'Dear guests'), 's3', 'translation', 'Welcome');
        return { patch: diffProjects(project, merged), matched: 2, unmatchedCues: 0, warnings: [] };
      },
    });
    editor.openDocument(doc);
    await commands.importTranslation();
    expect(calls.map((c) => c.name)).toEqual(['dialog.open', 'project.importTranslation']);
    const texts = () => editor.get().doc?.project.segments.map((s) => [s.source, s.translation]);
    expect(texts()).toEqual([
      ['尊敬的各位领导', 'Distinguished leaders'],
      ['各位来宾', 'Honoured guests'],
      ['欢迎来到志愿大会', 'Welcome'],
      ['打字中', ''],
    ]);
    expect(info()).toBe(
      '2 segments got a translation, 0 cues matched nothing, 1 segment you edited meanwhile kept your translation',
    );
    editor.undo();
    expect(texts()?.[2]).toEqual(['欢迎来到志愿大会', '']);
    expect(texts()?.[1]).toEqual(['各位来宾', 'Honoured guests']);
  });

  it('keeps the project and shows the error when the translation file cannot be read', async () => {
    const { editor, notices, commands } = setup({
      'dialog.open': () => ({ supported: true, path: '/work/notes.txt' }),
      'project.importTranslation': () => {
        throw new ZimuError('parse-error', msg('file-empty'), { file: '/work/notes.txt' });
      },
    });
    editor.openDocument(sampleDocument());
    await commands.importTranslation();
    expect(editor.get().revision).toBe(0);
    expect(notices.store.get().errors[0]).toMatchObject({
      key: 'translation',
      detail: '/work/notes.txt: the file is empty',
    });
  });

  it('runs one command at a time', async () => {
    let release: (path: string | null) => void = () => {};
    const pickPath = vi.fn(() => new Promise<string | null>((ok) => (release = ok)));
    const { editor, commands, calls } = setup(webDialogs, { pickPath });
    editor.openDocument(sampleDocument());
    const first = commands.open();
    await vi.waitFor(() => expect(pickPath).toHaveBeenCalledTimes(1));
    await commands.open();
    await commands.save();
    expect(pickPath).toHaveBeenCalledTimes(1);
    release(null);
    await first;
    expect(calls.map((c) => c.name)).toEqual(['dialog.open']);
  });
});
