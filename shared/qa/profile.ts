import { z } from 'zod';
import { type Script, scriptOf } from '../text/count';

/**
 * QA profiles: the limits and conventions the QA rules check a project against. Two are built in
 * (Netflix's Simplified Chinese and English guides; a looser one for Bilibili and the web); users add
 * their own in the settings. Limits come per script: `zh` for CJK text, `en` for Latin-script text.
 */

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.output<typeof SeveritySchema>;

const LanguageLimitsSchema = z.object({
  /** Counted characters per line (half-width characters count 0.5 in CJK text). */
  maxCharsPerLine: z.number().positive(),
  maxLines: z.number().int().positive(),
  /** Counted characters per second of display time. */
  maxCps: z.number().positive(),
});
export type LanguageLimits = z.output<typeof LanguageLimitsSchema>;

export const QaProfileDefSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  zh: LanguageLimitsSchema,
  en: LanguageLimitsSchema,
  minDurationMs: z.number().int().nonnegative(),
  maxDurationMs: z.number().int().positive(),
  /** Smallest gap between two subtitles that do not touch, in frames at the project's frame rate. */
  minGapFrames: z.number().nonnegative(),
  /**
   * Chinese punctuation convention: `subtitle` drops a line-final ，/。 and shows a comma or full stop
   * inside a line as a space; `keep` leaves punctuation as written.
   */
  punctuation: z.enum(['subtitle', 'keep']).default('subtitle'),
  /** Ask for a space between Chinese and Latin letters or digits (智源 BAAI), as some house styles do. */
  cjkLatinSpacing: z.boolean().default(false),
  /** Filler words the clean-up removes from Chinese text (whole words only). */
  fillers: z.array(z.string().min(1)).default(['啊', '呃', '嗯', '额']),
  /** Words a filler must never be taken out of, even where a word segmenter splits them (嗯哼). */
  fillerExceptions: z.array(z.string().min(1)).default(['嗯哼', '啊哈']),
  /** Per-rule overrides: another severity, or `off`. */
  rules: z.record(z.string(), z.union([SeveritySchema, z.literal('off')])).default({}),
});
export type QaProfile = z.output<typeof QaProfileDefSchema>;
/** A profile as written in settings: defaults filled when read. */
export type QaProfileInput = z.input<typeof QaProfileDefSchema>;

const common = {
  punctuation: 'subtitle',
  cjkLatinSpacing: false,
  fillers: ['啊', '呃', '嗯', '额'],
  fillerExceptions: ['嗯哼', '啊哈'],
  rules: {},
} as const;

/** Netflix's Simplified Chinese and English Timed Text Style Guides: 16 / 42 characters, 9 / 20 CPS. */
export const NETFLIX_PROFILE: QaProfile = {
  ...common,
  fillers: [...common.fillers],
  fillerExceptions: [...common.fillerExceptions],
  rules: {},
  id: 'netflix',
  name: 'Netflix Simplified Chinese + English',
  zh: { maxCharsPerLine: 16, maxLines: 2, maxCps: 9 },
  en: { maxCharsPerLine: 42, maxLines: 2, maxCps: 20 },
  minDurationMs: 833,
  maxDurationMs: 7000,
  minGapFrames: 2,
};

/**
 * Bilibili and other web players: wider lines (people quote 20–25 Chinese characters; 22 is the
 * middle), faster reading (up to 16 CPS), no frame-accurate gap.
 */
export const BILIBILI_PROFILE: QaProfile = {
  ...common,
  fillers: [...common.fillers],
  fillerExceptions: [...common.fillerExceptions],
  rules: {},
  id: 'bilibili',
  name: 'Bilibili / web',
  zh: { maxCharsPerLine: 22, maxLines: 2, maxCps: 16 },
  en: { maxCharsPerLine: 50, maxLines: 2, maxCps: 22 },
  minDurationMs: 600,
  maxDurationMs: 10000,
  minGapFrames: 0,
};

export const BUILT_IN_PROFILES: readonly QaProfile[] = [NETFLIX_PROFILE, BILIBILI_PROFILE];
export const DEFAULT_PROFILE_ID = NETFLIX_PROFILE.id;

/** The frame rate when neither the project nor its media gives one (PAL, common for Chinese video). */
export const DEFAULT_FRAME_RATE = 25;

/** The shape of the settings' older `qaProfile` field (six numbers edited in Settings). */
export interface LegacyQaLimits {
  maxCpsSource: number;
  maxCpsTranslation: number;
  maxLineLengthSource: number;
  maxLineLengthTranslation: number;
  minDurationMs: number;
  maxDurationMs: number;
}

/** The settings fields a profile is chosen from (a structural slice of Settings). */
export interface ProfileSettings {
  qaProfileId?: string | undefined;
  /** As stored: each is checked when read, a broken one skipped. */
  qaProfiles?: readonly unknown[] | undefined;
  qaProfile?: LegacyQaLimits | undefined;
}

/** Settings written before profiles existed: their six limits over the Netflix profile. */
export function profileFromLegacy(legacy: LegacyQaLimits): QaProfile {
  return {
    ...NETFLIX_PROFILE,
    id: 'settings',
    name: 'Settings',
    zh: { ...NETFLIX_PROFILE.zh, maxCps: legacy.maxCpsSource, maxCharsPerLine: legacy.maxLineLengthSource },
    en: { ...NETFLIX_PROFILE.en, maxCps: legacy.maxCpsTranslation, maxCharsPerLine: legacy.maxLineLengthTranslation },
    minDurationMs: legacy.minDurationMs,
    maxDurationMs: legacy.maxDurationMs,
  };
}

/** A profile as the older `qaProfile` settings field holds it (source = zh, translation = en). */
export function legacyFromProfile(profile: QaProfile): LegacyQaLimits {
  return {
    maxCpsSource: profile.zh.maxCps,
    maxCpsTranslation: profile.en.maxCps,
    maxLineLengthSource: profile.zh.maxCharsPerLine,
    maxLineLengthTranslation: profile.en.maxCharsPerLine,
    minDurationMs: profile.minDurationMs,
    maxDurationMs: profile.maxDurationMs,
  };
}

/** Every profile the settings offer: the built-in ones, then the user's (a user id never hides a built-in one). */
export function availableProfiles(settings: ProfileSettings): QaProfile[] {
  const custom: QaProfile[] = [];
  for (const input of settings.qaProfiles ?? []) {
    const parsed = QaProfileDefSchema.safeParse(input);
    if (parsed.success && !BUILT_IN_PROFILES.some((p) => p.id === parsed.data.id)) custom.push(parsed.data);
  }
  return [...BUILT_IN_PROFILES, ...custom];
}

/**
 * The profile in force: the selected id (built-in or custom); else, for settings written before
 * profiles, the older six limits; else Netflix.
 */
export function resolveProfile(settings: ProfileSettings): QaProfile {
  if (settings.qaProfileId) {
    const chosen = findProfile(settings, settings.qaProfileId);
    if (chosen) return chosen;
  }
  if (settings.qaProfile) return profileFromLegacy(settings.qaProfile);
  return NETFLIX_PROFILE;
}

/** A profile by id or by name, case-insensitively (`--profile netflix`, `--profile "Bilibili / web"`). */
export function findProfile(settings: ProfileSettings, idOrName: string): QaProfile | undefined {
  const key = idOrName.trim().toLowerCase();
  const all = availableProfiles(settings);
  return all.find((p) => p.id.toLowerCase() === key) ?? all.find((p) => p.name.toLowerCase() === key);
}

/** The limits of one side of a project, by the script of its language. */
export function limitsFor(profile: QaProfile, script: Script): LanguageLimits {
  return script === 'cjk' ? profile.zh : profile.en;
}

/** The grid's CPS colouring: the reading-speed limit of each side of a project. */
export function cpsLimits(
  profile: QaProfile,
  languages: { readonly source: string; readonly translation: string },
): { source: number; translation: number } {
  return {
    source: limitsFor(profile, scriptOf(languages.source)).maxCps,
    translation: limitsFor(profile, scriptOf(languages.translation)).maxCps,
  };
}

/** The smallest gap in ms: the profile's frames at this frame rate, rounded up to a whole ms. */
export function minGapMs(profile: QaProfile, frameRate: number): number {
  if (profile.minGapFrames <= 0) return 0;
  const fps = frameRate > 0 ? frameRate : DEFAULT_FRAME_RATE;
  return Math.ceil((profile.minGapFrames * 1000) / fps - 1e-9);
}

/** Line limits for export's line wrapping, per script (the `wrap` export option). */
export function wrapLimits(profile: QaProfile): {
  zh: { maxCharsPerLine: number; maxLines: number };
  en: { maxCharsPerLine: number; maxLines: number };
} {
  return {
    zh: { maxCharsPerLine: profile.zh.maxCharsPerLine, maxLines: profile.zh.maxLines },
    en: { maxCharsPerLine: profile.en.maxCharsPerLine, maxLines: profile.en.maxLines },
  };
}
