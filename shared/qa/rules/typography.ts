import type { Project, Side } from '../../model/types';
import { normaliseWidth } from '../../text/width';
import { HAN_CHAR } from '../../text/words';
import { textChange } from '../changes';
import type { Change, Finding, QaProblem, RuleContext, SegmentRule } from '../types';

/** Typography rules: spaces, brackets and quotes, and each language's script in its own field. */

const SIDES: readonly Side[] = ['source', 'translation'];

/** A fix that maps one side's text through `transform`, for each problem's segment and side. */
export function sideTextFix(rule: string, transform: (text: string, side: Side, ctx: RuleContext) => string) {
  return (project: Project, problems: readonly QaProblem[], ctx: RuleContext): Change[] => {
    const out: Change[] = [];
    const seen = new Set<string>();
    const byId = new Map(project.segments.map((s) => [s.id, s]));
    for (const p of problems) {
      const side = p.side ?? 'source';
      const id = p.segments[0] as string;
      const key = `${id}\u0000${side}`;
      const seg = byId.get(id);
      if (seen.has(key) || !seg) continue;
      seen.add(key);
      const change = textChange(project, id, side, transform(seg[side], side, ctx), rule);
      if (change) out.push(change);
    }
    return out;
  };
}

/** Lines trimmed, runs of spaces made one (a full-width space in Chinese text counts as a space too). */
export function tidySpaces(text: string): string {
  return text
    .split('\n')
    .map((l) =>
      l.replace(/[ \t\u3000]{2,}/g, (m) => (m.includes('\u3000') && !m.includes(' ') ? '\u3000' : ' ')).trim(),
    )
    .join('\n');
}

export const whitespace: SegmentRule = {
  id: 'whitespace',
  group: 'typography',
  severity: 'warning',
  scope: 'segment',
  params: ['kind'],
  check: (s) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      const text = s[side];
      if (text === '') continue;
      const edge = /^[ \t\u3000]|[ \t\u3000]$/m.test(text);
      const double = /[ \t\u3000]{2,}/.test(text);
      if (edge || double) {
        out.push({
          segments: [s.id],
          side,
          key: side,
          params: { kind: edge && double ? 'both' : edge ? 'edge' : 'double' },
        });
      }
    }
    return out;
  },
  fix: sideTextFix('whitespace', (text) => tidySpaces(text)),
};

const PAIRS: readonly (readonly [string, string])[] = [
  ['(', ')'],
  ['（', '）'],
  ['[', ']'],
  ['【', '】'],
  ['《', '》'],
  ['「', '」'],
  ['『', '』'],
  ['“', '”'],
  ['{', '}'],
];
const OPEN_TO_CLOSE = new Map(PAIRS);
const CLOSE_TO_OPEN = new Map(PAIRS.map(([o, c]) => [c, o]));
const ANY_MARK = /[()（）[\]【】《》「」『』“”{}"]/;

/** The first bracket or quote left unmatched in a text, or null. Straight double quotes must come in pairs. */
export function unbalancedMark(text: string): string | null {
  if (!ANY_MARK.test(text)) return null;
  const stack: string[] = [];
  let straight = 0;
  for (const ch of text) {
    if (ch === '"') straight++;
    else if (OPEN_TO_CLOSE.has(ch)) stack.push(ch);
    else if (CLOSE_TO_OPEN.has(ch)) {
      if (stack[stack.length - 1] === CLOSE_TO_OPEN.get(ch)) stack.pop();
      else return ch;
    }
  }
  if (stack.length > 0) return stack[0] as string;
  return straight % 2 === 1 ? '"' : null;
}

export const unbalancedBrackets: SegmentRule = {
  id: 'unbalanced-brackets',
  group: 'typography',
  severity: 'warning',
  scope: 'segment',
  params: ['mark'],
  check: (s) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      const mark = unbalancedMark(s[side]);
      if (mark !== null) out.push({ segments: [s.id], side, key: side, params: { mark } });
    }
    return out;
  },
};

const LATIN_RUN = /[A-Za-z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*)*/g;

/**
 * English where Chinese belongs: a line without any Chinese character but with Latin words, or a
 * run of four or more Latin words (a sentence, not a name such as GPT-4 or scaling law).
 */
export function latinInChinese(text: string): string | null {
  for (const line of text.split('\n')) {
    if (!/[A-Za-z]/.test(line)) continue;
    if (!HAN_CHAR.test(line)) return line.trim();
    for (const m of line.matchAll(LATIN_RUN)) if (m[0].split(/\s+/).length >= 4) return m[0];
  }
  return null;
}

export const latinInChineseRule: SegmentRule = {
  id: 'latin-in-chinese',
  group: 'typography',
  severity: 'warning',
  scope: 'segment',
  params: ['text'],
  check: (s, ctx) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      if (ctx.scripts[side] !== 'cjk') continue;
      const found = latinInChinese(s[side]);
      if (found !== null) out.push({ segments: [s.id], side, key: side, params: { text: found.slice(0, 40) } });
    }
    return out;
  },
};

/** Han, kana, hangul and CJK or full-width punctuation. */
const CJK_IN_LATIN = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff01-\uff60]/;
const CJK_LETTER = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

export const cjkInEnglish: SegmentRule = {
  id: 'cjk-in-english',
  group: 'typography',
  severity: 'warning',
  scope: 'segment',
  params: ['text'],
  check: (s, ctx) => {
    const out: Finding[] = [];
    for (const side of SIDES) {
      if (ctx.scripts[side] !== 'latin') continue;
      const m = CJK_IN_LATIN.exec(s[side]);
      if (!m) continue;
      // Only punctuation and full-width letters can be fixed here; Chinese words need a person.
      out.push({ segments: [s.id], side, key: side, params: { text: m[0] }, fixable: !CJK_LETTER.test(s[side]) });
    }
    return out;
  },
  fix: sideTextFix('cjk-in-english', (text, side, ctx) => normaliseWidth(text, ctx.scripts[side])),
};

export const typographyRules = [whitespace, unbalancedBrackets, latinInChineseRule, cjkInEnglish] as const;
