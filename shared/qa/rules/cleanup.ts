import type { Side } from '../../model/types';
import { findRepeats } from '../../text/repeats';
import { CLEANUP_FIXES, type CleanupFix } from '../cleanup';
import type { Severity } from '../profile';
import type { Finding, SegmentRule } from '../types';
import { sideTextFix } from './typography';

/** Clean-up rules: each reports a segment side its clean-up fix would change, and fixes it. */

const SIDES: readonly Side[] = ['source', 'translation'];

function cleanupRule(fix: CleanupFix, severity: Severity): SegmentRule {
  return {
    id: fix.rule,
    group: 'cleanup',
    severity,
    scope: 'segment',
    params: [],
    check: (s, ctx) => {
      const out: Finding[] = [];
      for (const side of SIDES) {
        const script = ctx.scripts[side];
        const text = s[side];
        if (text === '' || !fix.applies(script, ctx.profile) || !fix.mayApply(text)) continue;
        if (fix.apply(text, script, ctx.profile) !== text) out.push({ segments: [s.id], side, key: side });
      }
      return out;
    },
    fix: sideTextFix(fix.rule, (text, side, ctx) => fix.apply(text, ctx.scripts[side], ctx.profile)),
  };
}

const byId = (id: CleanupFix['id']) => CLEANUP_FIXES.find((f) => f.id === id) as CleanupFix;

/** Repeated words name the word (发发布: 发), so the message can quote it. */
export const repeatedWords: SegmentRule = {
  ...cleanupRule(byId('repeats'), 'warning'),
  params: ['word'],
  check: (s, ctx) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      const found = findRepeats(s[side], ctx.scripts[side]);
      if (found.length > 0) {
        out.push({
          segments: [s.id],
          side,
          key: side,
          params: { word: found.map((r) => r.word).join(' ') },
          range: { start: found[0]?.start ?? 0, end: found[0]?.end ?? 0 },
        });
      }
    }
    return out;
  },
};

export const fillerWords = cleanupRule(byId('fillers'), 'info');
export const widthNormalisation = cleanupRule(byId('width'), 'warning');
export const lineEndPunctuation = cleanupRule(byId('punctuation'), 'info');
export const cjkLatinSpacing = cleanupRule(byId('spacing'), 'info');

export const cleanupRules = [
  repeatedWords,
  fillerWords,
  widthNormalisation,
  lineEndPunctuation,
  cjkLatinSpacing,
] as const;
