import { describe, expect, it } from 'vitest';
import { secondsToMs } from './playback';

describe('secondsToMs', () => {
  it('floors so that the highlight agrees with start <= t < end on integer bounds', () => {
    expect(secondsToMs(2.9996)).toBe(2999);
    expect(secondsToMs(3)).toBe(3000);
    expect(secondsToMs(0)).toBe(0);
    expect(secondsToMs(Number.NaN)).toBe(0);
    expect(secondsToMs(-1)).toBe(0);
  });
});
