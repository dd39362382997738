import type { MediaInfo, OpenedDocument } from '../../shared/ipc/contract';
import { linkMedia } from '../../shared/model/media-ref';
import { setText } from '../../shared/model/project';
import { segmentAt } from '../../shared/model/timeline';
import type { Project, Segment, SegmentId, Side } from '../../shared/model/types';
import { createStore, type Store, useStore } from './store';

export interface EditorState {
  /** The opened document; its `project` is replaced by every edit. */
  readonly doc: OpenedDocument | null;
  /** Changes whenever another document is opened, so per-document UI (text fields) starts afresh. */
  readonly docSerial: number;
  /** Segment ids in order; the same array as long as no segment is added, removed or moved. */
  readonly ids: readonly SegmentId[];
  /** Counts edits since the document was opened. */
  readonly revision: number;
  /** The revision last written to disk. */
  readonly savedRevision: number;
  readonly dirty: boolean;
  /** Label of the last edit (the undo history of a later issue keys on these). */
  readonly lastEdit: string | null;
  /** The segment under the playhead, if any. */
  readonly currentId: SegmentId | null;
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
};

export interface Editor {
  readonly store: Store<EditorState>;
  get(): EditorState;
  /** Show a freshly opened document; it starts clean. */
  openDocument(doc: OpenedDocument): void;
  /**
   * The one way to change the project: every edit goes through here with a label, so history
   * (undo/redo) can be added in one place. `fn` must be a pure project operation; returning the same
   * project means nothing changed. Returns whether the project changed.
   */
  applyEdit(label: string, fn: (project: Project) => Project): boolean;
  editText(id: SegmentId, side: Side, text: string): boolean;
  /** Typing in one field is one undo step until the field loses focus: the grid calls this on blur. */
  closeEditGroup(): void;
  /** A save of `revision` of document `docSerial` to `path` finished. Later edits keep it dirty. */
  markSaved(saved: { docSerial: number; revision: number; path: string }): void;
  /** Media chosen for a document that had none (also recorded in the project, as an edit). */
  attachMedia(docSerial: number, media: MediaInfo): void;
  /** Where playback is; updates the current segment when it changes. */
  updatePlayhead(ms: number): void;
}

function sameIds(ids: readonly SegmentId[], segments: readonly Segment[]): boolean {
  if (ids.length !== segments.length) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] !== segments[i]?.id) return false;
  return true;
}

export function createEditor(initial: EditorState = emptyEditorState): Editor {
  const store = createStore(initial);
  let playheadMs = 0;

  const currentAt = (project: Project | undefined, ms: number): SegmentId | null =>
    project ? (segmentAt(project, ms)?.id ?? null) : null;

  function applyEdit(label: string, fn: (project: Project) => Project): boolean {
    const s = store.get();
    if (!s.doc) return false;
    const before = s.doc.project;
    const after = fn(before);
    if (after === before) return false;
    // Text edits keep the id list (and so the list component) as it is.
    const ids = sameIds(s.ids, after.segments) ? s.ids : after.segments.map((seg) => seg.id);
    store.set({
      ...s,
      doc: { ...s.doc, project: after },
      ids,
      revision: s.revision + 1,
      dirty: true,
      lastEdit: label,
      // Only a structural change can move the playhead's segment; text edits cannot.
      currentId: ids === s.ids ? s.currentId : currentAt(after, playheadMs),
    });
    return true;
  }

  return {
    store,
    get: store.get,
    openDocument(doc) {
      const s = store.get();
      playheadMs = 0;
      store.set({
        ...emptyEditorState,
        doc,
        docSerial: s.docSerial + 1,
        ids: doc.project.segments.map((seg) => seg.id),
        currentId: currentAt(doc.project, 0),
      });
    },
    applyEdit,
    editText(id, side, text) {
      return applyEdit(`edit-${side}`, (project) => setText(project, id, side, text));
    },
    closeEditGroup() {
      // Nothing to close until the undo history lands; kept so callers already mark the boundary.
    },
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
      applyEdit('set-media', (project) => linkMedia(project, media));
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
export const editor = createEditor();

export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(editor.store, selector);
}
