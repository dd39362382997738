import { describe, expect, it } from 'vitest';
import { checkableWords } from '../../text/spelling';
import { problems, project } from '../testing/qa';
import type { SpellChecker } from '../types';

const dictionary = new Set([
  'the',
  'model',
  'is',
  'great',
  'we',
  'released',
  'our',
  'new',
  'it',
  "it's",
  'conference',
  'too',
]);
const spell: SpellChecker = { isKnown: (w) => dictionary.has(w.toLowerCase()) };

describe('checkable words', () => {
  it('skips acronyms, mixed-case names, words with digits and single letters', () => {
    expect(checkableWords('BAAI and LLMs, WuDao 3, GPT4o, a co-founder’s view').map((w) => w.word)).toEqual([
      'and',
      'co',
      "founder's",
      'view',
    ]);
  });
});

describe('spelling rule', () => {
  it('lists misspellings of the English side with their offsets', () => {
    const found = problems(
      project([{ start: 0, end: 3000, source: '模型', translation: 'The modle is graet' }]),
      'spelling',
      {
        spell,
      },
    );
    expect(found.map((p) => [p.params.word, p.range])).toEqual([
      ['modle', { start: 4, end: 9 }],
      ['graet', { start: 13, end: 18 }],
    ]);
    expect(new Set(found.map((p) => p.id)).size).toBe(2);
  });

  it('counts glossary English and the user word list as known, and possessives of known words', () => {
    const glossary = { entries: [{ kind: 'term' as const, source: '悟道', target: 'Wudao model' }] };
    const p = project([{ start: 0, end: 3000, source: '悟道', translation: "Wudao is great, zimu's too, it's new" }]);
    expect(problems(p, 'spelling', { spell, glossary, userWords: ['Zimu'] })).toEqual([]);
    expect(problems(p, 'spelling', { spell }).map((x) => x.params.word)).toEqual(['Wudao', "zimu's"]);
  });

  it('checks nothing without a checker, and leaves words it does not know yet', () => {
    const p = project([{ start: 0, end: 3000, source: '好', translation: 'zzzq' }]);
    expect(problems(p, 'spelling')).toEqual([]);
    expect(problems(p, 'spelling', { spell: { isKnown: () => undefined } })).toEqual([]);
  });

  it('never checks the Chinese side', () => {
    expect(
      problems(project([{ start: 0, end: 3000, source: '用 zzzq 模型', translation: '' }]), 'spelling', { spell }),
    ).toEqual([]);
  });
});
