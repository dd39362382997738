import { describe, expect, it } from 'vitest';
import { setText } from '../model/project';
import { createQaSession, planFixes, runQa } from './engine';
import { NETFLIX_PROFILE } from './profile';
import { RULES } from './registry';
import { problems, project } from './testing/qa';
import type { SpellChecker } from './types';

const ISSUE_IDS = [
  'overlap',
  'duplicate',
  'duration-zero-or-negative',
  'duration-too-short',
  'duration-too-long',
  'gap-too-small',
  'cps',
  'line-length',
  'line-count',
  'missing-translation',
  'empty-text',
  'untimed',
];

describe('the rule table', () => {
  it('has unique ids, including every id the command line promises', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ISSUE_IDS) expect(ids).toContain(id);
    for (const id of ['glossary-term', 'spelling', 'repeated-words', 'translation-too-long']) expect(ids).toContain(id);
  });
});

describe('runQa', () => {
  const p = project([
    { start: 0, end: 2000, source: '尊敬的各位领导', translation: 'Distinguished leaders' },
    { start: 1900, end: 2300, source: '', translation: 'guests' },
    { source: '未定时' },
  ]);

  it('lists problems in project order with counts per rule and severity totals', () => {
    const report = runQa(p, { profile: NETFLIX_PROFILE });
    expect(report.problems.map((x) => [x.rule, x.segments.join('+')])).toEqual([
      ['overlap', 's1+s2'],
      ['duration-too-short', 's2'],
      ['empty-text', 's2'],
      ['untimed', 's3'],
      ['missing-translation', 's3'],
    ]);
    expect(report.counts).toEqual({
      overlap: 1,
      'duration-too-short': 1,
      'empty-text': 1,
      untimed: 1,
      'missing-translation': 1,
    });
    expect([report.errors, report.warnings, report.infos]).toEqual([4, 1, 0]);
  });

  it('gives problems ids that survive edits elsewhere', () => {
    const before = runQa(p, { profile: NETFLIX_PROFILE }).problems.map((x) => x.id);
    const edited = setText(p, 's1', 'translation', 'Dear leaders');
    expect(runQa(edited, { profile: NETFLIX_PROFILE }).problems.map((x) => x.id)).toEqual(before);
    expect(before).toContain('overlap:s1+s2');
  });

  it('turns rules off or changes their severity through the profile', () => {
    const profile = { ...NETFLIX_PROFILE, rules: { overlap: 'off' as const, untimed: 'warning' as const } };
    const report = runQa(p, { profile });
    expect(report.counts.overlap).toBeUndefined();
    expect(report.problems.find((x) => x.rule === 'untimed')?.severity).toBe('warning');
  });
});

describe('createQaSession', () => {
  it('re-checks only the segments an edit replaced', () => {
    let calls = 0;
    const spell: SpellChecker = {
      isKnown: (w) => {
        calls++;
        return w !== 'teh' && w !== 'dgo';
      },
    };
    const base = project([
      { start: 0, end: 2000, source: '一', translation: 'teh cat' },
      { start: 3000, end: 5000, source: '二', translation: 'a dog' },
    ]);
    const session = createQaSession();
    const options = { profile: NETFLIX_PROFILE, spell };
    expect(session.run(base, options).counts.spelling).toBe(1);
    const first = calls;
    const edited = setText(base, 's2', 'translation', 'a dgo');
    const report = session.run(edited, options);
    expect(calls - first).toBe(1); // only s2 again: "a" is too short to check, "dgo" is checked
    expect(report.problems.filter((x) => x.rule === 'spelling').map((x) => x.params.word)).toEqual(['teh', 'dgo']);
    // Same results as a fresh pass.
    expect(report).toEqual(runQa(edited, options));
  });

  it('drops its cache when the options change', () => {
    const session = createQaSession();
    const p = project([{ start: 0, end: 1000, source: '一二三四五六七八九十' }]);
    expect(session.run(p, { profile: NETFLIX_PROFILE }).counts.cps).toBe(1);
    const loose = { ...NETFLIX_PROFILE, zh: { ...NETFLIX_PROFILE.zh, maxCps: 12 } };
    expect(session.run(p, { profile: loose }).counts.cps).toBeUndefined();
  });
});

describe('planFixes', () => {
  it('applies the fixes of several rules as one project and one merged review list', () => {
    const p = project([
      { start: 0, end: 1500, source: ' 发发布了 ', translation: 'the the model' },
      { start: 1000, end: 3000, source: '好', translation: 'good' },
    ]);
    const report = runQa(p, { profile: NETFLIX_PROFILE });
    const { changes, project: fixed } = planFixes(p, report.problems, { profile: NETFLIX_PROFILE });
    expect(fixed.segments[0]).toMatchObject({ source: '发布了', translation: 'the model', end: 920 });
    expect(changes.map((c) => [c.kind, c.segment, c.rule])).toEqual([
      ['text', 's1', 'whitespace+repeated-words'],
      ['text', 's1', 'repeated-words'],
      ['timing', 's1', 'overlap'],
    ]);
    expect(runQa(fixed, { profile: NETFLIX_PROFILE }).counts.overlap).toBeUndefined();
  });

  it('never changes a locked segment', () => {
    const p = project([{ start: 0, end: 1000, source: ' 好 ', flags: ['locked'] }]);
    expect(planFixes(p, problems(p, 'whitespace'), { profile: NETFLIX_PROFILE }).project).toBe(p);
  });
});
