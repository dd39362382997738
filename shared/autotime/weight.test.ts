import { describe, expect, it } from 'vitest';
import { latinSyllables, speechWeight } from './weight';

describe('speechWeight', () => {
  it('counts one syllable per Han character and ignores punctuation', () => {
    expect(speechWeight('尊敬的各位领导')).toBe(7);
    expect(speechWeight('在志愿大会上继续向大家报告。')).toBe(13);
  });

  it('counts Latin words by vowel groups, not letters', () => {
    expect(latinSyllables('scaling')).toBe(2);
    expect(latinSyllables('make')).toBe(1);
    expect(latinSyllables('the')).toBe(1);
    expect(latinSyllables('intelligence')).toBe(4);
    // "Welcome to the conference" is 7 syllables; its 25 letters would weigh far more than 7 Han characters.
    expect(speechWeight('Welcome to the conference')).toBe(7);
    expect(speechWeight('Welcome to the conference')).toBeLessThan(speechWeight('欢迎来到智源大会') + 1);
  });

  it('mixes scripts and reads digits as syllables', () => {
    expect(speechWeight('智源研究院是2018年11月份成立的')).toBe(12 + 6);
    expect(speechWeight('GPT模型')).toBe(3 + 2);
  });

  it('gives an empty or punctuation-only text the minimum weight', () => {
    expect(speechWeight('')).toBe(1);
    expect(speechWeight('……！')).toBe(1);
  });
});
