import { describe, expect, it } from 'vitest';
import { removeFillers } from '../../text/fillers';
import { subtitlePunctuation } from '../../text/punctuation';
import { removeRepeats } from '../../text/repeats';
import { spaceCjkLatin } from '../../text/spacing';
import { normaliseWidth } from '../../text/width';
import { proposeCleanup } from '../cleanup';
import { planFixes } from '../engine';
import { NETFLIX_PROFILE } from '../profile';
import { problems, project } from '../testing/qa';

const at = (source: string, translation = '') => ({ start: 0, end: 3000, source, translation });

describe('full-width / half-width normalisation', () => {
  it('fixes what the recogniser writes in Chinese', () => {
    expect(normaliseWidth('1。8万亿', 'cjk')).toBe('1.8万亿');
    expect(normaliseWidth('ＧＰＴ－４模型', 'cjk')).toBe('GPT-4模型');
    expect(normaliseWidth('２０２４年', 'cjk')).toBe('2024年');
    expect(normaliseWidth('10：30开会', 'cjk')).toBe('10:30开会');
    expect(normaliseWidth('你好,世界', 'cjk')).toBe('你好，世界');
    expect(normaliseWidth('真的吗?', 'cjk')).toBe('真的吗？');
    expect(normaliseWidth('请看(附录)', 'cjk')).toBe('请看（附录）');
  });

  it('does not touch correct text', () => {
    for (const ok of ['悟道3.0发布', '1.8万亿', 'GPT-4, Llama 与 Qwen', '然后...', '第1，2两点', '约100，200人之间']) {
      expect(normaliseWidth(ok, 'cjk'), ok).toBe(ok);
    }
    expect(normaliseWidth('Hello, world. It’s 1.8 trillion (approx.)', 'latin')).toBe(
      'Hello, world. It’s 1.8 trillion (approx.)',
    );
  });

  it('makes full-width punctuation in English ASCII', () => {
    expect(normaliseWidth('Hello，world！', 'latin')).toBe('Hello, world!');
    expect(normaliseWidth('Ｈｉ（there）', 'latin')).toBe('Hi (there)');
  });

  it('is a QA rule with a fix on Chinese sides', () => {
    const p = project([at('参数规模达到1。8万亿')]);
    const found = problems(p, 'width-normalisation');
    expect(found).toHaveLength(1);
    expect(planFixes(p, found, { profile: NETFLIX_PROFILE }).project.segments[0]?.source).toBe('参数规模达到1.8万亿');
  });
});

describe('filler removal', () => {
  const options = { fillers: ['啊', '呃', '嗯'], exceptions: ['嗯哼'] };

  it('removes standalone fillers with their pause punctuation', () => {
    expect(removeFillers('嗯，我们今天发布了', options)).toBe('我们今天发布了');
    expect(removeFillers('我们，呃，今天', options)).toBe('我们，今天');
    expect(removeFillers('好的，啊。', options)).toBe('好的。');
    expect(removeFillers('嗯嗯，对', options)).toBe('对');
    expect(removeFillers('然后呢嗯就是', options)).toBe('然后呢就是');
  });

  it('never removes a filler inside a word or an exception, nor empties a line', () => {
    expect(removeFillers('嗯哼，不错', options)).toBe('嗯哼，不错');
    expect(removeFillers('啊哈，原来如此', options)).toBe('啊哈，原来如此');
    expect(removeFillers('大家好啊', options)).toBe('大家好啊');
    expect(removeFillers('嗯。', options)).toBe('嗯。');
    expect(removeFillers('我们要恩威并施', { fillers: ['恩'] })).toBe('我们要恩威并施');
  });

  it('takes user-defined fillers, Chinese and English', () => {
    expect(removeFillers('那个，我们开始吧', { fillers: ['那个'] })).toBe('我们开始吧');
    expect(removeFillers('Um, we start now', { fillers: ['um', 'uh'] })).toBe('we start now');
    expect(removeFillers('The umbrella', { fillers: ['um'] })).toBe('The umbrella');
  });
});

describe('stutters and repeated words', () => {
  it('removes them in Chinese and English', () => {
    expect(removeRepeats('发发布了新模型', 'cjk')).toBe('发布了新模型');
    expect(removeRepeats('我我觉得', 'cjk')).toBe('我觉得');
    expect(removeRepeats('我们我们要开始', 'cjk')).toBe('我们要开始');
    expect(removeRepeats('the the model', 'latin')).toBe('the model');
    expect(removeRepeats('The the end of the the day', 'latin')).toBe('The end of the day');
    expect(removeRepeats('用 the the 模型', 'cjk')).toBe('用 the 模型');
  });

  it('leaves reduplication and allowed repeats alone', () => {
    for (const ok of [
      '谢谢大家',
      '看看这个',
      '天天向上',
      '人人都有',
      '研究研究',
      '好的好的',
      '我的的确确是对的',
      '常常',
    ]) {
      expect(removeRepeats(ok, 'cjk'), ok).toBe(ok);
    }
    expect(removeRepeats('I know that that is true, and he had had enough', 'latin')).toBe(
      'I know that that is true, and he had had enough',
    );
    expect(removeRepeats('bye-bye, 1 1', 'latin')).toBe('bye-bye, 1 1');
  });

  it('is a QA rule naming the word', () => {
    const found = problems(project([at('发发布', 'the the model')]), 'repeated-words');
    expect(found.map((p) => [p.side, p.params.word])).toEqual([
      ['source', '发'],
      ['translation', 'the'],
    ]);
  });
});

describe('line-end punctuation convention', () => {
  it('drops a line-final ，/。 and shows inner ones as a space', () => {
    expect(subtitlePunctuation('所以，我们今天。')).toBe('所以 我们今天');
    expect(subtitlePunctuation('第一、第二、')).toBe('第一、第二');
    expect(subtitlePunctuation('好的，\n明天见。')).toBe('好的\n明天见');
  });

  it('keeps question and exclamation marks, quotes and points in numbers', () => {
    for (const ok of ['你好吗？', '太好了！', '他说“好”', '悟道3.0', '1.8万亿'])
      expect(subtitlePunctuation(ok)).toBe(ok);
  });

  it('is a profile choice', () => {
    const p = project([at('所以，我们今天。')]);
    expect(problems(p, 'line-end-punctuation')).toHaveLength(1);
    expect(problems(p, 'line-end-punctuation', { profile: { ...NETFLIX_PROFILE, punctuation: 'keep' } })).toEqual([]);
  });
});

describe('CJK–Latin spacing', () => {
  it('spaces Chinese from Latin letters and digits only', () => {
    expect(spaceCjkLatin('智源研究院BAAI发布了GPT-4模型')).toBe('智源研究院 BAAI 发布了 GPT-4 模型');
    expect(spaceCjkLatin('参数达到1.8万亿，占50%的')).toBe('参数达到 1.8 万亿，占 50% 的');
    expect(spaceCjkLatin('请看（附录）：“悟道”')).toBe('请看（附录）：“悟道”');
    expect(spaceCjkLatin('已有 GPT-4 模型')).toBe('已有 GPT-4 模型');
  });

  it('is reported only when the profile asks for it', () => {
    const p = project([at('用GPT-4')]);
    expect(problems(p, 'cjk-latin-spacing')).toEqual([]);
    expect(problems(p, 'cjk-latin-spacing', { profile: { ...NETFLIX_PROFILE, cjkLatinSpacing: true } })).toHaveLength(
      1,
    );
  });
});

describe('proposeCleanup', () => {
  it('lists per segment what the chosen fixes change, for one review list', () => {
    const p = project([at('嗯，参数达到1。8万亿，'), at('发发布了'), at('没有问题')]);
    const changes = proposeCleanup(p, NETFLIX_PROFILE, ['width', 'fillers', 'repeats', 'punctuation']);
    expect(changes.map((c) => [c.segment, c.before, c.after])).toEqual([
      ['s1', '嗯，参数达到1。8万亿，', '参数达到1.8万亿'],
      ['s2', '发发布了', '发布了'],
    ]);
  });
});

describe('width in English', () => {
  it('leaves ASCII brackets and numbers as written', () => {
    expect(normaliseWidth('f(x) is 1.8', 'latin')).toBe('f(x) is 1.8');
  });
});
