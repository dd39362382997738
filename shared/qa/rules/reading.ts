import type { Segment, Side } from '../../model/types';
import { lineLength, readingLength, readingSpeed } from '../../text/count';
import { breakLines, needsBreaking } from '../../text/line-break';
import { textChange } from '../changes';
import { limitsFor } from '../profile';
import { extendInto } from '../timing-fixes';
import type { Change, Finding, QaProblem, RuleContext, SegmentRule } from '../types';

/** Reading rules: characters per line, lines per subtitle and reading speed, per side and its language. */

const SIDES: readonly Side[] = ['source', 'translation'];
const round1 = (n: number) => Math.round(n * 10) / 10;

export const cps: SegmentRule = {
  id: 'cps',
  group: 'reading',
  severity: 'error',
  scope: 'segment',
  params: ['cps', 'max'],
  check: (s, ctx) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      const script = ctx.scripts[side];
      const speed = readingSpeed(s[side], s.start, s.end, script);
      const max = limitsFor(ctx.profile, script).maxCps;
      if (speed !== null && speed > max + 1e-9) {
        // Fixable when the reading time fits in the longest duration (free time permitting, which the fix checks).
        const needMs = Math.ceil((readingLength(s[side], script) / max) * 1000);
        out.push({
          segments: [s.id],
          side,
          key: side,
          params: { cps: round1(speed), max },
          fixable: needMs <= ctx.profile.maxDurationMs,
        });
      }
    }
    return out;
  },
  // Extend into free time until both sides read at the limit.
  fix: (project, problems, ctx) => {
    const ids = [...new Set(problems.map((p) => p.segments[0] as string))];
    const wanted = (s: Segment) => {
      let need = 0;
      for (const side of SIDES) {
        const script = ctx.scripts[side];
        need = Math.max(
          need,
          Math.ceil((readingLength(s[side], script) / limitsFor(ctx.profile, script).maxCps) * 1000),
        );
      }
      return Math.max(need, ctx.profile.minDurationMs);
    };
    return extendInto(project, wanted, { gapMs: ctx.minGapMs, maxDurationMs: ctx.profile.maxDurationMs, ids }, 'cps');
  },
};

/** Re-break a side's text within the profile's limits, when that makes it fit. */
function rebreakFix(rule: string) {
  return (
    project: Parameters<NonNullable<SegmentRule['fix']>>[0],
    problems: readonly QaProblem[],
    ctx: RuleContext,
  ) => {
    const out: Change[] = [];
    const seen = new Set<string>();
    for (const p of problems) {
      const side = p.side ?? 'source';
      const id = p.segments[0] as string;
      if (seen.has(`${id}:${side}`)) continue;
      seen.add(`${id}:${side}`);
      const seg = project.segments.find((s) => s.id === id);
      if (!seg) continue;
      const after = rebreak(seg[side], side, ctx);
      const change = after === null ? null : textChange(project, id, side, after, rule);
      if (change) out.push(change);
    }
    return out;
  };
}

/** Cheap check for `fixable` (the fix itself breaks the lines): the text is short enough to fit the allowed lines. */
function mayFit(text: string, side: Side, ctx: RuleContext): boolean {
  const limits = limitsFor(ctx.profile, ctx.scripts[side]);
  return readingLength(text, ctx.scripts[side]) <= limits.maxCharsPerLine * limits.maxLines * 0.95;
}

/** The text broken to fit, or null when it cannot fit in the allowed lines. */
function rebreak(text: string, side: Side, ctx: RuleContext): string | null {
  const script = ctx.scripts[side];
  const limits = limitsFor(ctx.profile, script);
  const options = { maxChars: limits.maxCharsPerLine, maxLines: limits.maxLines, script };
  const after = breakLines(text, options);
  return after !== text && !needsBreaking(after, options) ? after : null;
}

export const lineLengthRule: SegmentRule = {
  id: 'line-length',
  group: 'reading',
  severity: 'error',
  scope: 'segment',
  params: ['length', 'max', 'line'],
  check: (s, ctx) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      const script = ctx.scripts[side];
      const max = limitsFor(ctx.profile, script).maxCharsPerLine;
      // Walk the lines in place (no split: this runs on every side of every segment).
      const text = s[side];
      let worst = -1;
      let worstLength = max;
      for (let from = 0, line = 0; from <= text.length; line++) {
        let to = text.indexOf('\n', from);
        if (to < 0) to = text.length;
        const n = lineLength(from === 0 && to === text.length ? text : text.slice(from, to), script);
        if (n > worstLength) {
          worst = line;
          worstLength = n;
        }
        from = to + 1;
      }
      if (worst >= 0) {
        out.push({
          segments: [s.id],
          side,
          key: side,
          params: { length: worstLength, max, line: worst + 1 },
          fixable: mayFit(s[side], side, ctx),
        });
      }
    }
    return out;
  },
  fix: rebreakFix('line-length'),
};

export const lineCount: SegmentRule = {
  id: 'line-count',
  group: 'reading',
  severity: 'error',
  scope: 'segment',
  params: ['lines', 'max'],
  check: (s, ctx) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      const max = limitsFor(ctx.profile, ctx.scripts[side]).maxLines;
      const text = s[side];
      // A single line (the usual case) needs no splitting.
      const lines = text.includes('\n') ? text.split('\n').filter((l) => l.trim() !== '').length : 1;
      if (lines > max) {
        out.push({ segments: [s.id], side, key: side, params: { lines, max }, fixable: mayFit(s[side], side, ctx) });
      }
    }
    return out;
  },
  fix: rebreakFix('line-count'),
};

export const readingRules = [cps, lineLengthRule, lineCount] as const;
