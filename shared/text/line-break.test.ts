import { describe, expect, it } from 'vitest';
import { lineLength } from './count';
import { breakLines, needsBreaking } from './line-break';

const zh = { maxChars: 16, maxLines: 2, script: 'cjk' } as const;
const en = { maxChars: 42, maxLines: 2, script: 'latin' } as const;

describe('breakLines', () => {
  it('leaves text that fits alone', () => {
    expect(breakLines('智源研究院发布了悟道', zh)).toBe('智源研究院发布了悟道');
    expect(breakLines('一行\n两行', zh)).toBe('一行\n两行');
  });

  it('breaks Chinese after punctuation when that keeps lines within the limit', () => {
    expect(breakLines('各位来宾，欢迎来到二零二四年的智源大会', zh)).toBe('各位来宾，\n欢迎来到二零二四年的智源大会');
  });

  it('never breaks inside a Latin word, a number or a name in Chinese text', () => {
    const text = '这是scaling law在具身智能领域的一个非常重要的应用GPT-4也是';
    const out = breakLines(text, zh);
    const [a, b] = out.split('\n');
    expect(out.replace('\n', '')).toBe(text);
    for (const word of ['scaling', 'law', 'GPT-4']) expect(out).toContain(word);
    expect(lineLength(a ?? '', 'cjk')).toBeLessThanOrEqual(16);
    expect(lineLength(b ?? '', 'cjk')).toBeLessThanOrEqual(16);
    expect(breakLines('参数规模达到1.8万亿的悟道3.0大模型今天正式发布', zh)).not.toMatch(/1\.\n|\n\.8|3\.\n|\n\.0/);
  });

  it('does not start a line with closing punctuation', () => {
    const out = breakLines('我们今天在这里发布一个新的模型，它叫悟道三点零版本', zh);
    expect(out.split('\n')[1]).not.toMatch(/^[，。、]/);
  });

  it('balances two English lines, not ending a line on an article', () => {
    const out = breakLines('Distinguished leaders, honored guests, experts and friends from afar', en);
    expect(out).toBe('Distinguished leaders, honored guests,\nexperts and friends from afar');
    const lines = breakLines('This is the most important application of the scaling law in embodied AI', en).split(
      '\n',
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toMatch(/\b(the|a|of)$/);
    expect(Math.abs((lines[0]?.length ?? 0) - (lines[1]?.length ?? 0))).toBeLessThan(15);
  });

  it('joins too many lines into fewer, and says when text needs breaking', () => {
    expect(breakLines('one\ntwo\nthree', en)).toBe('one two three');
    expect(breakLines('一\n二\n三', zh)).toBe('一二三');
    expect(needsBreaking('a'.repeat(43), en)).toBe(true);
    expect(needsBreaking('a'.repeat(42), en)).toBe(false);
  });

  it('keeps its lines as long as needed when the text cannot fit', () => {
    const out = breakLines('一二三四五六七八九十'.repeat(4), zh);
    expect(out.split('\n')).toHaveLength(2);
  });
});
