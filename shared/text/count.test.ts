import { describe, expect, it } from 'vitest';
import { lineLength, readingLength, readingSpeed, scriptOf, textLines } from './count';

describe('Netflix counting', () => {
  it('counts every Chinese character, full-width punctuation included, as 1', () => {
    expect(lineLength('各位来宾，欢迎来到智源', 'cjk')).toBe(11);
  });

  it('counts half-width characters in Chinese text as 0.5', () => {
    // 悟道 (2) + "3.0" (3 × 0.5) + 发布 (2) + space (0.5)
    expect(lineLength('悟道3.0 发布', 'cjk')).toBe(6);
    expect(lineLength('GPT-4', 'cjk')).toBe(2.5);
  });

  it('counts every character of English text as 1, spaces and punctuation included', () => {
    expect(lineLength('Hello, world!', 'latin')).toBe(13);
  });

  it('counts astral characters once and never a line break', () => {
    expect(lineLength('𠀀𠀀', 'cjk')).toBe(2);
    expect(readingLength('ab c\nde', 'latin')).toBe(6);
    expect(readingLength('智源\r\nAI', 'cjk')).toBe(3);
  });

  it('reads a speed per second of display time, null without one', () => {
    expect(readingSpeed('各位来宾，欢迎来到智源', 1000, 3000, 'cjk')).toBeCloseTo(5.5);
    expect(readingSpeed('abc', null, null, 'latin')).toBeNull();
    expect(readingSpeed('abc', 500, 500, 'latin')).toBeNull();
  });

  it('knows CJK languages from their tags', () => {
    expect(scriptOf('zh-CN')).toBe('cjk');
    expect(scriptOf('zh-Hant-TW')).toBe('cjk');
    expect(scriptOf('ja')).toBe('cjk');
    expect(scriptOf('en')).toBe('latin');
    expect(scriptOf('en-US')).toBe('latin');
    expect(scriptOf('zu')).toBe('latin');
  });

  it('splits text into its non-empty lines', () => {
    expect(textLines('a\r\nb\n\nc\rd')).toEqual(['a', 'b', 'c', 'd']);
  });
});
