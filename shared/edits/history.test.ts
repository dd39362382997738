import { describe, expect, it } from 'vitest';
import { COALESCE_MS, closeGroup, emptyHistory, type History, record, redo, undo } from './history';

type H = History<string, string>;
const change = (before: string, after: string, label = 'edit') => ({ label, before, after, meta: `sel:${before}` });

describe('history', () => {
  it('undoes and redoes steps in order, returning the states and the UI state to restore', () => {
    let h: H = emptyHistory();
    h = record(h, change('a', 'b'), { now: 0 });
    h = record(h, change('b', 'c'), { now: 10 });
    const u1 = undo(h, 'sel-now');
    expect(u1?.step.before).toBe('b');
    expect(u1?.step.metaBefore).toBe('sel:b');
    const u2 = u1 && undo(u1.history, 'sel-later');
    expect(u2?.step.before).toBe('a');
    expect(u2 && undo(u2.history, 'x')).toBeNull();
    const r1 = u2 && redo(u2.history);
    expect(r1?.step.after).toBe('b');
    expect(r1?.step.metaAfter).toBe('sel-later');
    const r2 = r1 && redo(r1.history);
    expect(r2?.step.after).toBe('c');
    expect(r2 && redo(r2.history)).toBeNull();
  });

  it('clears redo when a new edit is made', () => {
    let h: H = emptyHistory();
    h = record(h, change('a', 'b'), { now: 0 });
    h = (undo(h, '')?.history as H) ?? h;
    expect(h.future).toHaveLength(1);
    h = record(h, change('a', 'z'), { now: 5 });
    expect(h.future).toHaveLength(0);
    expect(redo(h)).toBeNull();
  });

  it('coalesces edits of one open group within the pause window into one step', () => {
    let h: H = emptyHistory();
    h = record(h, change('a', 'ab'), { group: 'text:s1:source', now: 0 });
    h = record(h, change('ab', 'abc'), { group: 'text:s1:source', now: COALESCE_MS - 1 });
    h = record(h, change('abc', 'abcd'), { group: 'text:s1:source', now: 2 * COALESCE_MS - 2 });
    expect(h.past).toHaveLength(1);
    expect(h.past[0]?.before).toBe('a');
    expect(h.past[0]?.after).toBe('abcd');
    // A pause starts a new step.
    h = record(h, change('abcd', 'abcde'), { group: 'text:s1:source', now: 3 * COALESCE_MS + 5 });
    expect(h.past).toHaveLength(2);
  });

  it('starts a new step for another group, an ungrouped edit, or after the group was closed', () => {
    let h: H = emptyHistory();
    h = record(h, change('a', 'b'), { group: 'g1', now: 0 });
    h = record(h, change('b', 'c'), { group: 'g2', now: 1 });
    expect(h.past).toHaveLength(2);
    h = record(h, change('c', 'd'), { now: 2 });
    h = record(h, change('d', 'e'), { group: 'g2', now: 3 });
    expect(h.past).toHaveLength(4);
    h = closeGroup(h);
    h = record(h, change('e', 'f'), { group: 'g2', now: 4 });
    expect(h.past).toHaveLength(5);
    // Undo closes the group too: typing after an undo is a new step.
    const u = undo(h, '');
    const again = record(u?.history as H, change('e', 'g'), { group: 'g2', now: 5 });
    expect(again.past).toHaveLength(5);
    expect(again.past.at(-1)?.before).toBe('e');
  });

  it('keeps any number of steps', () => {
    let h: H = emptyHistory();
    for (let i = 0; i < 5000; i++) h = record(h, change(String(i), String(i + 1)), { now: i });
    let undone = 0;
    for (let u = undo(h, ''); u; u = undo(u.history, '')) undone += 1;
    expect(undone).toBe(5000);
  });
});
