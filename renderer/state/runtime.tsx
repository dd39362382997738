import { createContext, type ReactNode, useContext } from 'react';
import type { Settings } from '../../shared/ipc/contract';
import { changeLanguage } from '../i18n';
import type { Language } from '../i18n/language';
import type { Client } from '../platform/client';
import type { Notices } from './notices';
import { preferences } from './preferences';
import { applyTheme } from './theme';

/** What panels need from the outside world: the host client and the language and theme switches. */
export interface Runtime {
  client: Client;
  setLanguage(language: Language): Promise<void>;
  setTheme(theme: Settings['theme']): Promise<void>;
}

const RuntimeContext = createContext<Runtime | null>(null);

export function RuntimeProvider({ runtime, children }: { runtime: Runtime; children: ReactNode }) {
  return <RuntimeContext.Provider value={runtime}>{children}</RuntimeContext.Provider>;
}

export function useRuntime(): Runtime {
  const runtime = useContext(RuntimeContext);
  if (!runtime) throw new Error('useRuntime outside RuntimeProvider');
  return runtime;
}

/** Language and theme switches: apply at once, then save; a failed save keeps the choice for this session. */
export function createPreferenceActions(client: Client, notices: Notices) {
  return {
    async setLanguage(language: Language): Promise<void> {
      preferences.set({ ...preferences.get(), language });
      await changeLanguage(language);
      try {
        await client.call('settings.set', { patch: { language } });
      } catch (err) {
        notices.error('settings', err);
      }
    },
    async setTheme(theme: Settings['theme']): Promise<void> {
      preferences.set({ ...preferences.get(), theme });
      applyTheme(theme);
      try {
        await client.call('settings.set', { patch: { theme } });
      } catch (err) {
        notices.error('settings', err);
      }
    },
  };
}
