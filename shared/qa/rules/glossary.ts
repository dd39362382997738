import type { Finding, SegmentRule } from '../types';
import { sideTextFix } from './typography';

/** Glossary rules: a term translated otherwise than the glossary says, and a known ASR error. */

export const glossaryTerm: SegmentRule = {
  id: 'glossary-term',
  group: 'glossary',
  severity: 'warning',
  scope: 'segment',
  params: ['term', 'expected'],
  check: (s, ctx) => {
    const g = ctx.glossary;
    // An untranslated segment is the missing-translation rule's.
    if (!g || s.translation.trim() === '' || s.source === '') return [];
    const out: Finding[] = [];
    for (const term of g.termsIn(s.source)) {
      if (!g.translationHas(s.translation, term.target)) {
        out.push({
          segments: [s.id],
          side: 'translation',
          key: term.source,
          params: { term: term.source, expected: term.target },
          fixable: false,
        });
      }
    }
    return out;
  },
};

export const glossaryAsrFix: SegmentRule = {
  id: 'glossary-asr-fix',
  group: 'glossary',
  severity: 'warning',
  scope: 'segment',
  params: ['before', 'after'],
  check: (s, ctx) => {
    const g = ctx.glossary;
    if (!g?.hasAsrError(s.source)) return [];
    const after = g.fixAsr(s.source);
    if (after === s.source) return [];
    return [{ segments: [s.id], side: 'source', params: { before: s.source, after } }];
  },
  fix: sideTextFix('glossary-asr-fix', (text, _side, ctx) => ctx.glossary?.fixAsr(text) ?? text),
};

export const glossaryRules = [glossaryTerm, glossaryAsrFix] as const;
