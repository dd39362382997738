import type { Script } from './count';
import { chineseWords } from './words';

/**
 * Stutters and repeated words as a recogniser writes them: 发发布 → 发布, 我我觉得 → 我觉得,
 * 我们我们 → 我们, "the the" → "the". Chinese reduplication is a word of its own to the segmenter
 * (谢谢, 看看, 天天) and is left alone, as are repeated two-character verbs (研究研究) and repeats
 * English allows ("that that", "had had").
 */

/** Two-character words that are only ever repeated by a stutter (我们我们, 这个这个). */
const STUTTER_WORDS = new Set([
  '我们',
  '你们',
  '他们',
  '这个',
  '那个',
  '就是',
  '然后',
  '所以',
  '因为',
  '但是',
  '如果',
  '其实',
  '还有',
  '一个',
  '这些',
  '那些',
  '可能',
  '我们的',
  '这样',
  '那么',
]);
/** Particles that begin real words (的确, 了解, 是否): 的 + 的确 is not a stutter. */
const PARTICLES = new Set([...'的了是在着过地得和与就都也还又']);
const ENGLISH_REPEATS = new Set(['that', 'had']);

export interface Repeat {
  /** UTF-16 range of the repeated part to remove, in the text given. */
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

/** Han character repeated, or a short Han run repeated: the only lines worth segmenting. */
const MAY_REPEAT = /([\u3400-\u9fff])\1|([\u3400-\u9fff]{2,3})\2/;

export function findRepeats(text: string, script: Script): Repeat[] {
  return script === 'cjk' ? [...chineseRepeats(text), ...latinRepeats(text)] : latinRepeats(text);
}

function chineseRepeats(text: string): Repeat[] {
  if (!MAY_REPEAT.test(text)) return [];
  const tokens = chineseWords(text);
  const out: Repeat[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i] as (typeof tokens)[number];
    const b = tokens[i + 1] as (typeof tokens)[number];
    if (!a.wordLike || !b.wordLike || !/^[\u3400-\u9fff]+$/.test(a.text)) continue;
    const single = a.text.length === 1;
    const sameWord = a.text === b.text && (single || STUTTER_WORDS.has(a.text));
    const stutter = single && b.text.length >= 2 && b.text.startsWith(a.text) && !PARTICLES.has(a.text);
    if (sameWord || stutter) out.push({ start: a.index, end: a.index + a.text.length, word: a.text });
  }
  return out;
}

function latinRepeats(text: string): Repeat[] {
  const out: Repeat[] = [];
  for (const m of text.matchAll(/(?<![A-Za-z'])([A-Za-z]+)(\s+)(?=([A-Za-z]+)(?![A-Za-z']))/g)) {
    const [whole, word = '', space = ''] = m;
    if (m[3]?.toLowerCase() !== word.toLowerCase() || ENGLISH_REPEATS.has(word.toLowerCase())) continue;
    // Remove the second occurrence with the space before it, keeping the first word's case (The the → The).
    const start = (m.index as number) + word.length;
    out.push({ start, end: start + space.length + word.length, word });
    void whole;
  }
  return out;
}

export function removeRepeats(text: string, script: Script): string {
  const repeats = findRepeats(text, script);
  if (repeats.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of [...repeats].sort((x, y) => x.start - y.start)) {
    if (r.start < at) continue;
    out += text.slice(at, r.start);
    at = r.end;
  }
  return out + text.slice(at);
}
