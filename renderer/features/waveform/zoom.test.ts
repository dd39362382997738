import { describe, expect, it } from 'vitest';
import { effectivePxPerSec, fitPxPerSec, MAX_PX_PER_SEC, scrollForAnchor, wheelFactor, zoomBy } from './zoom';

describe('waveform zoom', () => {
  const fit = fitPxPerSec(900, 150);

  it('starts from the whole file in the width', () => {
    expect(fit).toBe(6);
    expect(effectivePxPerSec(0, fit)).toBe(6);
    expect(effectivePxPerSec(3, fit)).toBe(6);
    expect(fitPxPerSec(900, 0)).toBe(0);
  });

  it('zooms in by steps up to 1000 px/s and back out to the whole file', () => {
    let zoom = 0;
    const seen: number[] = [];
    for (let i = 0; i < 30; i++) {
      zoom = zoomBy(zoom, 1.5, fit);
      seen.push(zoom);
    }
    expect(seen[0]).toBe(9);
    expect(zoom).toBe(MAX_PX_PER_SEC);
    for (let i = 0; i < 30; i++) zoom = zoomBy(zoom, 1 / 1.5, fit);
    expect(zoom).toBe(0);
  });

  it('turns the wheel into a factor: up zooms in, down zooms out, one notch about ×1.28', () => {
    expect(wheelFactor(-100)).toBeCloseTo(1.284, 3);
    expect(wheelFactor(100)).toBeCloseTo(1 / 1.284, 3);
    expect(wheelFactor(-100_000)).toBe(wheelFactor(-400));
  });

  it('keeps the time under the pointer in place', () => {
    // 10 s under the pointer 300 px from the left, zoomed to 100 px/s.
    expect(scrollForAnchor(10, 300, 100)).toBe(700);
    expect(scrollForAnchor(1, 300, 100)).toBe(0);
  });
});
