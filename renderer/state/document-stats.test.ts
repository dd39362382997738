import { describe, expect, it } from 'vitest';
import { sampleDocument } from '../test/fixtures';
import { documentStats } from './document-stats';

describe('documentStats', () => {
  it('counts segments, translated and untimed ones', () => {
    expect(documentStats(sampleDocument().project.segments)).toEqual({ segments: 4, translated: 1, untimed: 1 });
    expect(documentStats([])).toEqual({ segments: 0, translated: 0, untimed: 0 });
  });
});
