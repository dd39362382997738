import type { Script } from './count';
import { chineseWordLookup, type WordLookup } from './words';

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

/** Han character repeated, or a two- or three-character Han run repeated: the only places worth segmenting. */
const MAY_REPEAT = /([\u3400-\u9fff])\1|([\u3400-\u9fff]{2,3})\2/g;
/** Reduplicated words common enough to skip without asking the segmenter (it keeps them whole anyway). */
const REDUPLICATED = new Set(
  '谢谢 看看 天天 常常 人人 刚刚 慢慢 好好 渐渐 往往 偏偏 仅仅 稍稍 哥哥 姐姐 妈妈 爸爸 弟弟 妹妹 奶奶 爷爷 宝宝 星星 默默 纷纷 悄悄 轻轻 静静 明明 恰恰 试试 想想 说说 等等 走走 聊聊 谈谈 听听 问问 多多 大大 小小 个个 处处 时时 年年 家家 层层 步步 样样 一一 统统 平平 早早 久久 万万 往往 点点 些些'.split(
    ' ',
  ),
);
export function findRepeats(text: string, script: Script): Repeat[] {
  if (script === 'latin') return latinRepeats(text);
  const chinese = chineseRepeats(text);
  const latin = latinRepeats(text);
  return latin.length === 0 ? chinese : [...chinese, ...latin];
}

/** Stutters at the places a character or a short run repeats, asking the segmenter about those places only. */
const MAY_REPEAT_ONCE = new RegExp(MAY_REPEAT.source);

function chineseRepeats(text: string): Repeat[] {
  const out: Repeat[] = [];
  if (!MAY_REPEAT_ONCE.test(text)) return out;
  let words: WordLookup | null = null;
  for (const m of text.matchAll(MAY_REPEAT)) {
    const at = m.index as number;
    const pair = m[0];
    // 谢谢大家: a known reduplicated word, not said again (谢谢谢谢 still asks).
    if (pair.length === 2 && REDUPLICATED.has(pair) && text.charAt(at + 2) !== pair.charAt(0)) continue;
    // 我们我们, 这个这个: a word that only a stutter repeats needs no segmenter.
    if (pair.length >= 4 && STUTTER_WORDS.has(pair.slice(0, pair.length / 2))) {
      if (out.at(-1)?.start !== at)
        out.push({ start: at, end: at + pair.length / 2, word: pair.slice(0, pair.length / 2) });
      continue;
    }
    words ??= chineseWordLookup(text);
    const a = words.at(at);
    if (!a || a.index !== at) continue;
    const b = words.at(a.index + a.text.length);
    if (!b || !a.wordLike || !b.wordLike || !/^[\u3400-\u9fff]+$/.test(a.text)) continue;
    const single = a.text.length === 1;
    const sameWord = a.text === b.text && (single || STUTTER_WORDS.has(a.text));
    const stutter = single && b.text.length >= 2 && b.text.startsWith(a.text) && !PARTICLES.has(a.text);
    if ((sameWord || stutter) && out.at(-1)?.start !== a.index) {
      out.push({ start: a.index, end: a.index + a.text.length, word: a.text });
    }
  }
  return out;
}

/** One test with a back-reference before the word-by-word scan: most lines repeat nothing. */
const MAY_REPEAT_LATIN = /(?<![A-Za-z'])([A-Za-z]+)\s+\1(?![A-Za-z'])/i;

function latinRepeats(text: string): Repeat[] {
  const out: Repeat[] = [];
  if (!MAY_REPEAT_LATIN.test(text)) return out;
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
