import { describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from './timestamp';

describe('timestamps', () => {
  it('formats h:mm:ss.mmm with unbounded hours', () => {
    expect(formatTimestamp(0)).toBe('0:00:00.000');
    expect(formatTimestamp(3_723_004)).toBe('1:02:03.004');
    expect(formatTimestamp(101 * 3_600_000)).toBe('101:00:00.000');
  });

  it('parses with or without hours; the fraction is decimal', () => {
    expect(parseTimestamp('1:02:03.004')).toBe(3_723_004);
    expect(parseTimestamp('02:03,5')).toBe(123_500);
    expect(parseTimestamp('0:00:01.25')).toBe(1250);
    expect(parseTimestamp('12:34')).toBe(754_000);
  });

  it('rejects garbage and out-of-range fields', () => {
    expect(parseTimestamp('abc')).toBeNull();
    expect(parseTimestamp('1:60:00')).toBeNull();
    expect(parseTimestamp('')).toBeNull();
  });

  it('round-trips', () => {
    for (const ms of [0, 1, 999, 59_999, 3_599_999, 360_000_123]) expect(parseTimestamp(formatTimestamp(ms))).toBe(ms);
  });
});
