import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZimuError } from '../../shared/ipc/errors';
import { FileDrop } from '../features/files/FileDrop';
import { Modals } from '../features/files/Modals';
import { basename } from '../features/files/paths';
import { uiRequest } from '../features/files/requests';
import { SegmentGrid } from '../features/grid/SegmentGrid';
import { Player } from '../features/player/Player';
import { ErrorBanner } from '../features/status/ErrorBanner';
import { StatusBar } from '../features/status/StatusBar';
import { Toolbar } from '../features/toolbar/Toolbar';
import { VideoPreview } from '../features/video/VideoPreview';
import { WaveformPanel } from '../features/waveform/WaveformPanel';
import type { Client } from '../platform/client';
import { editor, useEditor } from '../state/editor';
import { notices } from '../state/notices';
import { togglePlay } from '../state/playback';
import { preferences, usePreferences } from '../state/preferences';
import { ErrorBoundary } from './ErrorBoundary';
import { type Runtime, useRuntime } from './runtime';
import { shortcutFor, shortcutLabel } from './shortcuts';

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

  // Menu items of the Electron host.
  useEffect(() => runtime.client.on('app.command', ({ command }) => void runtime.commands.run(command)), [runtime]);

  useGlobalKeys(runtime);
  useWindowTitle();
  useUnsavedChangesGuard();

  return (
    <div className="app">
      <Toolbar />
      <ErrorBanner />
      <Player />
      <MediaPanels />
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
  return (
    <div className="workspace-message empty-state">
      <span className="empty-mark" aria-hidden="true">
        字
      </span>
      <h1>{t('app.emptyTitle')}</h1>
      <p>{t('app.emptyHint', { shortcut: shortcutLabel('o', { mac }) })}</p>
    </div>
  );
}

const CONTROLS =
  'input, textarea, select, button, a[href], audio, video, [contenteditable]:not([contenteditable="false"])';

/** Ctrl/⌘+O, S, Shift+S, E for the file commands; Space plays and pauses outside text fields. */
function useGlobalKeys(runtime: Runtime): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const info = preferences.get().info;
      const action = shortcutFor({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        isComposing: event.isComposing,
        mac: info ? info.platform === 'darwin' : /Mac/i.test(navigator.platform),
        inControl: event.target instanceof Element && event.target.closest(CONTROLS) !== null,
        modalOpen: uiRequest.get() !== null || document.querySelector('dialog[open]') !== null,
        // Electron's menu has these accelerators and sends app.command.
        menuHandlesFileKeys: window.zimu !== undefined,
      });
      if (!action) return;
      event.preventDefault();
      if (action === 'toggle-play') togglePlay().catch((err: unknown) => notices.error('playback', err));
      else void runtime.commands.run(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [runtime]);
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
