import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createCommandHandlers } from './app/commands';
import { createFileCommands } from './features/files/commands';
import { FileCommandsProvider } from './features/files/context';
import { modalUi } from './features/files/requests';
import { settingsExportStorage } from './features/settings/save';
import { initI18n } from './i18n';
import { initialLanguage } from './i18n/language';
import { connect } from './platform';
import { installCommandHandlers } from './state/commands';
import { editor } from './state/editor';
import { notices } from './state/notices';
import { applySettings, preferences } from './state/preferences';
import { createPreferenceActions, RuntimeProvider } from './state/runtime';
import { applyTheme } from './state/theme';
import './styles.css';

/** localStorage, where the browser allows it (a locked-down profile may throw on access). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const client = connect();
  // Language and theme come first, so the first frame is already in the right language and colours.
  const [settings, info] = await Promise.allSettled([client.call('settings.get', {}), client.call('app.info', {})]);
  const saved = settings.status === 'fulfilled' ? settings.value : null;
  const appInfo = info.status === 'fulfilled' ? info.value : null;
  const language = initialLanguage({
    saved: saved?.language,
    osLocale: appInfo?.locale,
    browserLocale: navigator.language,
  });
  const theme = saved?.theme ?? 'system';
  applyTheme(theme);
  await initI18n(language);
  preferences.set({ ...preferences.get(), language, theme, info: appInfo });
  if (saved) applySettings(saved);
  if (settings.status === 'rejected') console.warn('zimu: settings unavailable, using defaults:', settings.reason);

  const runtime = { client, ...createPreferenceActions(client, notices) };
  const files = createFileCommands({
    client,
    editor,
    notices,
    ui: modalUi,
    storage: settingsExportStorage(client, browserStorage()),
  });
  installCommandHandlers(createCommandHandlers({ client, files }));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <RuntimeProvider runtime={runtime}>
        <FileCommandsProvider commands={files}>
          <App />
        </FileCommandsProvider>
      </RuntimeProvider>
    </StrictMode>,
  );
}

void start();
