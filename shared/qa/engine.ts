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
  let id = `${rule.id}:${f.segments.join('+')}`;
  if (f.side) id += `:${f.side}`;
  if (f.key && f.key !== f.side) id += `:${f.key}`;
  // Written out rather than spread: a pass on a long talk makes thousands of these.
  const p: { -readonly [K in keyof QaProblem]: QaProblem[K] } = {
    id,
    rule: rule.id,
    severity,
    segments: f.segments,
    params: f.params ?? NO_PARAMS,
    fixable: rule.fix !== undefined && f.fixable !== false,
  };
  if (f.side) p.side = f.side;
  if (f.range) p.range = f.range;
  return p;
}

const NO_PARAMS: Readonly<Record<string, string | number>> = Object.freeze({});

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
  return runWith(project, buildContext(project, options), null);
}

function runWith(project: Project, ctx: RuleContext, cache: WeakMap<Segment, QaProblem[]> | null): QaReport {
  const rules = activeRules(ctx);
  const segmentRules = rules.filter((r): r is { rule: SegmentRule; severity: Severity } => r.rule.scope === 'segment');

  // Timeline problems, by the project index of their first segment, merged in below (no global sort).
  const order = new Map<string, number>();
  for (let i = 0; i < project.segments.length; i++) order.set((project.segments[i] as Segment).id, i);
  const timeline = timelineOf(project);
  const later = new Map<number, QaProblem[]>();
  for (const { rule, severity } of rules) {
    if (rule.scope !== 'timeline') continue;
    for (const f of rule.check(timeline, ctx)) {
      const at = order.get(f.segments[0] as string) ?? 0;
      const list = later.get(at);
      if (list) list.push(toProblem(rule, severity, f));
      else later.set(at, [toProblem(rule, severity, f)]);
    }
  }

  const problems: QaProblem[] = [];
  for (let i = 0; i < project.segments.length; i++) {
    const segment = project.segments[i] as Segment;
    let found = cache?.get(segment);
    if (!found) {
      found = [];
      for (const { rule, severity } of segmentRules) {
        const findings = rule.check(segment, ctx);
        for (let k = 0; k < findings.length; k++) found.push(toProblem(rule, severity, findings[k] as Finding));
      }
      cache?.set(segment, found);
    }
    const extra = later.get(i);
    if (!extra) {
      for (let k = 0; k < found.length; k++) problems.push(found[k] as QaProblem);
      continue;
    }
    // A few problems at most: list this segment's in rule order.
    problems.push(...[...found, ...extra].sort((a, b) => (RULE_RANK.get(a.rule) ?? 0) - (RULE_RANK.get(b.rule) ?? 0)));
  }

  const byRule = new Map<string, number>();
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (let k = 0; k < problems.length; k++) {
    const p = problems[k] as QaProblem;
    byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
    if (p.severity === 'error') errors++;
    else if (p.severity === 'warning') warnings++;
    else infos++;
  }
  const counts: Record<string, number> = Object.fromEntries(byRule);
  return { problems, counts, errors, warnings, infos };
}

const RULE_RANK = new Map(RULES.map((r, i) => [r.id, i]));

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
