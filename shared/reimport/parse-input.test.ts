import { describe, expect, it } from 'vitest';
import { ZimuError } from '../ipc/errors';
import { parseCorrectedText } from './parse-input';

describe('parseCorrectedText', () => {
  it('reads a TSV with ids: empty cells mean unchanged, escapes and Excel quotes are decoded', () => {
    const input = parseCorrectedText(
      '\uFEFFid\tstart\tend\ttext\r\ns1\t0:00:00.500\t0:00:03.454\t\r\ns2\t\t\t各位\\n来宾\r\ns3\t\t\t"说""好"""\r\n',
      'text',
      'c.tsv',
    );
    expect(input).toEqual({
      kind: 'tsv',
      rows: [
        { id: 's1', text: null, line: 2 },
        { id: 's2', text: '各位\n来宾', line: 3 },
        { id: 's3', text: '说"好"', line: 4 },
      ],
    });
  });

  it('picks the column of the field being corrected', () => {
    const input = parseCorrectedText('id\ttext\ttranslation\ns1\t中文\tEnglish\n', 'translation', 'c.tsv');
    expect(input.kind === 'tsv' && input.rows[0]?.text).toBe('English');
  });

  it('names the file and line of a TSV row without an id', () => {
    const err = (() => {
      try {
        parseCorrectedText('id\ttext\ns1\ta\n\tb\n', 'text', 'c.tsv');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ZimuError);
    expect((err as ZimuError).detail).toEqual({ file: 'c.tsv', line: 3 });
  });

  it('reads numbered lines as positions, in the usual numbering styles', () => {
    const input = parseCorrectedText('1. 尊敬的各位领导\n2\t各位来宾\n4、大家上午好\n', 'text', 'n.txt');
    expect(input).toEqual({
      kind: 'numbered',
      rows: [
        { position: 1, text: '尊敬的各位领导', line: 1 },
        { position: 2, text: '各位来宾', line: 2 },
        { position: 4, text: '大家上午好', line: 3 },
      ],
    });
  });

  it('does not take lines that merely start with numbers for numbering', () => {
    const input = parseCorrectedText('2018年成立\n2020 年 10 月\n', 'text', 'x.txt');
    expect(input.kind).toBe('lines');
  });

  it('reads the seed style as paragraphs, with its title line', () => {
    const input = parseCorrectedText(
      '# 标题\r\n\r\n尊敬的各位领导，各位来宾。\r\n\r\n大家好，我是王仲远\r\n',
      'text',
      'p.txt',
    );
    expect(input).toEqual({
      kind: 'paragraphs',
      title: '标题',
      body: '\n尊敬的各位领导，各位来宾。\n\n大家好，我是王仲远\n',
    });
  });

  it('reads anything else one line per segment, keeping empty lines in place', () => {
    expect(parseCorrectedText('一\n\n三\n', 'text', 'l.txt')).toEqual({ kind: 'lines', lines: ['一', '', '三'] });
  });

  it('refuses an empty text', () => {
    expect(() => parseCorrectedText(' \n', 'text', 'e.txt')).toThrow(/empty/);
  });
});
