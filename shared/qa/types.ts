import type { CompiledGlossary } from '../glossary/compile';
import type { Glossary } from '../glossary/model';
import type { Project, Segment, SegmentId, Side } from '../model/types';
import type { Script } from '../text/count';
import type { QaProfile, Severity } from './profile';

export type { Severity } from './profile';

/** One problem the QA pass found. Messages are worded by the reader (UI via i18next, CLI in English) from rule + params. */
export interface QaProblem {
  /**
   * Stable while the problem lasts: rule, segment ids, side and a rule-specific key (never a row
   * number or a text offset), so the UI can keep a selection or a dismissal across edits.
   */
  readonly id: string;
  readonly rule: string;
  readonly severity: Severity;
  /** The segments concerned, in project order (two for an overlap, a gap or a duplicate). */
  readonly segments: readonly SegmentId[];
  /** The text side concerned, for text rules. */
  readonly side?: Side;
  /** Numbers and words for the message: limits, measured values, the word found. */
  readonly params: Readonly<Record<string, string | number>>;
  /** Where in the side's text (UTF-16 offsets, end exclusive), for problems in a part of it (spelling). */
  readonly range?: { readonly start: number; readonly end: number };
  /** The rule has a fix for this problem (fixFor / planFixes). */
  readonly fixable: boolean;
}

/** What a word checker says: true known, false misspelt, undefined not known yet (not reported). */
export interface SpellChecker {
  isKnown(word: string): boolean | undefined;
  /** Changes when answers that were undefined may now be known: cached QA results are dropped. */
  readonly version?: number;
}

/** What the QA pass is run with. */
export interface QaOptions {
  readonly profile: QaProfile;
  /** The project's frame rate (project.frameRate, else the default 25). */
  readonly frameRate?: number;
  /** Project glossary merged with the user's (mergeGlossaries). */
  readonly glossary?: Glossary | null;
  /** English spell check; absent: no `spelling` problems. */
  readonly spell?: SpellChecker | null;
  /** User words counted as spelt right (lower-cased or as written). */
  readonly userWords?: readonly string[];
}

/** What every rule reads besides the segments: the options, prepared once per pass. */
export interface RuleContext {
  readonly profile: QaProfile;
  readonly frameRate: number;
  readonly minGapMs: number;
  readonly scripts: { readonly source: Script; readonly translation: Script };
  /** Some segment has a translation: only then is a missing one a problem. */
  readonly hasTranslations: boolean;
  readonly glossary: CompiledGlossary | null;
  readonly spell: SpellChecker | null;
  readonly userWords: ReadonlySet<string>;
}

/** A problem as a rule reports it; the engine adds id, severity and fixable. */
export interface Finding {
  readonly segments: readonly SegmentId[];
  readonly side?: Side;
  readonly params?: Readonly<Record<string, string | number>>;
  readonly range?: { readonly start: number; readonly end: number };
  /** Distinguishes several problems of one rule on the same segment and side (a word, a line). */
  readonly key?: string;
  /** Default true when the rule has a fix; a rule says false where its fix cannot help this one. */
  readonly fixable?: boolean;
}

export type RuleGroup = 'timing' | 'reading' | 'content' | 'typography' | 'cleanup' | 'glossary' | 'spelling';

/** A segment in time order, with its position in the project. */
export interface TimedSegment {
  readonly segment: Segment;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

interface RuleBase {
  /** Stable id: used in settings, CLI output, i18n keys (`qa.rules.<id>`) and problem ids. */
  readonly id: string;
  readonly group: RuleGroup;
  readonly severity: Severity;
  /** The params its findings carry (the messages' placeholders; checked by a test). */
  readonly params: readonly string[];
  /**
   * The fix: proposed changes for these problems of this rule on the project. Pure; the UI previews
   * the changes and applies them as one undo step (applyChanges).
   */
  readonly fix?: (project: Project, problems: readonly QaProblem[], ctx: RuleContext) => Change[];
}

/** Looks at one segment alone: cached per segment object between passes. */
export interface SegmentRule extends RuleBase {
  readonly scope: 'segment';
  check(segment: Segment, ctx: RuleContext): Finding[];
}

/** Looks at segments next to each other in time (overlaps, gaps). */
export interface TimelineRule extends RuleBase {
  readonly scope: 'timeline';
  /** `timeline`: the timed segments sorted by start (then end, then project order). */
  check(timeline: readonly TimedSegment[], ctx: RuleContext): Finding[];
}

export type QaRule = SegmentRule | TimelineRule;

/** A proposed text change of one side of one segment. */
export interface TextChange {
  readonly kind: 'text';
  readonly segment: SegmentId;
  readonly side: Side;
  readonly before: string;
  readonly after: string;
  /** The rule or fix that proposes it (several joined with '+' after merging). */
  readonly rule: string;
}

/** A proposed retiming of one segment. */
export interface TimingChange {
  readonly kind: 'timing';
  readonly segment: SegmentId;
  readonly before: { readonly start: number; readonly end: number };
  readonly after: { readonly start: number; readonly end: number };
  readonly rule: string;
}

/** A proposed deletion (a duplicate segment). */
export interface RemoveChange {
  readonly kind: 'remove';
  readonly segment: SegmentId;
  readonly rule: string;
}

export type Change = TextChange | TimingChange | RemoveChange;
