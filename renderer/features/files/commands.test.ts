import { describe, expect, it, vi } from 'vitest';
import type { CallArgs, CallName, CallResult } from '../../../shared/ipc/contract';
import { ZimuError } from '../../../shared/ipc/errors';
import type { Client } from '../../platform/client';
import { createEditor } from '../../state/editor';
import { createNotices } from '../../state/notices';
import { sampleDocument } from '../../test/fixtures';
import { createFileCommands, type FileUi } from './commands';

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

function setup(answers: Answers, ui: Partial<FileUi> = {}) {
  const editor = createEditor();
  const notices = createNotices();
  const { client, calls } = fakeClient(answers);
  const fullUi: FileUi = {
    pickPath: vi.fn(async () => null),
    confirmDiscard: vi.fn(async () => false),
    exportOptions: vi.fn(async (d) => d),
    ...ui,
  };
  const commands = createFileCommands({ client, editor, notices, ui: fullUi });
  return { editor, notices, commands, calls, ui: fullUi };
}

const webDialogs: Answers = {
  'dialog.open': () => ({ supported: false, path: null }),
  'dialog.save': () => ({ supported: false, path: null }),
};

describe('file commands', () => {
  it('saves to the document path and marks it clean', async () => {
    const { editor, commands, calls } = setup({ 'project.save': ({ path }) => ({ path }) });
    editor.openDocument(sampleDocument());
    editor.editText('s2', 'source', '各位来宾，欢迎');
    await commands.run('save');
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
        throw new ZimuError('io-error', 'cannot write: permission denied', { file: '/work/talk.zimu' });
      },
    });
    editor.openDocument(sampleDocument());
    editor.editText('s1', 'translation', 'Dear leaders');
    await commands.save();
    expect(editor.get().dirty).toBe(true);
    expect(editor.get().doc?.project.segments[0]?.translation).toBe('Dear leaders');
    expect(notices.store.get().errors).toEqual([
      { id: expect.any(Number), key: 'save', detail: '/work/talk.zimu: cannot write: permission denied' },
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
    expect(calls).toHaveLength(0);
    expect(editor.get().doc?.project.segments[0]?.source).toBe('changed');
  });

  it('keeps the current document when opening fails', async () => {
    const { editor, notices, commands } = setup({
      'project.open': () => {
        throw new ZimuError('parse-error', 'not a valid subtitle file', { file: '/x.srt', line: 3 });
      },
    });
    editor.openDocument(sampleDocument());
    const doc = editor.get().doc;
    await commands.openPath('/x.srt');
    expect(editor.get().doc).toBe(doc);
    expect(notices.store.get().errors[0]?.detail).toBe('/x.srt:3: not a valid subtitle file');
  });

  it('exports with the chosen format and layout to a path with the right extension', async () => {
    const { editor, notices, commands, calls } = setup(
      {
        ...webDialogs,
        'project.export': ({ path }) => ({ path, cues: 3, warnings: [] }),
      },
      {
        exportOptions: async () => ({ format: 'vtt', layout: 'bilingual-translation-first' }),
        pickPath: async () => '/work/talk.srt',
      },
    );
    editor.openDocument(sampleDocument());
    await commands.run('export');
    const exportCall = calls.find((c) => c.name === 'project.export');
    expect(exportCall?.args).toMatchObject({
      path: '/work/talk.vtt',
      format: 'vtt',
      layout: 'bilingual-translation-first',
    });
    expect(calls.find((c) => c.name === 'dialog.save')?.args).toEqual({
      filter: 'subtitle-export',
      defaultPath: '/work/talk.vtt',
    });
    expect(notices.store.get().info).not.toBeNull();
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
