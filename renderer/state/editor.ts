import * as history from '../../shared/edits/history';
import type { MediaInfo, OpenedDocument } from '../../shared/ipc/contract';
import { linkMedia } from '../../shared/model/media-ref';
import { applyPatch, type PatchResult, type ProjectPatch } from '../../shared/model/patch';
import { setText } from '../../shared/model/project';
import { segmentAt } from '../../shared/model/timeline';
import type { Project, Segment, SegmentId, Side } from '../../shared/model/types';
import { selection as appSelection, createSelection, type Selection } from './selection';
import { createStore, type Store, useStore } from './store';

/** One document state in the undo history: the project and the revision number naming it. */
export interface Snapshot {
  readonly project: Project;
  readonly revision: number;
}

/** The selection as undo/redo restores it. */
export interface SelectionSnapshot {
  readonly ids: readonly SegmentId[];
  readonly focus: SegmentId | null;
}

export type EditHistory = history.History<Snapshot, SelectionSnapshot>;

/** What an undo or redo did, for the UI (which segment to reveal, what to announce). */
export interface HistoryMove {
  readonly label: string;
  /** Segments whose content differs between the two states, in document order of the new one. */
  readonly changed: readonly SegmentId[];
}

export interface EditorState {
  /** The opened document; its `project` is replaced by every edit. */
  readonly doc: OpenedDocument | null;
  /** Changes whenever another document is opened, so per-document UI (text fields) starts afresh. */
  readonly docSerial: number;
  /** Segment ids in order; the same array as long as no segment is added, removed or moved. */
  readonly ids: readonly SegmentId[];
  /**
   * Names the document's state: every new edit gets a fresh number; undo and redo bring back the
   * number of the state they restore, so undoing back to the saved state is clean again.
   */
  readonly revision: number;
  /** The revision last written to disk. */
  readonly savedRevision: number;
  readonly dirty: boolean;
  /** Label of the last edit made (undo and redo leave it as it was); undo steps carry the same labels. */
  readonly lastEdit: string | null;
  /** The segment under the playhead, if any. */
  readonly currentId: SegmentId | null;
  /** Undo/redo; lives here (not in a view) so it survives switching views. Reset on open. */
  readonly history: EditHistory;
}

export const emptyEditorState: EditorState = {
  doc: null,
  docSerial: 0,
  ids: [],
  revision: 0,
  savedRevision: 0,
  dirty: false,
  lastEdit: null,
  currentId: null,
  history: history.emptyHistory(),
};

export interface Editor {
  readonly store: Store<EditorState>;
  get(): EditorState;
  /** Show a freshly opened document; it starts clean. */
  openDocument(doc: OpenedDocument): void;
  /**
   * The one way to change the project: every edit goes through here with a label, and becomes an
   * undo step here. `fn` must be a pure project operation; returning the same project means nothing
   * changed. Returns whether the project changed.
   */
  applyEdit(label: string, fn: (project: Project) => Project, options?: EditOptions): boolean;
  /**
   * A host's answer to a call that changes the document (shared/model/patch.ts), applied to the
   * project as it is now, as one undo step. Null when no document is open.
   */
  applyPatch(label: string, patch: ProjectPatch): PatchResult | null;
  /** Typing: edits of one field coalesce into one undo step until blur or a pause (COALESCE_MS). */
  editText(id: SegmentId, side: Side, text: string): boolean;
  /** Typing in one field is one undo step until the field loses focus: the grid calls this on blur. */
  closeEditGroup(): void;
  /** Back one step; restores the selection of that time. Null when there is nothing to undo. */
  undo(): HistoryMove | null;
  redo(): HistoryMove | null;
  /** A save of `revision` of document `docSerial` to `path` finished. Later edits keep it dirty. */
  markSaved(saved: { docSerial: number; revision: number; path: string }): void;
  /** Media chosen for a document that had none (also recorded in the project, as an edit). */
  attachMedia(docSerial: number, media: MediaInfo): void;
  /** Where playback is; updates the current segment when it changes. */
  updatePlayhead(ms: number): void;
}

export interface EditOptions {
  /** Edits with the same group coalesce into one undo step while it stays open (see history.record). */
  group?: string | null;
  /** False for changes that are not the user's text or timing (linking media): no undo step. */
  undoable?: boolean;
}

export interface EditorDeps {
  /** The selection undo/redo saves and restores. */
  selection?: Selection;
  /** The clock for coalescing (tests pass their own). */
  now?: () => number;
}

/** Ids whose segment object differs between two projects (added, changed or removed), new order first. */
function changedIds(before: Project, after: Project): SegmentId[] {
  const old = new Map(before.segments.map((s) => [s.id, s]));
  const out: SegmentId[] = [];
  for (const s of after.segments) {
    if (old.get(s.id) !== s) out.push(s.id);
    old.delete(s.id);
  }
  return [...out, ...old.keys()];
}

function sameIds(ids: readonly SegmentId[], segments: readonly Segment[]): boolean {
  if (ids.length !== segments.length) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== segments[i]?.id) return false;
  return true;
}

export function createEditor(initial: EditorState = emptyEditorState, deps: EditorDeps = {}): Editor {
  const store = createStore(initial);
  const selection = deps.selection ?? createSelection();
  const now = deps.now ?? (() => Date.now());
  let playheadMs = 0;
  // Within a document, revision numbers are never reused, so a number always names one state.
  let lastRevision = initial.revision;

  const selectionNow = (): SelectionSnapshot => {
    const s = selection.get();
    return { ids: [...s.ids], focus: s.focus };
  };

  const currentAt = (project: Project | undefined, ms: number): SegmentId | null =>
    project ? (segmentAt(project, ms)?.id ?? null) : null;

  /** Show `project` as revision `revision` (an edit, undo or redo). */
  function show(s: EditorState, project: Project, revision: number, hist: EditHistory, label: string | null): void {
    if (!s.doc) return;
    // Text edits keep the id list (and so the list component) as it is.
    const ids = sameIds(s.ids, project.segments) ? s.ids : project.segments.map((seg) => seg.id);
    store.set({
      ...s,
      doc: { ...s.doc, project },
      ids,
      revision,
      dirty: revision !== s.savedRevision,
      lastEdit: label ?? s.lastEdit,
      history: hist,
      // Only a structural change can move the playhead's segment; text edits cannot.
      currentId: ids === s.ids ? s.currentId : currentAt(project, playheadMs),
    });
  }

  function applyEdit(label: string, fn: (project: Project) => Project, options: EditOptions = {}): boolean {
    const s = store.get();
    if (!s.doc) return false;
    const before = s.doc.project;
    const after = fn(before);
    if (after === before) return false;
    lastRevision += 1;
    if (options.undoable === false) {
      show(s, after, lastRevision, s.history, label);
      return true;
    }
    const hist = history.record(
      s.history,
      {
        label,
        before: { project: before, revision: s.revision },
        after: { project: after, revision: lastRevision },
        meta: selectionNow(),
      },
      { group: options.group ?? null, now: now() },
    );
    show(s, after, lastRevision, hist, label);
    return true;
  }

  function restoreSelection(meta: SelectionSnapshot, project: Project): void {
    const existing = new Set(project.segments.map((seg) => seg.id));
    const ids = meta.ids.filter((id) => existing.has(id));
    const focus = meta.focus !== null && existing.has(meta.focus) ? meta.focus : (ids.at(-1) ?? null);
    selection.set(ids, focus);
  }

  function move(direction: 'undo' | 'redo'): HistoryMove | null {
    const s = store.get();
    if (!s.doc) return null;
    const moved = direction === 'undo' ? history.undo(s.history, selectionNow()) : history.redo(s.history);
    if (!moved) return null;
    const { step } = moved;
    const from = direction === 'undo' ? step.after : step.before;
    const to = direction === 'undo' ? step.before : step.after;
    // The linked media is not part of undo: it stays what the user last chose.
    const current = s.doc.project.media;
    const project = to.project.media === current ? to.project : { ...to.project, media: current };
    show(s, project, to.revision, moved.history, null);
    restoreSelection(direction === 'undo' ? step.metaBefore : step.metaAfter, project);
    return { label: step.label, changed: changedIds(from.project, project) };
  }

  return {
    store,
    get: store.get,
    openDocument(doc) {
      const s = store.get();
      playheadMs = 0;
      // A new document starts at revision 0; markSaved checks docSerial, so numbers of the last
      // document cannot be mistaken for this one's.
      lastRevision = 0;
      store.set({
        ...emptyEditorState,
        doc,
        docSerial: s.docSerial + 1,
        ids: doc.project.segments.map((seg) => seg.id),
        currentId: currentAt(doc.project, 0),
      });
    },
    applyEdit,
    applyPatch(label, patch) {
      let result: PatchResult | null = null;
      applyEdit(label, (project) => {
        result = applyPatch(project, patch);
        return result.project;
      });
      return result;
    },
    editText(id, side, text) {
      return applyEdit(`edit-${side}`, (project) => setText(project, id, side, text), {
        group: `text:${id}:${side}`,
      });
    },
    closeEditGroup() {
      const s = store.get();
      const hist = history.closeGroup(s.history);
      if (hist !== s.history) store.set({ ...s, history: hist });
    },
    undo: () => move('undo'),
    redo: () => move('redo'),
    markSaved({ docSerial, revision, path }) {
      const s = store.get();
      if (!s.doc || s.docSerial !== docSerial) return;
      store.set({
        ...s,
        // It is a .zimu project now, whatever it was imported from.
        doc: { ...s.doc, path, sourcePath: path, format: 'zimu', encoding: null, encodingConfidence: null },
        savedRevision: revision,
        dirty: s.revision !== revision,
      });
    },
    attachMedia(docSerial, media) {
      const s = store.get();
      if (!s.doc || s.docSerial !== docSerial) return;
      store.set({ ...s, doc: { ...s.doc, media } });
      applyEdit('set-media', (project) => linkMedia(project, media), { undoable: false });
    },
    updatePlayhead(ms) {
      playheadMs = ms;
      const s = store.get();
      const currentId = currentAt(s.doc?.project, ms);
      if (currentId !== s.currentId) store.set({ ...s, currentId });
    },
  };
}

/** The app's editor. Tests make their own with createEditor(). */
export const editor = createEditor(emptyEditorState, { selection: appSelection });

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editor.store, selector);
}
