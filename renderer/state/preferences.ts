import { buildKeymap, type Keymap, type ShortcutOverrides } from '../../shared/commands/keymap';
import type { CallResult, Settings } from '../../shared/ipc/contract';
import {
  legacyFromProfile,
  NETFLIX_PROFILE,
  type QaProfile as QaProfileDef,
  resolveProfile,
} from '../../shared/qa/profile';
import type { Language } from '../i18n/language';
import { createStore, useStore } from './store';

export type AppInfo = CallResult<'app.info'>;

/** The older six QA limits the Settings dialog edits (the settings' `qaProfile` field). */
export type QaProfile = NonNullable<Settings['qaProfile']>;

/**
 * Defaults for Chinese source with English translation: the Netflix profile's (shared/qa/profile.ts):
 * Chinese read at 9 characters per second in lines of at most 16, English at 20 in lines of 42;
 * a subtitle stays up at least 5/6 s (20 frames at 24 fps) and at most 7 s.
 */
export const DEFAULT_QA_PROFILE: QaProfile = legacyFromProfile(NETFLIX_PROFILE);

/** The settings fields the QA profile in force is chosen from. */
type ProfileFields = Pick<Settings, 'qaProfileId' | 'qaProfiles' | 'qaProfile'>;

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
  /** The QA profile in force (selected id, custom profiles, else the older limits, else Netflix). */
  readonly activeProfile: QaProfileDef;
  readonly profileFields: ProfileFields;
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
  activeProfile: NETFLIX_PROFILE,
  profileFields: {},
  exportOptions: null,
  recentFiles: [],
});

/** Take in the saved settings (at start, and whenever the host answers with all of them). */
export function applySettings(settings: Partial<Settings>): void {
  const s = preferences.get();
  const shortcuts = settings.shortcuts ?? s.shortcuts;
  const profileFields: ProfileFields = {
    ...s.profileFields,
    ...('qaProfileId' in settings ? { qaProfileId: settings.qaProfileId } : {}),
    ...('qaProfiles' in settings ? { qaProfiles: settings.qaProfiles } : {}),
    ...(settings.qaProfile ? { qaProfile: settings.qaProfile } : {}),
  };
  preferences.set({
    ...s,
    theme: settings.theme ?? s.theme,
    shortcuts,
    keymap: shortcuts === s.shortcuts ? s.keymap : buildKeymap(shortcuts),
    qaProfile: settings.qaProfile ? { ...DEFAULT_QA_PROFILE, ...settings.qaProfile } : s.qaProfile,
    profileFields,
    activeProfile: resolveProfile(profileFields),
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

/** The QA profile in force (the grid's CPS colouring and the QA pass use it). */
export function useActiveQaProfile(): QaProfileDef {
  return usePreferences((s) => s.activeProfile);
}

/** The current QA limits, outside React. */
export function qaProfile(): QaProfile {
  return preferences.get().qaProfile;
}
