import type { CommandSubset } from '../../../shared/commands/table';
import { indexOfSegment } from '../../../shared/model/project';
import {
  deleteSegments,
  insertNear,
  mergeSegments,
  nudgeEdge,
  type OpResult,
  setEdge,
  shiftTimes,
  snapEdge,
  splitSegment,
} from '../../../shared/model/segment-ops';
import type { Project, SegmentId, Side } from '../../../shared/model/types';
import type { Editor } from '../../state/editor';
import type { FieldFocus } from '../../state/fields';
import type { Reveal } from '../../state/reveal';
import type { Selection } from '../../state/selection';

export type { FieldFocus };

/** What the commands need to know about the page, outside the stores (the DOM, the player). */
export interface EditContext {
  focusedField(): FieldFocus | null;
  /** The playhead in ms, or null without media. */
  playheadMs(): number | null;
  /** Put the text cursor in a field once the command's rows are on screen; offset null = keep it where it is. */
  focusField(id: SegmentId, side: Side, offset: number | null): void;
  seek(ms: number): void;
}

/** The commands of the table that edit the document or move between segments. */
export type EditAction = CommandSubset<
  | 'split'
  | 'merge'
  | 'insert-after'
  | 'insert-before'
  | 'delete'
  | 'set-start'
  | 'set-end'
  | 'start-minus-10'
  | 'start-plus-10'
  | 'start-minus-100'
  | 'start-plus-100'
  | 'end-minus-10'
  | 'end-plus-10'
  | 'end-minus-100'
  | 'end-plus-100'
  | 'snap-start'
  | 'snap-end'
  | 'undo'
  | 'redo'
  | 'prev-segment'
  | 'next-segment'
  | 'switch-field'
>;

const NUDGES: Partial<Record<EditAction, ['start' | 'end', number]>> = {
  'start-minus-10': ['start', -10],
  'start-plus-10': ['start', 10],
  'start-minus-100': ['start', -100],
  'start-plus-100': ['start', 100],
  'end-minus-10': ['end', -10],
  'end-plus-10': ['end', 10],
  'end-minus-100': ['end', -100],
  'end-plus-100': ['end', 100],
};

export interface EditCommands {
  /** Run an action; returns whether it applied (false: nothing to act on, or nothing changed). */
  run(action: EditAction): boolean;
  /** Shift the selected segments (or all when `scope` is 'all') by `deltaMs`, clamped at 0. */
  shift(deltaMs: number, scope: 'selected' | 'all'): boolean;
  /** The segment single-segment commands act on: the focused field's, else the selection's focus. */
  target(): SegmentId | null;
  /** The segments multi-segment commands act on, in document order. */
  targets(): SegmentId[];
}

/**
 * The editing commands behind the keyboard, toolbar and menus. Each is one editor.applyEdit, so one
 * undo step; each leaves the selection on the segments it produced so undo/redo can restore it.
 */
export function createEditCommands(deps: {
  editor: Editor;
  selection: Selection;
  reveal: Reveal;
  context: EditContext;
}): EditCommands {
  const { editor, selection, reveal, context } = deps;
  const project = (): Project | null => editor.get().doc?.project ?? null;

  const target = (): SegmentId | null => {
    const p = project();
    if (!p) return null;
    const candidates = [context.focusedField()?.id, selection.get().focus, editor.get().currentId];
    return candidates.find((id): id is SegmentId => !!id && indexOfSegment(p, id) >= 0) ?? null;
  };

  const targets = (): SegmentId[] => {
    const p = project();
    if (!p) return [];
    const chosen = selection.get().ids;
    const field = context.focusedField()?.id;
    // A focused field outside the selection means the user moved on: act on that segment.
    if (chosen.size === 0 || (field && !chosen.has(field))) {
      const one = target();
      return one ? [one] : [];
    }
    return p.segments.filter((s) => chosen.has(s.id)).map((s) => s.id);
  };

  /** Apply an operation that returns what to select; select and reveal the first of it. */
  function applyOp(label: string, op: (p: Project) => OpResult, field: Side | null, offset: number | null): boolean {
    let select: readonly SegmentId[] = [];
    const changed = editor.applyEdit(label, (p) => {
      const result = op(p);
      select = result.select;
      return result.project;
    });
    if (changed && select.length > 0) {
      selection.set(select, select.at(-1) ?? null);
      const first = select.at(-1) as SegmentId;
      if (field) context.focusField(first, field, offset);
      else reveal.request(first, null);
    }
    return changed;
  }

  /** Retime one segment; the selection is left as it is. */
  function retime(label: string, fn: (p: Project, id: SegmentId) => Project): boolean {
    const id = target();
    if (!id) return false;
    return editor.applyEdit(label, (p) => fn(p, id));
  }

  function step(direction: 1 | -1): boolean {
    const p = project();
    const id = target();
    if (!p || p.segments.length === 0) return false;
    const index = id ? indexOfSegment(p, id) : direction > 0 ? -1 : p.segments.length;
    const next = p.segments[Math.max(0, Math.min(p.segments.length - 1, index + direction))];
    if (!next) return false;
    selection.select(next.id);
    const field = context.focusedField()?.side ?? null;
    if (field) context.focusField(next.id, field, null);
    else reveal.request(next.id, null);
    if (next.start !== null && context.playheadMs() !== null) context.seek(next.start);
    return true;
  }

  function historyMove(direction: 'undo' | 'redo'): boolean {
    const field = context.focusedField();
    editor.closeEditGroup();
    const moved = direction === 'undo' ? editor.undo() : editor.redo();
    if (!moved) return false;
    const first = moved.changed[0];
    const exists = (id: SegmentId) => {
      const p = project();
      return !!p && indexOfSegment(p, id) >= 0;
    };
    // Back in the field the user was typing in, if it still exists; else show what changed.
    if (field && exists(field.id)) context.focusField(field.id, field.side, null);
    else if (first && exists(first)) reveal.request(first, null);
    return true;
  }

  const commands: EditCommands = {
    target,
    targets,
    shift(deltaMs, scope) {
      const ids = scope === 'all' ? undefined : targets();
      if (ids && ids.length === 0) return false;
      return editor.applyEdit(scope === 'all' ? 'shift-all' : 'shift-selected', (p) =>
        shiftTimes(p, Math.round(deltaMs), ids),
      );
    },
    run(action) {
      const nudge = NUDGES[action];
      if (nudge) return retime(action, (p, id) => nudgeEdge(p, id, nudge[0], nudge[1]));
      switch (action) {
        case 'undo':
        case 'redo':
          return historyMove(action);
        case 'split': {
          const field = context.focusedField();
          if (!field) return false;
          const at = { side: field.side, offset: field.offset, playheadMs: context.playheadMs() };
          return applyOp('split', (p) => splitSegment(p, field.id, at), field.side, 0);
        }
        case 'merge': {
          const ids = targets();
          const field = context.focusedField()?.side ?? null;
          return applyOp('merge', (p) => mergeSegments(p, ids), field, null);
        }
        case 'insert-after':
        case 'insert-before': {
          const id = target();
          const where = action === 'insert-after' ? 'after' : 'before';
          return applyOp(action, (p) => insertNear(p, id, where), 'source', 0);
        }
        case 'delete': {
          const ids = targets();
          const p = project();
          if (!p || ids.length === 0) return false;
          // Select the segment that takes the deleted ones' place, so Delete can be pressed again.
          const last = Math.max(...ids.map((id) => indexOfSegment(p, id)));
          const gone = new Set(ids);
          const after = p.segments.slice(last + 1).find((s) => !gone.has(s.id));
          const before = p.segments.slice(0, last).findLast((s) => !gone.has(s.id));
          const next = after ?? before;
          const changed = editor.applyEdit('delete', (q) => deleteSegments(q, ids));
          if (changed) {
            if (next) {
              selection.select(next.id);
              reveal.request(next.id, null);
            } else selection.clear();
          }
          return changed;
        }
        case 'set-start':
        case 'set-end': {
          const ms = context.playheadMs();
          if (ms === null) return false;
          return retime(action, (p, id) => setEdge(p, id, action === 'set-start' ? 'start' : 'end', ms));
        }
        case 'snap-start':
          return retime(action, (p, id) => snapEdge(p, id, 'start'));
        case 'snap-end':
          return retime(action, (p, id) => snapEdge(p, id, 'end'));
        case 'prev-segment':
          return step(-1);
        case 'next-segment':
          return step(1);
        case 'switch-field': {
          const field = context.focusedField();
          const id = field?.id ?? target();
          if (!id) return false;
          context.focusField(id, field?.side === 'source' ? 'translation' : 'source', null);
          return true;
        }
      }
      return false;
    },
  };
  return commands;
}
