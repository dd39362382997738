import { describe, expect, it } from 'vitest';
import { planFixes } from '../engine';
import { NETFLIX_PROFILE } from '../profile';
import { problems, project } from '../testing/qa';
import { latinInChinese, unbalancedMark } from './typography';

const at = (source: string, translation = '') => ({ start: 0, end: 3000, source, translation });

describe('empty-text and missing-translation', () => {
  it('flags an empty or blank source', () => {
    expect(problems(project([at('  ')]), 'empty-text')).toHaveLength(1);
    expect(problems(project([at('好')]), 'empty-text')).toEqual([]);
  });

  it('flags a missing translation only once the project has translations', () => {
    expect(problems(project([at('你好'), at('再见')]), 'missing-translation')).toEqual([]);
    const found = problems(project([at('你好', 'Hello'), at('再见', ' ')]), 'missing-translation');
    expect(found.map((p) => [p.segments, p.severity])).toEqual([[['s2'], 'warning']]);
  });
});

describe('whitespace', () => {
  it('flags leading, trailing and double spaces in Chinese, English and mixed text, and fixes them', () => {
    const p = project([at(' 你好', 'Hello  world'), at('用 GPT-4  模型', 'fine'), at('好', 'ok ')]);
    const found = problems(p, 'whitespace');
    expect(found.map((x) => [x.segments[0], x.side, x.params.kind])).toEqual([
      ['s1', 'source', 'edge'],
      ['s1', 'translation', 'double'],
      ['s2', 'source', 'double'],
      ['s3', 'translation', 'edge'],
    ]);
    const fixed = planFixes(p, found, { profile: NETFLIX_PROFILE }).project;
    expect(fixed.segments.map((s) => [s.source, s.translation])).toEqual([
      ['你好', 'Hello world'],
      ['用 GPT-4 模型', 'fine'],
      ['好', 'ok'],
    ]);
  });

  it('leaves single spaces between words alone', () => {
    expect(problems(project([at('所以 我们', 'So we')]), 'whitespace')).toEqual([]);
  });
});

describe('unbalanced-brackets', () => {
  it('finds unmatched brackets and quotes of both scripts', () => {
    expect(unbalancedMark('他说：“好')).toBe('“');
    expect(unbalancedMark('（附录')).toBe('（');
    expect(unbalancedMark('see (below')).toBe('(');
    expect(unbalancedMark('a) b')).toBe(')');
    expect(unbalancedMark('say "hi')).toBe('"');
    expect(unbalancedMark('《三体》与“悟道”(WuDao)')).toBeNull();
    expect(unbalancedMark('it\'s the model\'s "best" [result]')).toBeNull();
  });

  it('reports the mark as a param', () => {
    expect(problems(project([at('《三体', 'The Three-Body Problem')]), 'unbalanced-brackets')[0]?.params).toEqual({
      mark: '《',
    });
  });
});

describe('latin-in-chinese and cjk-in-english', () => {
  it('flags an English sentence in the Chinese field, not names and short terms', () => {
    expect(latinInChinese('Distinguished leaders and guests')).toBe('Distinguished leaders and guests');
    expect(latinInChinese('我们说 this is not a Chinese sentence')).toBe('this is not a Chinese sentence');
    expect(latinInChinese('智源研究院 BAAI 发布了 GPT-4')).toBeNull();
    expect(latinInChinese('这是 scaling law 的问题')).toBeNull();
    expect(problems(project([at('Welcome to BAAI')]), 'latin-in-chinese')).toHaveLength(1);
  });

  it('flags Chinese characters and full-width punctuation in the English field', () => {
    const found = problems(project([at('好', 'Welcome to 智源'), at('好', 'Hello，world')]), 'cjk-in-english');
    expect(found.map((p) => [p.params.text, p.fixable])).toEqual([
      ['智', false],
      ['，', true],
    ]);
    const fixed = planFixes(project([at('好', 'Hello，world。')]), found.slice(1), { profile: NETFLIX_PROFILE });
    expect(fixed.changes).toEqual([]); // s2's problem does not name a segment of this project
    const p = project([at('好', 'Hello，world。')]);
    expect(
      planFixes(p, problems(p, 'cjk-in-english'), { profile: NETFLIX_PROFILE }).project.segments[0]?.translation,
    ).toBe('Hello, world.');
    expect(problems(project([at('好', 'It’s “embodied” AI')]), 'cjk-in-english')).toEqual([]);
  });
});
