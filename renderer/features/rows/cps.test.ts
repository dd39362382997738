import { describe, expect, it } from 'vitest';
import { charsPerSecond, formatCps, formatDuration } from './cps';

describe('charsPerSecond', () => {
  it('counts Chinese characters and punctuation per second of display time', () => {
    // 11 characters over 2 s.
    expect(charsPerSecond('各位来宾，欢迎来到智源', 1000, 3000)).toBeCloseTo(5.5);
  });

  it('does not count line breaks but counts spaces', () => {
    expect(charsPerSecond('ab c\nde', 0, 1000)).toBe(6);
  });

  it('counts astral characters once', () => {
    expect(charsPerSecond('𠀀𠀀', 0, 1000)).toBe(2);
  });

  it('counts half-width characters in Chinese text as 0.5, as the QA rules do', () => {
    expect(charsPerSecond('悟道3.0', 0, 1000, 'zh-CN')).toBe(3.5);
    expect(charsPerSecond('悟道3.0', 0, 1000, 'en')).toBe(5);
  });

  it('is null for untimed or empty-duration segments', () => {
    expect(charsPerSecond('abc', null, null)).toBeNull();
    expect(charsPerSecond('abc', 500, 500)).toBeNull();
  });
});

describe('formatting', () => {
  it('shows one decimal of CPS and two of duration', () => {
    expect(formatCps(12.345)).toBe('12.3');
    expect(formatCps(null)).toBe('–');
    expect(formatCps(0)).toBe('–');
    expect(formatDuration(1000, 3954)).toBe('2.95');
    expect(formatDuration(null, null)).toBe('–');
  });
});
