import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { decodeBytes, decodeWith, encodeText, unencodableCharacters } from './encoding';

const zh = '尊敬的各位领导，各位来宾，大家上午好，再次欢迎大家来参加今天的智源大会';
const srt = `1\r\n00:00:01,000 --> 00:00:02,000\r\n${zh}\r\nWelcome to the BAAI Conference\r\n`;

describe('decodeBytes', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decodeBytes(Buffer.from(srt), 'a.srt')).toMatchObject({ text: srt, encoding: 'utf-8', bom: false });
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(srt)]);
    expect(decodeBytes(bom, 'a.srt')).toMatchObject({ text: srt, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 LE and BE with BOM, and LE without', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(srt, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(srt, 'utf-16be')]);
    expect(decodeBytes(le, 'a.srt')).toMatchObject({ text: srt, encoding: 'utf-16le' });
    expect(decodeBytes(be, 'a.srt')).toMatchObject({ text: srt, encoding: 'utf-16be' });
    expect(decodeBytes(iconv.encode(srt, 'utf-16le'), 'a.srt')).toMatchObject({ text: srt, encoding: 'utf-16le' });
  });

  it('reads GBK and GB2312 files as GB18030, even very short ones', () => {
    expect(decodeBytes(iconv.encode(srt, 'gbk'), 'a.srt')).toMatchObject({ text: srt, encoding: 'gb18030' });
    for (const word of ['智源', '具身智能', '大家上午好', '规模定律']) {
      expect(decodeBytes(iconv.encode(word, 'gbk'), 'w.txt').text).toBe(word);
    }
    const gb18030Only = '智源𠀀'; // a four-byte GB18030 sequence
    expect(decodeBytes(iconv.encode(gb18030Only, 'gb18030'), 'x.txt').text).toBe(gb18030Only);
  });

  it('reads Big5 (traditional Chinese)', () => {
    const tw = '尊敬的各位領導，各位來賓，大家上午好，再次歡迎大家來參加今天的大會';
    expect(decodeBytes(iconv.encode(tw, 'big5'), 'tw.srt')).toMatchObject({ text: tw, encoding: 'big5' });
  });

  it('never reads Chinese bytes as Windows-1252', () => {
    for (const text of ['智源大会', '你好', zh]) {
      expect(decodeBytes(iconv.encode(text, 'gbk'), 'x.txt').encoding).not.toBe('windows-1252');
    }
  });

  it('refuses binary files naming the file', () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
    ]);
    try {
      decodeBytes(png, '/tmp/picture.srt');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ZimuError);
      expect((err as ZimuError).detail?.file).toBe('/tmp/picture.srt');
    }
  });

  it('decodes with a chosen encoding for "reopen with encoding"', () => {
    const bytes = iconv.encode(zh, 'gbk');
    expect(decodeWith(bytes, 'gb18030').text).toBe(zh);
    expect(decodeWith(bytes, 'big5').text).not.toBe(zh);
  });
});

describe('encodeText', () => {
  it('writes UTF-8, UTF-8 with BOM and GB18030 losslessly, emoji included', () => {
    const text = `${zh} 😀 scaling law`;
    expect(encodeText(text, 'utf8').toString('utf8')).toBe(text);
    expect([...encodeText(text, 'utf8-bom').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(iconv.decode(encodeText(text, 'gb18030'), 'gb18030')).toBe(text);
    expect(unencodableCharacters(text, 'gb18030')).toEqual([]);
  });

  it('lists what GBK and Big5 cannot write', () => {
    expect(unencodableCharacters('智源 😀 ok', 'gbk')).toEqual(['😀']);
    expect(unencodableCharacters('我们这里', 'big5')).toEqual(['们', '这']);
    expect(unencodableCharacters('a?b', 'gbk')).toEqual([]);
  });
});
