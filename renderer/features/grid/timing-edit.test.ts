import { describe, expect, it } from 'vitest';
import { nudgedTiming, nudgeStep, typedTiming, UNTIMED_DEFAULT_MS } from './timing-edit';

describe('typedTiming', () => {
  it('sets the typed bound and keeps the other', () => {
    expect(typedTiming(1000, 5000, 'start', '0:00:02.250')).toEqual({ ok: true, start: 2250, end: 5000 });
    expect(typedTiming(1000, 5000, 'end', '1:02:03.004')).toEqual({ ok: true, start: 1000, end: 3723004 });
  });

  it('rejects text that is not a time', () => {
    expect(typedTiming(1000, 5000, 'start', '2 seconds')).toEqual({ ok: false, error: 'format' });
    expect(typedTiming(1000, 5000, 'start', '0:61:00')).toEqual({ ok: false, error: 'format' });
  });

  it('rejects a start after the end and an end before the start', () => {
    expect(typedTiming(1000, 5000, 'start', '0:00:06')).toEqual({ ok: false, error: 'order' });
    expect(typedTiming(1000, 5000, 'end', '0:00:00.500')).toEqual({ ok: false, error: 'order' });
  });

  it('gives an untimed segment a default length around the typed bound', () => {
    expect(typedTiming(null, null, 'start', '0:00:10')).toEqual({
      ok: true,
      start: 10000,
      end: 10000 + UNTIMED_DEFAULT_MS,
    });
    expect(typedTiming(null, null, 'end', '0:00:01')).toEqual({ ok: true, start: 0, end: 1000 });
  });
});

describe('nudges', () => {
  it('maps Alt+arrows to 100 ms and Alt+Shift+arrows to 10 ms', () => {
    expect(nudgeStep('ArrowUp', true, false)).toBe(100);
    expect(nudgeStep('ArrowDown', true, false)).toBe(-100);
    expect(nudgeStep('ArrowUp', true, true)).toBe(10);
    expect(nudgeStep('ArrowDown', true, true)).toBe(-10);
    expect(nudgeStep('ArrowUp', false, false)).toBeNull();
    expect(nudgeStep('Enter', true, false)).toBeNull();
  });

  it('moves one bound and refuses to cross the other or zero', () => {
    expect(nudgedTiming(1000, 2000, 'end', 100)).toEqual({ ok: true, start: 1000, end: 2100 });
    expect(nudgedTiming(1000, 1005, 'start', 10)).toEqual({ ok: false, error: 'order' });
    expect(nudgedTiming(5, 1000, 'start', -10)).toEqual({ ok: false, error: 'order' });
    expect(nudgedTiming(null, null, 'start', 100).ok).toBe(false);
  });
});
