import { readingLength } from '../../text/count';
import { limitsFor } from '../profile';
import { closeGaps, extendShort, trimOverlaps } from '../timing-fixes';
import type { Change, Finding, QaProblem, RuleContext, SegmentRule, TimedSegment, TimelineRule } from '../types';

/** Timing rules: durations of one segment, and neighbours in time (overlaps, duplicates, gaps). */

const idsOf = (problems: readonly QaProblem[]) => [...new Set(problems.flatMap((p) => p.segments))];
const fixOptions = (ctx: RuleContext, problems: readonly QaProblem[]) => ({
  gapMs: ctx.minGapMs,
  maxDurationMs: ctx.profile.maxDurationMs,
  ids: idsOf(problems),
});

export const untimed: SegmentRule = {
  id: 'untimed',
  group: 'timing',
  severity: 'error',
  scope: 'segment',
  params: [],
  check: (s) => (s.start === null || s.end === null ? [{ segments: [s.id] }] : []),
};

export const durationZeroOrNegative: SegmentRule = {
  id: 'duration-zero-or-negative',
  group: 'timing',
  severity: 'error',
  scope: 'segment',
  params: ['durationMs'],
  check: (s) =>
    s.start !== null && s.end !== null && s.end <= s.start
      ? [{ segments: [s.id], params: { durationMs: s.end - s.start } }]
      : [],
  fix: (project, problems, ctx) =>
    extendShort(project, { ...fixOptions(ctx, problems), minDurationMs: ctx.profile.minDurationMs }),
};

export const durationTooShort: SegmentRule = {
  id: 'duration-too-short',
  group: 'timing',
  severity: 'error',
  scope: 'segment',
  params: ['durationMs', 'minMs'],
  check: (s, ctx) => {
    if (s.start === null || s.end === null || s.end <= s.start) return [];
    const d = s.end - s.start;
    return d < ctx.profile.minDurationMs
      ? [{ segments: [s.id], params: { durationMs: d, minMs: ctx.profile.minDurationMs } }]
      : [];
  },
  fix: (project, problems, ctx) =>
    extendShort(project, { ...fixOptions(ctx, problems), minDurationMs: ctx.profile.minDurationMs }),
};

export const durationTooLong: SegmentRule = {
  id: 'duration-too-long',
  group: 'timing',
  severity: 'error',
  scope: 'segment',
  params: ['durationMs', 'maxMs'],
  check: (s, ctx) => {
    if (s.start === null || s.end === null) return [];
    const d = s.end - s.start;
    return d > ctx.profile.maxDurationMs
      ? [{ segments: [s.id], params: { durationMs: d, maxMs: ctx.profile.maxDurationMs } }]
      : [];
  },
  // Obvious fix: end at the longest allowed duration.
  fix: (project, problems, ctx) => {
    const ids = new Set(idsOf(problems));
    const changes: Change[] = [];
    for (const s of project.segments) {
      if (!ids.has(s.id) || s.start === null || s.end === null || s.flags.includes('locked')) continue;
      if (s.end - s.start <= ctx.profile.maxDurationMs) continue;
      changes.push({
        kind: 'timing',
        segment: s.id,
        before: { start: s.start, end: s.end },
        after: { start: s.start, end: s.start + ctx.profile.maxDurationMs },
        rule: 'duration-too-long',
      });
    }
    return changes;
  },
};

const sameText = (a: TimedSegment, b: TimedSegment) =>
  a.segment.source.trim() === b.segment.source.trim() && a.segment.translation.trim() === b.segment.translation.trim();
const pair = (a: TimedSegment, b: TimedSegment) =>
  a.index <= b.index ? [a.segment.id, b.segment.id] : [b.segment.id, a.segment.id];

/** At most this many later segments are compared with one (a pathological file must not cost seconds). */
const OVERLAP_SCAN = 64;

export const duplicate: TimelineRule = {
  id: 'duplicate',
  group: 'timing',
  severity: 'error',
  scope: 'timeline',
  params: [],
  check: (timeline) => {
    const out: Finding[] = [];
    for (let i = 0; i < timeline.length; i++) {
      const a = timeline[i] as TimedSegment;
      for (let j = i + 1; j < timeline.length; j++) {
        const b = timeline[j] as TimedSegment;
        if (b.start !== a.start || b.end !== a.end) break;
        if (sameText(a, b)) {
          out.push({ segments: pair(a, b) });
          break;
        }
      }
    }
    return out;
  },
  // The later copy (in project order) goes.
  fix: (_project, problems) =>
    problems.map(
      (p) => ({ kind: 'remove', segment: p.segments[p.segments.length - 1] as string, rule: 'duplicate' }) as Change,
    ),
};

export const overlap: TimelineRule = {
  id: 'overlap',
  group: 'timing',
  severity: 'error',
  scope: 'timeline',
  params: ['overlapMs'],
  check: (timeline) => {
    const out: Finding[] = [];
    for (let i = 0; i < timeline.length; i++) {
      const a = timeline[i] as TimedSegment;
      for (let j = i + 1; j < timeline.length && j <= i + OVERLAP_SCAN; j++) {
        const b = timeline[j] as TimedSegment;
        // Touching (end equals the next start) is not an overlap; exact duplicates are their own rule.
        if (b.start >= a.end) break;
        if (b.start === a.start && b.end === a.end && sameText(a, b)) continue;
        if (b.end <= b.start || a.end <= a.start) continue;
        out.push({ segments: pair(a, b), params: { overlapMs: Math.min(a.end, b.end) - b.start } });
      }
    }
    return out;
  },
  fix: (project, problems, ctx) => trimOverlaps(project, fixOptions(ctx, problems)),
};

export const gapTooSmall: TimelineRule = {
  id: 'gap-too-small',
  group: 'timing',
  severity: 'error',
  scope: 'timeline',
  params: ['gapMs', 'minGapMs', 'minGapFrames'],
  check: (timeline, ctx) => {
    const out: Finding[] = [];
    if (ctx.minGapMs <= 0) return out;
    for (let i = 0; i + 1 < timeline.length; i++) {
      const a = timeline[i] as TimedSegment;
      const b = timeline[i + 1] as TimedSegment;
      const gap = b.start - a.end;
      if (gap >= 0 && gap < ctx.minGapMs) {
        out.push({
          segments: pair(a, b),
          params: { gapMs: gap, minGapMs: ctx.minGapMs, minGapFrames: ctx.profile.minGapFrames },
        });
      }
    }
    return out;
  },
  fix: (project, problems, ctx) => closeGaps(project, { ...fixOptions(ctx, problems), maxGapMs: ctx.minGapMs }),
};

/**
 * A translation that cannot be read at the profile's speed in the time there is: its reading time
 * is longer than the segment may last, up to the next segment's start (less the gap) and the
 * longest duration. Retiming cannot help: it needs shorter wording or a split.
 */
export const translationTooLong: TimelineRule = {
  id: 'translation-too-long',
  group: 'reading',
  severity: 'warning',
  scope: 'timeline',
  params: ['needMs', 'availableMs'],
  check: (timeline, ctx) => {
    const out: Finding[] = [];
    const limits = limitsFor(ctx.profile, ctx.scripts.translation);
    for (let i = 0; i < timeline.length; i++) {
      const t = timeline[i] as TimedSegment;
      const text = t.segment.translation;
      if (text.trim() === '') continue;
      const needMs = Math.ceil((readingLength(text, ctx.scripts.translation) / limits.maxCps) * 1000);
      if (needMs <= t.end - t.start) continue;
      const next = timeline[i + 1];
      const untilNext = next ? next.start - ctx.minGapMs - t.start : Number.POSITIVE_INFINITY;
      const availableMs = Math.max(t.end - t.start, Math.min(ctx.profile.maxDurationMs, untilNext));
      if (needMs > availableMs)
        out.push({ segments: [t.segment.id], side: 'translation', params: { needMs, availableMs } });
    }
    return out;
  },
};

export const timingRules = [
  untimed,
  durationZeroOrNegative,
  durationTooShort,
  durationTooLong,
  overlap,
  duplicate,
  gapTooSmall,
] as const;
