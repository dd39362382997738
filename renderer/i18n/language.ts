/** The UI languages Zimu ships. */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The UI language for a locale tag as hosts report it (`zh-CN`, `zh_TW.UTF-8`, `zh-Hant-HK`, `en-GB`).
 * Every Chinese locale gets Simplified Chinese for now (there is no Traditional translation yet);
 * every other locale gets English. Null when there is no usable tag.
 */
export function languageFromLocale(locale: string | null | undefined): Language | null {
  const tag = locale?.trim().split('.')[0]?.replace(/_/g, '-').toLowerCase() ?? '';
  if (tag === '' || tag === 'c' || tag === 'posix') return null;
  return tag === 'zh' || tag.startsWith('zh-') ? 'zh-CN' : 'en';
}

/**
 * The language to start in: the user's saved choice, else the host's OS locale, else the browser's
 * language, else English.
 */
export function initialLanguage(sources: {
  saved: Language | null | undefined;
  osLocale: string | null | undefined;
  browserLocale: string | null | undefined;
}): Language {
  return sources.saved ?? languageFromLocale(sources.osLocale) ?? languageFromLocale(sources.browserLocale) ?? 'en';
}
