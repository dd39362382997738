import type { SegmentRule } from '../types';

/** Content rules: text that is missing. */

export const emptyText: SegmentRule = {
  id: 'empty-text',
  group: 'content',
  severity: 'error',
  scope: 'segment',
  params: [],
  check: (s) => (s.source.trim() === '' ? [{ segments: [s.id], side: 'source' }] : []),
};

/** Only once the project has translations at all: a transcript not yet translated is not missing one per line. */
export const missingTranslation: SegmentRule = {
  id: 'missing-translation',
  group: 'content',
  severity: 'warning',
  scope: 'segment',
  params: [],
  check: (s, ctx) =>
    ctx.hasTranslations && s.source.trim() !== '' && s.translation.trim() === ''
      ? [{ segments: [s.id], side: 'translation' }]
      : [],
};

export const contentRules = [emptyText, missingTranslation] as const;
