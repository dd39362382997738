import type { CallResult, Settings } from '../../shared/ipc/contract';
import type { Language } from '../i18n/language';
import { createStore, useStore } from './store';

export type AppInfo = CallResult<'app.info'>;

export interface PreferencesState {
  /** The language the UI shows (the saved choice or the one derived from the locale). */
  readonly language: Language;
  readonly theme: Settings['theme'];
  /** Facts about the host; null until app.info answered (or if it failed). */
  readonly info: AppInfo | null;
}

export const preferences = createStore<PreferencesState>({ language: 'en', theme: 'system', info: null });

export function usePreferences<T>(selector: (state: PreferencesState) => T): T {
  return useStore(preferences, selector);
}

/** Reading-speed limits (characters per second) the grid marks; the settings will make them the user's. */
export interface QaProfile {
  readonly maxCpsSource: number;
  readonly maxCpsTranslation: number;
}

export const DEFAULT_QA_PROFILE: QaProfile = { maxCpsSource: 9, maxCpsTranslation: 17 };
