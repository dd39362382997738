import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { commandKeysLabel, type Keymap } from '../../shared/commands/keymap';
import { buildMenuModel, menuChords } from '../../shared/commands/menu';
import { commandSpec, type MenuCommandId } from '../../shared/commands/table';
import { ZimuError } from '../../shared/ipc/errors';
import { FileDrop } from '../features/files/FileDrop';
import { Modals } from '../features/files/Modals';
import { basename } from '../features/files/paths';
import { uiRequest } from '../features/files/requests';
import { FindBar } from '../features/find/FindBar';
import { SegmentGrid } from '../features/grid/SegmentGrid';
import { Player } from '../features/player/Player';
import { ErrorBanner } from '../features/status/ErrorBanner';
import { StatusBar } from '../features/status/StatusBar';
import { RecentList } from '../features/toolbar/RecentMenu';
import { Toolbar } from '../features/toolbar/Toolbar';
import { VideoPreview } from '../features/video/VideoPreview';
import { WaveformPanel } from '../features/waveform/WaveformPanel';
import type { Client } from '../platform/client';
import { runCommand } from '../state/commands';
import { editor, useEditor } from '../state/editor';
import { fieldOf } from '../state/fields';
import { notices } from '../state/notices';
import { preferences, usePreferences } from '../state/preferences';
import { useRuntime } from '../state/runtime';
import { selection } from '../state/selection';
import { EditDialogs } from './Dialogs';
import { ErrorBoundary } from './ErrorBoundary';
import { applies, type KeyPlace, shortcutFor } from './shortcuts';

let initialLoad: Promise<void> | null = null;

/** The startup document (once, also under StrictMode's double effects). */
function loadInitialDocument(client: Client): Promise<void> {
  initialLoad ??= client.call('project.initial', {}).then(
    (doc) => editor.openDocument(doc),
    (err: unknown) => {
      // "Nothing to start with" is a normal empty start, not a failure.
      const nothingToOpen = err instanceof ZimuError && err.code === 'not-found' && !err.detail?.file;
      if (!nothingToOpen) notices.error('start', err);
    },
  );
  return initialLoad;
}

export function App() {
  const { t } = useTranslation();
  const runtime = useRuntime();
  const [booted, setBooted] = useState(false);
  const hasDoc = useEditor((s) => s.doc !== null);

  useEffect(() => {
    void loadInitialDocument(runtime.client).finally(() => setBooted(true));
  }, [runtime.client]);

  // The end-to-end tests wait for this, never on sleeps: the startup document is on screen.
  useEffect(() => {
    if (booted) document.documentElement.dataset.ready = 'true';
  }, [booted]);

  // Menu items of the Electron host. Undo in a text field outside the document (the find box) stays
  // that field's own undo.
  useEffect(
    () =>
      runtime.client.on('app.command', ({ command }) => {
        if (applies(commandSpec(command).when, placeOf(document.activeElement))) runCommand(command);
        else nativeEdit(command);
      }),
    [runtime],
  );

  useGlobalKeys();
  useSelectionFromPointer();
  useWindowTitle();
  useUnsavedChangesGuard();

  return (
    <div className="app">
      <Toolbar />
      <ErrorBanner />
      <Player />
      <MediaPanels />
      <FindBar />
      <main className="workspace">
        {!booted ? (
          <p className="workspace-message">{t('app.loading')}</p>
        ) : hasDoc ? (
          <ErrorBoundary>
            <SegmentGrid />
          </ErrorBoundary>
        ) : (
          <EmptyState />
        )}
      </main>
      <StatusBar />
      <Modals />
      <EditDialogs />
      <FileDrop />
    </div>
  );
}

/** The video (which is also the player's media element) and the waveform, for a document with media. */
function MediaPanels() {
  const media = useEditor((s) => s.doc?.media ?? null);
  if (!media) return null;
  return (
    <div className="media-panels" key={media.id}>
      {media.video ? <VideoPreview media={media} /> : null}
      <ErrorBoundary>
        <WaveformPanel media={media} />
      </ErrorBoundary>
    </div>
  );
}

function EmptyState() {
  const { t } = useTranslation();
  const mac = usePreferences((s) => s.info?.platform === 'darwin');
  const keymap = usePreferences((s) => s.keymap);
  return (
    <div className="workspace-message empty-state">
      <span className="empty-mark" aria-hidden="true">
        字
      </span>
      <h1>{t('app.emptyTitle')}</h1>
      <p>{t('app.emptyHint', { shortcut: commandKeysLabel(keymap, 'open', mac) })}</p>
      <RecentList />
    </div>
  );
}

const CONTROLS =
  'input, textarea, select, button, a[href], audio, video, [contenteditable]:not([contenteditable="false"])';
const TEXT_INPUTS =
  'textarea, input:not([type]), input[type="text"], input[type="search"], input[type="number"], [contenteditable]:not([contenteditable="false"])';

/** Where a key was pressed, for the keymap: typing keys belong to text fields. */
function placeOf(target: EventTarget | null): KeyPlace {
  if (!(target instanceof Element)) return 'page';
  if (fieldOf(target)) return 'segment-field';
  if (target.closest(TEXT_INPUTS)) return 'other-field';
  return target.closest(CONTROLS) ? 'control' : 'page';
}

/** A menu command that does not apply where the keyboard is: the field's own editing (its undo). */
function nativeEdit(command: MenuCommandId): void {
  if (command === 'undo' || command === 'redo') document.execCommand(command);
}

let menuChordsFor: { keymap: Keymap; platform: string; chords: ReadonlySet<string> } | null = null;

/**
 * The chords the Electron menu answers with these keys: the main process builds its menu with the
 * same function from the same settings, so the page knows which chords to leave to it.
 */
function desktopMenuChords(keymap: Keymap, platform: string): ReadonlySet<string> {
  if (menuChordsFor?.keymap !== keymap || menuChordsFor.platform !== platform) {
    const chords = menuChords(buildMenuModel({ keymap, platform, language: 'en' }));
    menuChordsFor = { keymap, platform, chords };
  }
  return menuChordsFor.chords;
}

/** The keymap (defaults plus the user's overrides from settings) on every keydown of the page. */
function useGlobalKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const { info, keymap } = preferences.get();
      const platform = info?.platform ?? (/Mac/i.test(navigator.platform) ? 'darwin' : 'linux');
      const mac = platform === 'darwin';
      const action = shortcutFor(
        {
          key: event.key,
          code: event.code,
          ctrlKey: event.ctrlKey,
          metaKey: event.metaKey,
          shiftKey: event.shiftKey,
          altKey: event.altKey,
          isComposing: event.isComposing || event.keyCode === 229,
          mac,
          place: placeOf(event.target),
          modalOpen: uiRequest.get() !== null || document.querySelector('dialog[open]') !== null,
          // Electron's menu has these accelerators and sends app.command.
          menuChords: window.zimu !== undefined ? desktopMenuChords(keymap, platform) : NO_CHORDS,
        },
        keymap,
      );
      if (!action) return;
      event.preventDefault();
      runCommand(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

const NO_CHORDS: ReadonlySet<string> = new Set();

/**
 * Selection from the text fields: a click in a row's field selects the row (Shift extends,
 * Ctrl/⌘ toggles), focus entering a row's field selects it unless it is already selected, and a
 * field losing focus ends its typing undo step.
 */
function useSelectionFromPointer(): void {
  useEffect(() => {
    const rowOf = (target: EventTarget | null) =>
      target instanceof Element ? (target.closest<HTMLElement>('[data-segment-id]')?.dataset.segmentId ?? null) : null;
    // A click already chose the selection; the focus it moves must not undo a Ctrl+click.
    let clicked = false;
    const onPointerDown = (event: PointerEvent) => {
      const id = rowOf(event.target);
      // Presses outside the fields are the grid's own (it selects and seeks): only fields are handled here.
      if (!id || !(event.target instanceof Element && fieldOf(event.target))) return;
      clicked = true;
      setTimeout(() => {
        clicked = false;
      }, 0);
      const mac = preferences.get().info?.platform === 'darwin';
      if (event.shiftKey) selection.extendTo(id, editor.get().ids);
      else if (mac ? event.metaKey : event.ctrlKey) selection.toggle(id);
      else selection.select(id);
    };
    const onFocusIn = (event: FocusEvent) => {
      const id = rowOf(event.target);
      if (id && !clicked && !selection.get().ids.has(id)) selection.select(id);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (fieldOf(event.target as Element | null)) editor.closeEditGroup();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}

function useWindowTitle(): void {
  const { t } = useTranslation();
  const name = useEditor((s) => (s.doc ? basename(s.doc.path ?? s.doc.sourcePath) : null));
  const dirty = useEditor((s) => s.dirty);
  useEffect(() => {
    document.title = name ? `${dirty ? '● ' : ''}${name} — ${t('app.title')}` : t('app.title');
  }, [name, dirty, t]);
}

/**
 * Closing or reloading with unsaved edits asks first: the browser asks itself; in Electron the veto
 * reaches the main process, which asks with a native dialog (electron/main/close-guard.ts).
 */
function useUnsavedChangesGuard(): void {
  const dirty = useEditor((s) => s.dirty);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
