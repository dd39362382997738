import { describe, expect, it } from 'vitest';
import type { SegmentId, Side } from '../../../shared/model/types';
import { createEditor } from '../../state/editor';
import { createReveal } from '../../state/reveal';
import { createSelection } from '../../state/selection';
import { sampleDocument } from '../../test/fixtures';
import { createEditCommands, type EditContext, type FieldFocus } from './edit-commands';

/** The commands on a small document, with a page that is only data. */
function setup(options: { field?: FieldFocus | null; playheadMs?: number | null } = {}) {
  const selection = createSelection();
  const editor = createEditor(undefined, { selection });
  editor.openDocument(sampleDocument());
  const reveal = createReveal();
  const page = {
    field: options.field ?? null,
    playheadMs: options.playheadMs ?? null,
    focused: [] as [SegmentId, Side, number | null][],
    seeks: [] as number[],
  };
  const context: EditContext = {
    focusedField: () => page.field,
    playheadMs: () => page.playheadMs,
    focusField: (id, side, offset) => page.focused.push([id, side, offset]),
    seek: (ms) => page.seeks.push(ms),
  };
  const commands = createEditCommands({ editor, selection, reveal, context });
  const segments = () => editor.get().doc?.project.segments ?? [];
  return { editor, selection, reveal, page, commands, segments };
}

describe('edit commands', () => {
  it('splits the focused field at its cursor, focuses the new part, and undo joins them again', () => {
    const { commands, segments, page, selection, editor } = setup({
      field: { id: 's3', side: 'source', offset: 4 },
      playheadMs: 3500,
    });
    expect(commands.run('split')).toBe(true);
    expect(segments().map((s) => s.source)).toEqual([
      '尊敬的各位领导',
      '各位来宾',
      '欢迎来到',
      '志愿大会',
      '未定时的一句',
    ]);
    // The playhead was inside s3 (3000–4000): the times split there.
    expect([segments()[2]?.end, segments()[3]?.start]).toEqual([3500, 3500]);
    const added = segments()[3]?.id as SegmentId;
    expect(page.focused.at(-1)).toEqual([added, 'source', 0]);
    expect([...selection.get().ids]).toEqual(['s3', added]);
    commands.run('undo');
    expect(segments().map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect(editor.get().dirty).toBe(false);
  });

  it('does not split without a focused field', () => {
    const { commands, editor } = setup();
    expect(commands.run('split')).toBe(false);
    expect(editor.get().history.past).toHaveLength(0);
  });

  it('merges the selection, or the target with the next one', () => {
    const { commands, segments, selection } = setup();
    selection.select('s1');
    commands.run('merge');
    expect(segments()[0]?.source).toBe('尊敬的各位领导各位来宾');
    expect([segments()[0]?.start, segments()[0]?.end]).toEqual([0, 2500]);
    selection.set(['s3', 's4']);
    commands.run('merge');
    expect(segments().map((s) => s.id)).toEqual(['s1', 's3']);
  });

  it('deletes the selected segments in one step and selects the one after them', () => {
    const { commands, segments, selection, editor } = setup();
    selection.select('s1');
    selection.toggle('s2');
    commands.run('delete');
    expect(segments().map((s) => s.id)).toEqual(['s3', 's4']);
    expect(selection.get().focus).toBe('s3');
    commands.run('undo');
    expect(segments().map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    expect([...selection.get().ids]).toEqual(['s1', 's2']);
    expect(editor.get().history.future).toHaveLength(1);
  });

  it('acts on the focused field rather than a stale selection', () => {
    const { commands, segments, selection } = setup({ field: { id: 's3', side: 'translation', offset: 0 } });
    selection.set(['s1', 's2']);
    commands.run('delete');
    expect(segments().map((s) => s.id)).toEqual(['s1', 's2', 's4']);
  });

  it('sets edges at the playhead, nudges and snaps the target segment', () => {
    const { commands, segments, selection } = setup({ playheadMs: 2700 });
    selection.select('s3');
    commands.run('set-start');
    expect(segments()[2]?.start).toBe(2700);
    commands.run('snap-start');
    expect(segments()[2]?.start).toBe(2500);
    commands.run('end-plus-100');
    commands.run('end-minus-10');
    expect(segments()[2]?.end).toBe(4090);
    selection.select('s4');
    // Untimed: nudging has nothing to move and makes no undo step.
    expect(commands.run('start-plus-10')).toBe(false);
  });

  it('does not set an edge without media', () => {
    const { commands, selection } = setup({ playheadMs: null });
    selection.select('s1');
    expect(commands.run('set-end')).toBe(false);
  });

  it('shifts the selected or all segments, one step each', () => {
    const { commands, segments, selection, editor } = setup();
    selection.select('s2');
    commands.shift(-1500, 'selected');
    // Clamped at 0 with its length kept: moved by −1000, not −1500.
    expect([segments()[1]?.start, segments()[1]?.end]).toEqual([0, 1500]);
    commands.shift(250, 'all');
    expect(segments().map((s) => s.start)).toEqual([250, 250, 3250, null]);
    expect(editor.get().history.past.map((s) => s.label)).toEqual(['shift-selected', 'shift-all']);
  });

  it('inserts after the target and puts the cursor in the new source field', () => {
    const { commands, segments, page } = setup({ field: { id: 's2', side: 'translation', offset: 3 } });
    commands.run('insert-after');
    const added = segments()[2];
    expect([added?.start, added?.end]).toEqual([2500, 3000]);
    expect(page.focused.at(-1)).toEqual([added?.id, 'source', 0]);
  });

  it('moves to the next and previous segment, seeking there with media, and switches fields', () => {
    const { commands, selection, page } = setup({ field: { id: 's1', side: 'source', offset: 0 }, playheadMs: 0 });
    commands.run('next-segment');
    expect(selection.get().focus).toBe('s2');
    expect(page.focused.at(-1)).toEqual(['s2', 'source', null]);
    expect(page.seeks).toEqual([1000]);
    page.field = { id: 's2', side: 'source', offset: 0 };
    commands.run('switch-field');
    expect(page.focused.at(-1)).toEqual(['s2', 'translation', null]);
    commands.run('prev-segment');
    expect(selection.get().focus).toBe('s1');
  });
});
