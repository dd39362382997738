import { buildKeymap, type Keymap, type ShortcutOverrides } from '../../shared/commands/keymap';
import type { CallResult, Settings } from '../../shared/ipc/contract';
import type { Language } from '../i18n/language';
import { createStore, useStore } from './store';

export type AppInfo = CallResult<'app.info'>;

/** Quality limits (characters per second, line length, duration) the grid's checks use. */
export type QaProfile = NonNullable<Settings['qaProfile']>;

/**
 * Defaults for Chinese source with English translation, after common broadcast and streaming
 * guidance: Chinese is read at about 9 characters per second with lines of at most 16 characters;
 * English at 17 characters per second with 42-character lines. A subtitle stays up at least 5/6 s
 * (20 frames at 24 fps) and at most 7 s.
 */
export const DEFAULT_QA_PROFILE: QaProfile = {
  maxCpsSource: 9,
  maxCpsTranslation: 17,
  maxLineLengthSource: 16,
  maxLineLengthTranslation: 42,
  minDurationMs: 833,
  maxDurationMs: 7000,
};

export interface PreferencesState {
  /** The language the UI shows (the saved choice or the one derived from the locale). */
  readonly language: Language;
  readonly theme: Settings['theme'];
  /** Facts about the host; null until app.info answered (or if it failed). */
  readonly info: AppInfo | null;
  /** The user's shortcut changes, and the keymap they make with the defaults. */
  readonly shortcuts: ShortcutOverrides;
  readonly keymap: Keymap;
  readonly qaProfile: QaProfile;
  /** Last export's options as saved (checked field by field where used). */
  readonly exportOptions: Readonly<Record<string, string>> | null;
  /** Most recent first, as last read from the settings. */
  readonly recentFiles: readonly string[];
}

export const preferences = createStore<PreferencesState>({
  language: 'en',
  theme: 'system',
  info: null,
  shortcuts: {},
  keymap: buildKeymap(),
  qaProfile: DEFAULT_QA_PROFILE,
  exportOptions: null,
  recentFiles: [],
});

/** Take in the saved settings (at start, and whenever the host answers with all of them). */
export function applySettings(settings: Partial<Settings>): void {
  const s = preferences.get();
  const shortcuts = settings.shortcuts ?? s.shortcuts;
  preferences.set({
    ...s,
    theme: settings.theme ?? s.theme,
    shortcuts,
    keymap: shortcuts === s.shortcuts ? s.keymap : buildKeymap(shortcuts),
    qaProfile: settings.qaProfile ? { ...DEFAULT_QA_PROFILE, ...settings.qaProfile } : s.qaProfile,
    exportOptions: settings.exportOptions ?? s.exportOptions,
    recentFiles: settings.recentFiles ?? s.recentFiles,
  });
}

export function usePreferences<T>(selector: (state: PreferencesState) => T): T {
  return useStore(preferences, selector);
}

/** The QA limits for the grid's CPS and length checks. */
export function useQaProfile(): QaProfile {
  return usePreferences((s) => s.qaProfile);
}

/** The current QA limits, outside React. */
export function qaProfile(): QaProfile {
  return preferences.get().qaProfile;
}
