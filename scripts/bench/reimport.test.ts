import { describe, expect, it } from 'vitest';
import { scoreEvalSet } from './reimport';

// The evaluation set's expectations were written by hand (shared/reimport/eval/README.md); the
// bench prints the same scores. These are the targets of the reimport, not timings.
const KEEPS_SEGMENTATION = new Set(['asr-fixes', 'fillers', 'numbered', 'spreadsheet']);

describe('reimport evaluation set', () => {
  const scores = scoreEvalSet();

  it('has every case, each with an expectation for all 30 segments', () => {
    expect(scores.map((s) => s.name).sort()).toEqual(
      [
        'asr-fixes',
        'fillers',
        'lines-merged',
        'lines-shifted',
        'merged',
        'missing-paragraph',
        'numbered',
        'rewritten',
        'split',
        'spreadsheet',
      ].sort(),
    );
    for (const s of scores) expect(s.total).toBe(30);
  });

  it('gets every segment right where the correction keeps the segmentation', () => {
    for (const s of scores.filter((c) => KEEPS_SEGMENTATION.has(c.name))) expect(s.wrong, s.name).toEqual([]);
  });

  it('gets at least 95% of the segments right where the segmentation changed', () => {
    for (const s of scores.filter((c) => !KEEPS_SEGMENTATION.has(c.name)))
      expect(s.correct / s.total, s.name).toBeGreaterThanOrEqual(0.95);
  });

  it('flags the segments of the missing paragraph, and only those', () => {
    expect(scores.find((s) => s.name === 'missing-paragraph')?.flagged).toBe(6);
  });
});
