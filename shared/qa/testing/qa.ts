import { createProject, type SegmentInit } from '../../model/project';
import type { Project } from '../../model/types';
import { runQa } from '../engine';
import { NETFLIX_PROFILE, type QaProfile } from '../profile';
import type { QaOptions, QaProblem } from '../types';

/** Test helpers: a Chinese + English project from segment inits, and the problems of one rule. */
export function project(segments: readonly SegmentInit[], extra: Partial<Project> = {}): Project {
  return { ...createProject({ segments }), ...extra };
}

export function problems(
  p: Project,
  rule: string,
  options: Partial<QaOptions> & { profile?: QaProfile } = {},
): QaProblem[] {
  return runQa(p, { profile: NETFLIX_PROFILE, ...options }).problems.filter((x) => x.rule === rule);
}

/** `n` Han characters (no repeats that the repeated-words rule would see). */
export function han(n: number): string {
  const pool = '智源研究院发布具身智能大模型数据训练评测开放平台生态合作伙伴国际会议学术报告';
  let s = '';
  for (let i = 0; i < n; i++) s += pool[i % pool.length];
  return s;
}

/** `n` characters of English words and spaces. */
export function english(n: number): string {
  const text = 'embodied intelligence needs data and models that learn from the world around them every day ';
  let s = '';
  while (s.length < n) s += text;
  return s.slice(0, n).replace(/ $/, 'x');
}
