import * as OpenCC from 'opencc-js';
import type { Project, Side } from '../../shared/model/types';

/**
 * 简繁 conversion with OpenCC (opencc-js), with regional phrases: to Taiwan's Traditional Chinese
 * with its words (软件 → 軟體, 视频 → 影片), to Hong Kong's (软件 → 軟件, 视频 → 視頻), or to
 * Simplified. Converters take a moment to build (their dictionaries are large) and are kept.
 */
export type ChineseScript = 'zh-Hans' | 'zh-Hant-TW' | 'zh-Hant-HK';
export const CHINESE_SCRIPTS: readonly ChineseScript[] = ['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK'];

type Locale = 'cn' | 'tw' | 'twp' | 'hk' | 't';

/** The OpenCC locale a side's text is written in, from its language tag. */
function localeOf(language: string): Locale {
  const tag = language.toLowerCase();
  if (/-(tw|hant-tw)\b/.test(tag)) return 'twp';
  if (/-(hk|mo|hant-hk|hant-mo)\b/.test(tag)) return 'hk';
  if (/-hant\b/.test(tag)) return 't';
  return 'cn';
}

const TARGET: Readonly<Record<ChineseScript, Locale>> = { 'zh-Hans': 'cn', 'zh-Hant-TW': 'twp', 'zh-Hant-HK': 'hk' };
const converters = new Map<string, (text: string) => string>();

/** Convert text written in `from` (a language tag, default Simplified) to a script. */
export function convertChinese(text: string, to: ChineseScript, from = 'zh-CN'): string {
  const target = TARGET[to];
  // Text said to be Simplified may still hold Traditional characters (an imported file is tagged
  // zh-CN whatever it holds): to Simplified, convert its characters anyway.
  const source = target === 'cn' && localeOf(from) === 'cn' ? 't' : localeOf(from);
  if (source === target) return text;
  const key = `${source}>${target}`;
  let convert = converters.get(key);
  if (!convert) {
    convert = OpenCC.Converter({ from: source, to: target });
    converters.set(key, convert);
  }
  return convert(text);
}

const isChinese = (language: string) => /^(zh|cmn|yue)(\b|-|_|$)/i.test(language);

/** The project with its Chinese side(s) converted, their language tags set to the script. */
export function convertProjectScript(project: Project, to: ChineseScript): Project {
  const sides = (['source', 'translation'] as const).filter((side: Side) => isChinese(project.languages[side]));
  if (sides.length === 0) return project;
  const segments = project.segments.map((s) => {
    let next = s;
    for (const side of sides) {
      const converted = convertChinese(s[side], to, project.languages[side]);
      if (converted !== next[side]) next = { ...next, [side]: converted };
    }
    return next;
  });
  const languages = { ...project.languages };
  for (const side of sides) languages[side] = to;
  return { ...project, segments, languages };
}
