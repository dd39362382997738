import type { Project, Side } from '../model/types';
import { type Script, scriptOf } from '../text/count';
import { removeFillers } from '../text/fillers';
import { subtitlePunctuation } from '../text/punctuation';
import { removeRepeats } from '../text/repeats';
import { spaceCjkLatin } from '../text/spacing';
import { normaliseWidth } from '../text/width';
import { textChange } from './changes';
import type { QaProfile } from './profile';
import type { TextChange } from './types';

/**
 * Chinese text clean-up as reviewable fixes: each is a pure text → text function for one side of a
 * given script, and proposeCleanup lists what the chosen ones would change, per segment, for a review
 * list that is applied at once (applyChanges).
 */
export type CleanupId = 'width' | 'fillers' | 'repeats' | 'punctuation' | 'spacing';

export interface CleanupFix {
  readonly id: CleanupId;
  /** The QA rule that reports what this fix changes. */
  readonly rule: string;
  /** Which sides it works on. */
  readonly applies: (script: Script, profile: QaProfile) => boolean;
  /** Cheap test: can the fix change this text at all? (The QA pass runs it on every segment.) */
  readonly mayApply: (text: string) => boolean;
  readonly apply: (text: string, script: Script, profile: QaProfile) => string;
}

const CJK_WIDTH_HINT =
  /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]|\d[。．：]\d|[\u3400-\u9fff][,?!:;.(]|[A-Za-z0-9][\uff01-\uff5e][A-Za-z0-9]/;

export const CLEANUP_FIXES: readonly CleanupFix[] = [
  {
    id: 'width',
    rule: 'width-normalisation',
    applies: (script) => script === 'cjk',
    mayApply: (text) => CJK_WIDTH_HINT.test(text),
    apply: (text, script) => normaliseWidth(text, script),
  },
  {
    id: 'fillers',
    rule: 'filler-words',
    applies: (_script, profile) => profile.fillers.length > 0,
    mayApply: () => true,
    apply: (text, _script, profile) =>
      removeFillers(text, { fillers: profile.fillers, exceptions: profile.fillerExceptions }),
  },
  {
    id: 'repeats',
    rule: 'repeated-words',
    applies: () => true,
    mayApply: () => true,
    apply: (text, script) => removeRepeats(text, script),
  },
  {
    id: 'punctuation',
    rule: 'line-end-punctuation',
    applies: (script, profile) => script === 'cjk' && profile.punctuation === 'subtitle',
    mayApply: (text) => /[，。]|[、；,;]\s*(\n|$)/.test(text),
    apply: (text) => subtitlePunctuation(text),
  },
  {
    id: 'spacing',
    rule: 'cjk-latin-spacing',
    applies: (script, profile) => script === 'cjk' && profile.cjkLatinSpacing,
    mayApply: (text) => /[\u3400-\u9fff][A-Za-z0-9]|[A-Za-z0-9%][\u3400-\u9fff]/.test(text),
    apply: (text) => spaceCjkLatin(text),
  },
];

/** The chosen clean-ups of one side's text, in the table's order (width first, spacing last). */
export function cleanText(text: string, script: Script, profile: QaProfile, fixes: readonly CleanupId[]): string {
  let out = text;
  for (const fix of CLEANUP_FIXES) {
    if (fixes.includes(fix.id) && fix.applies(script, profile) && fix.mayApply(out))
      out = fix.apply(out, script, profile);
  }
  return out;
}

/** What the chosen clean-ups would change, per segment and side, in project order. */
export function proposeCleanup(
  project: Project,
  profile: QaProfile,
  fixes: readonly CleanupId[],
  sides: readonly Side[] = ['source', 'translation'],
): TextChange[] {
  const scripts = { source: scriptOf(project.languages.source), translation: scriptOf(project.languages.translation) };
  const out: TextChange[] = [];
  for (const seg of project.segments) {
    for (const side of sides) {
      const after = cleanText(seg[side], scripts[side], profile, fixes);
      const change = textChange(project, seg.id, side, after, fixes.join('+'));
      if (change) out.push(change);
    }
  }
  return out;
}
