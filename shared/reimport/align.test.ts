import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Alignment, alignTexts } from './align';

const COMMA = '，';
const commas = (n: number) => Array.from({ length: n }, () => COMMA);
const texts = (a: Alignment) => a.pieces.map((p) => p.text);

/** The corrected text rebuilt from the alignment: structure and the pieces that took corrected text. */
function rebuild(a: Alignment): string {
  let out = a.structure[0] ?? '';
  a.pieces.forEach((p, k) => {
    out += (p.kept ? '' : p.text) + (a.structure[k + 1] ?? '');
  });
  return out;
}

describe('alignTexts', () => {
  it('gives back the old texts exactly for an unchanged paragraph, consuming only the joiners', () => {
    const old = ['尊敬的各位领导', '各位来宾', '大家上午好。'];
    const a = alignTexts(old, commas(2), '尊敬的各位领导，各位来宾，大家上午好。\n');
    expect(texts(a)).toEqual(old);
    expect(a.structure).toEqual(['', COMMA, COMMA, '\n']);
    expect(a.pieces.every((p) => p.confidence === 1)).toBe(true);
  });

  it('fixes words inside segments (志愿→智源, skin low→scaling law)', () => {
    const old = ['今天的志愿大会', '实际上skin low并不是', '一个新鲜的事物'];
    const a = alignTexts(old, commas(2), '今天的智源大会，实际上scaling law并不是，一个新鲜的事物');
    expect(texts(a)).toEqual(['今天的智源大会', '实际上scaling law并不是', '一个新鲜的事物']);
  });

  it('splits merged phrases back at the old boundary', () => {
    const a = alignTexts(['以及集聚区的呃', '核心区啊。'], commas(1), '以及集聚区的核心区。');
    expect(texts(a)).toEqual(['以及集聚区的', '核心区。']);
    expect(a.pieces.every((p) => p.confidence >= 0.6)).toBe(true);
  });

  it('keeps punctuation that replaced a joiner with the segment before it', () => {
    const a = alignTexts(['各位领导', '各位来宾', '大家好'], commas(2), '各位领导、各位来宾！大家好');
    expect(texts(a)).toEqual(['各位领导、', '各位来宾！', '大家好']);
  });

  it('keeps a comma the editor added inside a segment', () => {
    const a = alignTexts(['再次欢迎大家来参加', '我是王仲远'], commas(1), '再次欢迎大家，来参加，我是王仲远');
    expect(texts(a)).toEqual(['再次欢迎大家，来参加', '我是王仲远']);
  });

  it('gives text added at the start to the first segment and at the end to the last', () => {
    const a = alignTexts(['各位来宾', '大家好'], commas(1), '尊敬的领导，各位来宾，大家好，谢谢');
    expect(texts(a)).toEqual(['尊敬的领导，各位来宾', '大家好，谢谢']);
    expect(rebuild(a)).toBe('尊敬的领导，各位来宾，大家好，谢谢');
  });

  it('places nothing into empty segments that the text does not fill', () => {
    const a = alignTexts(['各位来宾', '', '大家好'], ['\n', '\n'], '各位嘉宾\n\n大家好');
    expect(texts(a)).toEqual(['各位嘉宾', '', '大家好']);
  });

  it('empties a single deleted segment with a low confidence', () => {
    const a = alignTexts(['各位来宾', '那么', '大家好'], commas(2), '各位来宾，大家好');
    expect(texts(a)).toEqual(['各位来宾', '', '大家好']);
    expect(a.pieces[1]?.confidence).toBeLessThan(0.6);
    expect(a.pieces[1]?.kept).toBe(false);
  });

  it('keeps the old text of a missing paragraph, marked with confidence 0', () => {
    const old = ['第一段。', '第二段开头', '第二段结尾。', '第三段。'];
    const a = alignTexts(old, ['\n\n', COMMA, '\n\n'], '第一段。\n\n第三段。');
    expect(texts(a)).toEqual(old);
    expect(a.pieces.map((p) => p.kept)).toEqual([false, true, true, false]);
    expect(a.pieces[1]?.confidence).toBe(0);
    expect(rebuild(a)).toBe('第一段。\n\n第三段。');
  });

  it('places repeated phrases on the right segments', () => {
    const old = ['训练特定啊', '训练特定的模型', '训练特定的模型'];
    const a = alignTexts(old, commas(2), '训练特定，训练特定的模型，训练特定的模型');
    expect(texts(a)).toEqual(['训练特定', '训练特定的模型', '训练特定的模型']);
  });

  it('marks a boundary inside a rewritten run without punctuation as unsure', () => {
    const a = alignTexts(['甲乙丙丁', '戊己庚辛'], commas(1), '子丑寅卯辰巳午未');
    expect(a.pieces.map((p) => p.text).join('')).toBe('子丑寅卯辰巳午未');
    expect(Math.min(...a.pieces.map((p) => p.confidence))).toBeLessThan(0.6);
  });

  it('never drops or doubles a character of the corrected text (property)', () => {
    const char = fc.constantFrom(...'智源大会具身模型啊呃，。、！ \nab'.split(''));
    const phrase = fc
      .array(fc.constantFrom(...'智源大会具身模型啊呃ab'.split('')), { maxLength: 8 })
      .map((a) => a.join(''));
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 4 }), insert: fc.array(char, { maxLength: 5 }) });
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(COMMA, '\n\n', '\n'), { maxLength: 11 }),
        fc.array(edit, { maxLength: 6 }),
        (old, joinerPool, edits) => {
          const joiners = old.slice(1).map((_, k) => joinerPool[k] ?? COMMA);
          let corrected = old.map((t, k) => t + (joiners[k] ?? '')).join('');
          for (const e of edits) {
            const at = corrected.length === 0 ? 0 : e.at % (corrected.length + 1);
            corrected = corrected.slice(0, at) + e.insert.join('') + corrected.slice(at + e.remove);
          }
          const a = alignTexts(old, joiners, corrected);
          expect(a.pieces).toHaveLength(old.length);
          expect(a.structure).toHaveLength(old.length + 1);
          expect(rebuild(a)).toBe(corrected);
          // Structure is only joiners and whitespace.
          for (const s of a.structure) expect(s).toMatch(/^[\s，]*$/);
          for (const p of a.pieces) expect(p.confidence).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('alignTexts on long texts (cut at anchors)', () => {
  const seed = readFileSync(new URL('../formats/fixtures/seed-transcript.txt', import.meta.url), 'utf8');
  const phrases = seed
    .split('\n')
    .slice(1)
    .flatMap((line) => line.split(COMMA))
    .map((p) => p.trim())
    .filter(Boolean);
  const fix = (t: string) =>
    t.replaceAll('志愿', '智源').replaceAll('聚生', '具身').replaceAll('skin low', 'scaling law');

  it('puts word fixes on the right segments across the whole seed transcript', () => {
    expect(phrases.join('').length).toBeGreaterThan(10_000);
    const corrected = fix(phrases.join(COMMA));
    expect(corrected).not.toBe(phrases.join(COMMA));
    const a = alignTexts(phrases, commas(phrases.length - 1), corrected);
    expect(texts(a)).toEqual(phrases.map(fix));
    expect(rebuild(a)).toBe(corrected);
  });

  it('keeps every character when a long text loses a stretch and gains another', () => {
    const joined = phrases.join(COMMA);
    const corrected = `${joined.slice(0, 3000)}新加的一段话${joined.slice(3400, 9000)}${joined.slice(9000).replaceAll('啊', '')}`;
    const a = alignTexts(phrases, commas(phrases.length - 1), corrected);
    expect(rebuild(a)).toBe(corrected);
    expect(a.pieces.filter((p) => p.kept).length).toBeGreaterThan(0);
  });
});
