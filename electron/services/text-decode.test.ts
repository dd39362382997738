import { describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { decodeText } from './text-decode';

const TEXT = '1\n00:00:01,000 --> 00:00:02,000\n你好，世界\nHello, world\n';

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  const bom = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Uint8Array.from([...bom, ...le]);
}

function decodeError(bytes: Uint8Array, file: string): ZimuError {
  try {
    decodeText(bytes, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ZimuError);
    return err as ZimuError;
  }
  throw new Error('expected decodeText to throw');
}

describe('decodeText', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from(TEXT, 'utf8'), 'a.srt')).toBe(TEXT);
  });

  it('decodes UTF-8 with a BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]);
    const text = decodeText(bytes, 'a.srt');
    expect(text).toBe(TEXT);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('decodes UTF-16 LE and BE with a BOM, dropping the BOM', () => {
    expect(decodeText(utf16(TEXT, 'le'), 'le.srt')).toBe(TEXT);
    expect(decodeText(utf16(TEXT, 'be'), 'be.srt')).toBe(TEXT);
  });

  it('decodes an empty file as empty text', () => {
    expect(decodeText(new Uint8Array(0), 'empty.srt')).toBe('');
  });

  it('refuses binary data (NUL bytes) as unreadable, naming the file', () => {
    const err = decodeError(Uint8Array.from([0x00, 0x00, 0x00, 0x18, 0x66, 0x74, 0x79, 0x70]), '/m/clip.mp4');
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('binary');
    expect(err.detail).toEqual({ file: '/m/clip.mp4' });
  });

  it('refuses invalid UTF-8 with a clear error instead of mojibake', () => {
    // A lead byte followed by a non-continuation byte.
    const err = decodeError(
      Buffer.concat([Buffer.from('Hello '), Buffer.from([0xc3, 0x28]), Buffer.from(' world\n')]),
      '/s/bad.srt',
    );
    expect(err.code).toBe('unreadable');
    expect(err.message).toMatch(/not valid UTF-8/);
    expect(err.detail?.file).toBe('/s/bad.srt');
  });
});
