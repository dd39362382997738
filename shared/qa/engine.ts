import { compileGlossary } from '../glossary/compile';
import type { Project, Segment } from '../model/types';
import { scriptOf } from '../text/count';
import { applyChanges, mergeChanges } from './changes';
import { DEFAULT_FRAME_RATE, minGapMs, type Severity } from './profile';
import { RULES } from './registry';
import type { Change, Finding, QaOptions, QaProblem, QaRule, RuleContext, SegmentRule, TimedSegment } from './types';

/**
 * The QA pass: every rule of the registry over a project, problems in project order. A session
 * keeps each segment's results keyed by the segment object (edits replace only the segments they
 * touch), so running it again after a keystroke re-checks one segment plus the cheap timeline rules.
 */
export interface QaReport {
  readonly problems: readonly QaProblem[];
  /** Problems per rule id (rules with none are absent). */
  readonly counts: Readonly<Record<string, number>>;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function buildContext(project: Project, options: QaOptions): RuleContext {
  const frameRate = options.frameRate ?? project.frameRate ?? DEFAULT_FRAME_RATE;
  return {
    profile: options.profile,
    frameRate,
    minGapMs: minGapMs(options.profile, frameRate),
    scripts: { source: scriptOf(project.languages.source), translation: scriptOf(project.languages.translation) },
    hasTranslations: project.segments.some((s) => s.translation.trim() !== ''),
    glossary: options.glossary && options.glossary.entries.length > 0 ? compileGlossary(options.glossary) : null,
    spell: options.spell ?? null,
    userWords: new Set((options.userWords ?? []).map((w) => w.toLowerCase())),
  };
}

/** The rules in force under the profile, each with its severity there. */
function activeRules(ctx: RuleContext): { rule: QaRule; severity: Severity }[] {
  const out: { rule: QaRule; severity: Severity }[] = [];
  for (const rule of RULES) {
    const override = ctx.profile.rules[rule.id];
    if (override === 'off') continue;
    out.push({ rule, severity: override ?? rule.severity });
  }
  return out;
}

function toProblem(rule: QaRule, severity: Severity, f: Finding): QaProblem {
  const key = `${rule.id}:${f.segments.join('+')}${f.side ? `:${f.side}` : ''}${f.key && f.key !== f.side ? `:${f.key}` : ''}`;
  return {
    id: key,
    rule: rule.id,
    severity,
    segments: f.segments,
    ...(f.side ? { side: f.side } : {}),
    params: f.params ?? {},
    ...(f.range ? { range: f.range } : {}),
    fixable: rule.fix !== undefined && f.fixable !== false,
  };
}

/** Timed segments in time order (start, end, then project order). */
export function timelineOf(project: Project): TimedSegment[] {
  const out: TimedSegment[] = [];
  project.segments.forEach((segment, index) => {
    if (segment.start !== null && segment.end !== null)
      out.push({ segment, index, start: segment.start, end: segment.end });
  });
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.index - b.index);
}

export interface QaSession {
  run(project: Project, options: QaOptions): QaReport;
}

/** A QA pass that remembers per-segment results between runs (for the live panel). */
export function createQaSession(): QaSession {
  let cache = new WeakMap<Segment, QaProblem[]>();
  let lastKey: readonly unknown[] = [];

  return {
    run(project, options) {
      const ctx = buildContext(project, options);
      // Per-segment results depend on these; any change drops them.
      const key = [
        options.profile,
        ctx.frameRate,
        ctx.scripts.source,
        ctx.scripts.translation,
        ctx.hasTranslations,
        options.glossary,
        options.spell,
        options.spell?.version,
        options.userWords,
      ];
      if (key.length !== lastKey.length || key.some((k, i) => k !== lastKey[i])) cache = new WeakMap();
      lastKey = key;
      return runWith(project, ctx, cache);
    },
  };
}

/** One full QA pass. */
export function runQa(project: Project, options: QaOptions): QaReport {
  return runWith(project, buildContext(project, options), new WeakMap());
}

function runWith(project: Project, ctx: RuleContext, cache: WeakMap<Segment, QaProblem[]>): QaReport {
  const rules = activeRules(ctx);
  const segmentRules = rules.filter((r): r is { rule: SegmentRule; severity: Severity } => r.rule.scope === 'segment');
  const order = new Map(project.segments.map((s, i) => [s.id, i] as const));
  const ruleRank = new Map(RULES.map((r, i) => [r.id, i]));

  const problems: QaProblem[] = [];
  for (const segment of project.segments) {
    let found = cache.get(segment);
    if (!found) {
      found = [];
      for (const { rule, severity } of segmentRules) {
        for (const f of rule.check(segment, ctx)) found.push(toProblem(rule, severity, f));
      }
      cache.set(segment, found);
    }
    for (const p of found) problems.push(p);
  }
  const timeline = timelineOf(project);
  for (const { rule, severity } of rules) {
    if (rule.scope !== 'timeline') continue;
    for (const f of rule.check(timeline, ctx)) problems.push(toProblem(rule, severity, f));
  }
  problems.sort(
    (a, b) =>
      (order.get(a.segments[0] as string) ?? 0) - (order.get(b.segments[0] as string) ?? 0) ||
      (ruleRank.get(a.rule) ?? 0) - (ruleRank.get(b.rule) ?? 0),
  );

  const counts: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const p of problems) {
    counts[p.rule] = (counts[p.rule] ?? 0) + 1;
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else infos++;
  }
  return { problems, counts, errors, warnings, infos };
}

/**
 * Fix these problems: each rule's fix in registry order, each working on the project the previous
 * ones left. Returns the merged changes (one per segment side, for a review list) and the project
 * with them applied (one undo step for the editor). Problems without a fix are ignored.
 */
export function planFixes(
  project: Project,
  problems: readonly QaProblem[],
  options: QaOptions,
): { changes: Change[]; project: Project } {
  let current = project;
  const all: Change[] = [];
  for (const rule of RULES) {
    if (!rule.fix) continue;
    const mine = problems.filter((p) => p.rule === rule.id && p.fixable);
    if (mine.length === 0) continue;
    const alive = new Set(current.segments.map((s) => s.id));
    const still = mine.filter((p) => p.segments.every((id) => alive.has(id)));
    if (still.length === 0) continue;
    // Changes carry the QA rule's id, whichever fix function made them.
    const changes = rule.fix(current, still, buildContext(current, options)).map((c) => ({ ...c, rule: rule.id }));
    current = applyChanges(current, changes);
    all.push(...changes);
  }
  return { changes: mergeChanges(project, all), project: current };
}
