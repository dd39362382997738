import type { QaProblem } from './types';

/**
 * English wording of every rule: a short name and a message with {{param}} placeholders (the
 * i18next syntax). The renderer's i18n part (renderer/i18n/parts/qa.ts) uses these as its English
 * and adds the Chinese; the command line prints them.
 */
export const RULE_TEXT_EN = {
  untimed: { name: 'Untimed', message: 'The segment has no start and end time' },
  'duration-zero-or-negative': {
    name: 'Zero or negative duration',
    message: 'The segment ends when it starts or before ({{durationMs}} ms)',
  },
  'duration-too-short': { name: 'Too short', message: 'Shown for {{durationMs}} ms, less than {{minMs}} ms' },
  'duration-too-long': { name: 'Too long', message: 'Shown for {{durationMs}} ms, more than {{maxMs}} ms' },
  overlap: { name: 'Overlap', message: 'Overlaps the other segment by {{overlapMs}} ms' },
  duplicate: { name: 'Duplicate', message: 'Same times and text as another segment' },
  'gap-too-small': {
    name: 'Gap too small',
    message: 'Gap of {{gapMs}} ms to the next segment, less than {{minGapFrames}} frames ({{minGapMs}} ms)',
  },
  cps: { name: 'Reading speed', message: '{{cps}} characters per second, more than {{max}}' },
  'line-length': { name: 'Line too long', message: 'Line {{line}} has {{length}} characters, more than {{max}}' },
  'line-count': { name: 'Too many lines', message: '{{lines}} lines, more than {{max}}' },
  'translation-too-long': {
    name: 'Translation too long',
    message: 'The translation needs {{needMs}} ms to read but at most {{availableMs}} ms are free',
  },
  'empty-text': { name: 'Empty text', message: 'The segment has no text' },
  'missing-translation': { name: 'Missing translation', message: 'The segment has no translation' },
  whitespace: { name: 'Spaces', message: 'Leading, trailing or double spaces ({{kind}})' },
  'unbalanced-brackets': { name: 'Unbalanced brackets', message: 'Unmatched {{mark}}' },
  'latin-in-chinese': { name: 'Latin text in Chinese', message: 'English text in the Chinese field: {{text}}' },
  'cjk-in-english': {
    name: 'Chinese in English',
    message: 'Chinese characters or punctuation in the English field: {{text}}',
  },
  'repeated-words': { name: 'Repeated words', message: 'Repeated word: {{word}}' },
  'filler-words': { name: 'Fillers', message: 'Filler words (啊, 呃, 嗯…) can be removed' },
  'width-normalisation': {
    name: 'Full-width/half-width',
    message: 'Full-width letters, digits or mixed punctuation can be normalised',
  },
  'line-end-punctuation': {
    name: 'Line-end punctuation',
    message: 'Commas and full stops do not follow the subtitle convention',
  },
  'cjk-latin-spacing': { name: 'Spacing', message: 'No space between Chinese and Latin letters or digits' },
  'glossary-term': { name: 'Glossary term', message: '{{term}} should be translated as {{expected}}' },
  'glossary-asr-fix': { name: 'Known ASR error', message: 'The glossary corrects this text: {{after}}' },
  spelling: { name: 'Spelling', message: 'Unknown word: {{word}}' },
} as const satisfies Record<string, { name: string; message: string }>;

export type RuleTextId = keyof typeof RULE_TEXT_EN;

/** Fill {{name}} placeholders from params. */
export function interpolate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : m,
  );
}

/** The English message of a problem (the command line's). */
export function describeProblem(problem: QaProblem): string {
  const text = (RULE_TEXT_EN as Record<string, { message: string }>)[problem.rule];
  const message = text ? interpolate(text.message, problem.params) : problem.rule;
  return problem.side === undefined ? message : `${message} (${problem.side})`;
}
