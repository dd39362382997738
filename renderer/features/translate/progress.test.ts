import { describe, expect, it } from 'vitest';
import { createProject } from '../../../shared/model/project';
import { nextUntranslated, translatedCount } from './progress';

const { segments } = createProject({
  segments: [
    { source: '一', translation: 'One' },
    { source: '二', translation: '' },
    { source: '三', translation: '  ' },
    { source: '四', translation: 'Four' },
  ],
});

describe('translation progress', () => {
  it('counts non-blank translations', () => {
    expect(translatedCount(segments)).toBe(2);
  });

  it('finds the next untranslated segment after the current one, wrapping round', () => {
    expect(nextUntranslated(segments, 0)).toBe(segments[1]?.id);
    expect(nextUntranslated(segments, 1)).toBe(segments[2]?.id);
    expect(nextUntranslated(segments, 2)).toBe(segments[1]?.id);
    expect(nextUntranslated(segments, 3)).toBe(segments[1]?.id);
  });

  it('is null when no other segment is untranslated', () => {
    const one = createProject({ segments: [{ source: '一' }, { source: '二', translation: 'Two' }] }).segments;
    expect(nextUntranslated(one, 0)).toBeNull();
  });
});
