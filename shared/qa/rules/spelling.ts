import { checkableWords } from '../../text/spelling';
import type { Finding, RuleContext, SegmentRule } from '../types';

/** English spelling of Latin-script sides: words the checker does not know, nor the glossary nor the user's list. */

function known(word: string, ctx: RuleContext): boolean | undefined {
  const lower = word.toLowerCase();
  if (ctx.userWords.has(lower) || ctx.glossary?.knownWords.has(lower)) return true;
  const answer = ctx.spell?.isKnown(word);
  // A possessive or contraction the dictionary lacks: the word before the apostrophe decides.
  if (answer === false && /'s$/i.test(word)) return known(word.slice(0, -2), ctx);
  return answer;
}

export const spelling: SegmentRule = {
  id: 'spelling',
  group: 'spelling',
  severity: 'warning',
  scope: 'segment',
  params: ['word'],
  check: (s, ctx) => {
    if (!ctx.spell) return [];
    const out: Finding[] = [];
    for (const side of ['source', 'translation'] as const) {
      if (ctx.scripts[side] !== 'latin' || s[side] === '') continue;
      const seen = new Map<string, number>();
      for (const w of checkableWords(s[side])) {
        if (known(w.word, ctx) !== false) continue;
        const n = (seen.get(w.word) ?? 0) + 1;
        seen.set(w.word, n);
        out.push({
          segments: [s.id],
          side,
          key: `${w.word}#${n}`,
          params: { word: w.word },
          range: { start: w.start, end: w.end },
          fixable: false,
        });
      }
    }
    return out;
  },
};
