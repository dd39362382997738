import { cleanupRules } from './rules/cleanup';
import { contentRules } from './rules/content';
import { glossaryRules } from './rules/glossary';
import { readingRules } from './rules/reading';
import { spelling } from './rules/spelling';
import { timingRules, translationTooLong } from './rules/timing';
import { typographyRules } from './rules/typography';
import type { QaRule } from './types';

/**
 * Every QA rule, in the order problems of one segment are listed and fixes are applied. Adding a
 * rule = a module under rules/ and one entry here, plus its wording in renderer/i18n/parts/qa.ts and
 * shared/qa/messages.ts (a test checks all three agree).
 */
export const RULES: readonly QaRule[] = [
  ...timingRules,
  ...readingRules,
  translationTooLong,
  ...contentRules,
  ...typographyRules,
  ...cleanupRules,
  ...glossaryRules,
  spelling,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

export function ruleById(id: string): QaRule | undefined {
  return RULES.find((r) => r.id === id);
}
