/** Language tags → names the model understands, and the script a reply in that language must use. */

const NAMES: Record<string, string> = {
  zh: 'Chinese',
  en: 'English',
  ja: 'Japanese',
  ko: 'Korean',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  ru: 'Russian',
  vi: 'Vietnamese',
};

const LATIN = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'vi', 'nl', 'sv', 'pl', 'id', 'ms', 'tr']);

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

export function languageName(tag: string): string {
  const p = primary(tag);
  if (p === 'zh' && /hant|tw|hk|mo/i.test(tag)) return 'Traditional Chinese';
  if (p === 'zh') return 'Simplified Chinese';
  return NAMES[p] ?? tag;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LETTER = /[A-Za-z\u00c0-\u024f]/g;

/**
 * Whether `text` is plausibly in the language `tag`: a Latin-script target may hold a stray
 * character name or two but not mostly Han; a Chinese target must have Han. Other targets are
 * not checked (true).
 */
export function looksLikeLanguage(text: string, tag: string): boolean {
  const han = text.match(HAN)?.length ?? 0;
  const latin = text.match(LETTER)?.length ?? 0;
  const p = primary(tag);
  if (LATIN.has(p)) return latin > 0 && han <= Math.max(4, 0.25 * (han + latin));
  if (p === 'zh') return han > 0;
  return true;
}
