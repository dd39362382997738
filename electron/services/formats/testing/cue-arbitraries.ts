import fc from 'fast-check';

/**
 * Test support (not a test file): fast-check arbitraries for the SRT and WebVTT round trips. Each
 * format adds the characters that are tricky for it to the shared alphabets.
 */

export const HAN = [...'你好世界字幕中文测试时间的是了我们一二三四五六七八九十龍體'];
const CN_EXTRA = [...'，。！？、：“”（）0123456789😀👍🏽 ABCxyz'];
export const EN = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const EN_EXTRA = [...' ,.!?\'"-:;()0123456789😀&'];

/** Runs of white space become one space; no surrounding spaces. */
export const trimmed = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Timed segments with a Chinese source, an optional Latin-script translation and, when `speaker` is
 * given, an optional speaker. `chinese` and `english` add characters to the lines' alphabets.
 */
export function cueSegment(extra: { chinese?: string; english?: string; speaker?: fc.Arbitrary<string> } = {}) {
  const cnExtra = [...CN_EXTRA, ...(extra.chinese ?? '')];
  const enExtra = [...EN_EXTRA, ...(extra.english ?? '')];
  /** A Chinese line: at least one Han character, no surrounding spaces. */
  const chineseLine = fc
    .tuple(
      fc.constantFrom(...HAN),
      fc.string({ unit: fc.constantFrom(...HAN, ...HAN, ...cnExtra), maxLength: 60 }),
      fc.string({ unit: fc.constantFrom(...HAN, ...cnExtra), maxLength: 3 }),
    )
    .map(([h, rest, pre]) => trimmed(`${pre}${h}${rest}`))
    .filter((l) => /[\u4e00-\u9fff]/.test(l));
  /** A Latin-script line: at least one letter, no Han. */
  const englishLine = fc
    .tuple(fc.constantFrom(...EN), fc.string({ unit: fc.constantFrom(...EN, ...EN, ...enExtra), maxLength: 80 }))
    .map(([l, rest]) => trimmed(`${l}${rest}`));
  const lines = (line: fc.Arbitrary<string>, max: number) =>
    fc.array(line, { minLength: 1, maxLength: max }).map((ls) => ls.join('\n'));
  /** 0, within the first hour, or between 100 and 1000 hours. */
  const time = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 3_600_000 }),
    fc.integer({ min: 100 * 3_600_000, max: 1000 * 3_600_000 }),
  );
  return fc
    .record({
      start: time,
      length: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 36_000_000 })),
      source: lines(chineseLine, 3),
      translation: fc.oneof(fc.constant(''), lines(englishLine, 2)),
      speaker: extra.speaker ? fc.option(extra.speaker, { nil: undefined }) : fc.constant(undefined),
    })
    .map(({ start, length, source, translation, speaker }) => ({
      start,
      end: start + length,
      source,
      translation,
      ...(speaker ? { speaker } : {}),
    }));
}
