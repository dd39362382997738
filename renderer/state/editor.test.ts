import { describe, expect, it, vi } from 'vitest';
import { deleteSegments, insertSegment, setTiming } from '../../shared/model/project';
import { sampleDocument } from '../test/fixtures';
import { createEditor } from './editor';
import { createSelection } from './selection';
import { createStore } from './store';

describe('createStore', () => {
  it('notifies listeners only when the state object changes', () => {
    const store = createStore({ n: 1 });
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.set(store.get());
    expect(listener).not.toHaveBeenCalled();
    store.update((s) => ({ n: s.n + 1 }));
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    store.set({ n: 5 });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get()).toEqual({ n: 5 });
  });
});

describe('editor', () => {
  it('opens a document clean, with its ids and the segment at 0 ms current', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    const s = editor.get();
    expect(s.ids).toEqual(['s1', 's2', 's3', 's4']);
    expect(s.dirty).toBe(false);
    expect(s.revision).toBe(s.savedRevision);
    expect(s.history.past).toHaveLength(0);
    expect(s.docSerial).toBe(1);
    expect(s.currentId).toBe('s1');
  });

  it('edits text through setText: dirty, new revision, same id list', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    const before = editor.get();
    expect(editor.editText('s2', 'source', '各位来宾，欢迎')).toBe(true);
    const after = editor.get();
    expect(after.doc?.project.segments[1]?.source).toBe('各位来宾，欢迎');
    expect(after.dirty).toBe(true);
    expect(after.revision).not.toBe(before.revision);
    expect(after.lastEdit).toBe('edit-source');
    // The list component depends on ids: a text edit must not give it a new array.
    expect(after.ids).toBe(before.ids);
    // Untouched segments keep their identity, so their rows do not re-render.
    expect(after.doc?.project.segments[0]).toBe(before.doc?.project.segments[0]);
    editor.editText('s2', 'translation', 'Dear guests');
    expect(editor.get().doc?.project.segments[1]?.translation).toBe('Dear guests');
    expect(editor.get().lastEdit).toBe('edit-translation');
  });

  it('ignores an edit that changes nothing', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    const listener = vi.fn();
    editor.store.subscribe(listener);
    expect(editor.editText('s1', 'source', '尊敬的各位领导')).toBe(false);
    expect(editor.editText('nope', 'source', 'x')).toBe(false);
    expect(listener).not.toHaveBeenCalled();
    expect(editor.get().dirty).toBe(false);
  });

  it('does nothing without a document', () => {
    const editor = createEditor();
    expect(editor.applyEdit('x', (p) => p)).toBe(false);
    expect(editor.editText('s1', 'source', 'x')).toBe(false);
  });

  it('routes structural edits through applyEdit and refreshes the ids and current segment', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    editor.updatePlayhead(1200);
    expect(editor.get().currentId).toBe('s2');
    editor.applyEdit('insert', (p) => insertSegment(p, 's1', { start: 1000, end: 2000, source: '新' }).project);
    expect(editor.get().ids).toEqual(['s1', 's5', 's2', 's3', 's4']);
    // s5 starts at 1000 like s2 and comes first; segmentAt picks the last-starting containing segment.
    expect(editor.get().currentId).toBe('s2');
    editor.applyEdit('delete', (p) => deleteSegments(p, ['s2']));
    expect(editor.get().ids).toEqual(['s1', 's5', 's3', 's4']);
    expect(editor.get().currentId).toBe('s5');
    expect(editor.get().history.past.map((step) => step.label)).toEqual(['insert', 'delete']);
  });

  it('keeps the id list when only timing changes', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    const ids = editor.get().ids;
    editor.applyEdit('retime', (p) => setTiming(p, 's4', 5000, 6000));
    expect(editor.get().ids).toBe(ids);
  });

  it('marks a save clean unless the user edited while it was being written', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument({ path: null, sourcePath: '/work/talk.srt', format: 'srt' }));
    editor.editText('s1', 'source', 'a');
    const { docSerial, revision } = editor.get();
    editor.editText('s1', 'source', 'ab');
    editor.markSaved({ docSerial, revision, path: '/work/talk.zimu' });
    expect(editor.get().dirty).toBe(true);
    expect(editor.get().doc?.path).toBe('/work/talk.zimu');
    expect(editor.get().doc?.format).toBe('zimu');
    editor.markSaved({ docSerial, revision: editor.get().revision, path: '/work/talk.zimu' });
    expect(editor.get().dirty).toBe(false);
    expect(editor.get().doc?.project.segments[0]?.source).toBe('ab');
  });

  it('ignores a save that finished for a document no longer open', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    editor.editText('s1', 'source', 'a');
    const stale = editor.get().docSerial;
    editor.openDocument(sampleDocument({ path: '/work/other.zimu' }));
    editor.editText('s1', 'source', 'b');
    editor.markSaved({ docSerial: stale, revision: 1, path: '/work/talk.zimu' });
    expect(editor.get().dirty).toBe(true);
    expect(editor.get().doc?.path).toBe('/work/other.zimu');
  });

  it('follows the playhead with segmentAt, emitting only when the segment changes', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    const listener = vi.fn();
    editor.store.subscribe(listener);
    editor.updatePlayhead(500);
    expect(listener).not.toHaveBeenCalled();
    editor.updatePlayhead(1000);
    expect(editor.get().currentId).toBe('s2');
    editor.updatePlayhead(2700);
    expect(editor.get().currentId).toBeNull();
    editor.updatePlayhead(3999);
    expect(editor.get().currentId).toBe('s3');
    expect(listener).toHaveBeenCalledTimes(3);
  });

  it('links media to the document and records it in the project as an edit', () => {
    const editor = createEditor();
    editor.openDocument(sampleDocument());
    const media = {
      id: 'm1',
      url: '/media/m1',
      path: '/work/talk.opus',
      playPath: '/work/talk.opus',
      remuxed: false,
      durationMs: 4000,
      audioTracks: [],
      video: null,
      audioTrack: 0,
      bilibili: null,
    };
    editor.attachMedia(editor.get().docSerial, media);
    expect(editor.get().doc?.media).toEqual(media);
    expect(editor.get().doc?.project.media).toEqual({ path: '/work/talk.opus' });
    expect(editor.get().dirty).toBe(true);
    expect(editor.get().lastEdit).toBe('set-media');
    // Not an undo step, and undoing an earlier edit keeps the media linked.
    expect(editor.get().history.past).toHaveLength(0);
    editor.editText('s1', 'source', 'x');
    editor.undo();
    expect(editor.get().doc?.project.media).toEqual({ path: '/work/talk.opus' });
    expect(editor.get().doc?.project.segments[0]?.source).toBe('尊敬的各位领导');
  });
});

describe('editor history', () => {
  const setup = () => {
    let clock = 0;
    const selection = createSelection();
    const editor = createEditor(undefined, { selection, now: () => clock });
    editor.openDocument(sampleDocument());
    return {
      editor,
      selection,
      tick: (ms: number) => {
        clock += ms;
      },
      source: (i: number) => editor.get().doc?.project.segments[i]?.source,
    };
  };

  it('makes typing in one field one step until blur, and undo restores the text before it', () => {
    const { editor, source, tick } = setup();
    editor.editText('s2', 'source', '各位来宾，');
    tick(200);
    editor.editText('s2', 'source', '各位来宾，欢迎');
    expect(editor.get().history.past).toHaveLength(1);
    editor.closeEditGroup();
    tick(10);
    editor.editText('s2', 'source', '各位来宾，欢迎！');
    expect(editor.get().history.past).toHaveLength(2);
    expect(editor.undo()?.changed).toEqual(['s2']);
    expect(source(1)).toBe('各位来宾，欢迎');
    editor.undo();
    expect(source(1)).toBe('各位来宾');
    expect(editor.get().dirty).toBe(false);
    expect(editor.undo()).toBeNull();
  });

  it('starts a new step after a pause in typing or in another field', () => {
    const { editor, tick } = setup();
    editor.editText('s1', 'source', 'a');
    tick(1500);
    editor.editText('s1', 'source', 'ab');
    editor.editText('s1', 'translation', 'x');
    editor.editText('s1', 'source', 'abc');
    expect(editor.get().history.past).toHaveLength(4);
  });

  it('tracks dirty by revision: undo to the saved state is clean, redo past it dirty again', () => {
    const { editor } = setup();
    editor.editText('s1', 'source', 'a');
    editor.closeEditGroup();
    const { docSerial, revision } = editor.get();
    editor.markSaved({ docSerial, revision, path: '/work/talk.zimu' });
    expect(editor.get().dirty).toBe(false);
    editor.applyEdit('delete', (p) => deleteSegments(p, ['s3']));
    expect(editor.get().dirty).toBe(true);
    editor.undo();
    expect(editor.get().dirty).toBe(false);
    editor.undo();
    expect(editor.get().dirty).toBe(true);
    editor.redo();
    expect(editor.get().dirty).toBe(false);
    editor.redo();
    expect(editor.get().ids).toEqual(['s1', 's2', 's4']);
    expect(editor.get().dirty).toBe(true);
  });

  it('clears redo on a new edit and restores the selection of each state', () => {
    const { editor, selection } = setup();
    selection.select('s3');
    editor.applyEdit('delete', (p) => deleteSegments(p, ['s3']));
    selection.select('s2');
    editor.undo();
    expect([...selection.get().ids]).toEqual(['s3']);
    expect(editor.get().ids).toEqual(['s1', 's2', 's3', 's4']);
    selection.select('s1');
    // Redo brings back the selection as it was when the step was undone.
    editor.redo();
    expect([...selection.get().ids]).toEqual(['s2']);
    editor.undo();
    editor.editText('s1', 'source', 'new');
    expect(editor.redo()).toBeNull();
    expect(editor.get().history.future).toHaveLength(0);
  });

  it('starts a fresh history for a newly opened document', () => {
    const { editor } = setup();
    editor.editText('s1', 'source', 'a');
    editor.openDocument(sampleDocument());
    expect(editor.undo()).toBeNull();
    expect(editor.get().dirty).toBe(false);
  });
});
