import { describe, expect, it } from 'vitest';
import { extensionOf, isMediaPath } from './media-files';

describe('media files', () => {
  it('tells media from documents by extension, in any case, on POSIX and Windows paths', () => {
    expect(isMediaPath('/talks/BV1uH4y1w77V.MP4')).toBe(true);
    expect(isMediaPath('C:\\Users\\a\\video.m4s')).toBe(true);
    expect(isMediaPath('/talks/talk.srt')).toBe(false);
    expect(isMediaPath('/talks/talk.zimu')).toBe(false);
  });

  it('takes no extension from a dotted folder or a hidden file', () => {
    expect(extensionOf('/a.b/c')).toBe('');
    expect(extensionOf('/home/u/.mp4')).toBe('');
    expect(extensionOf('C:\\a.mp3\\b')).toBe('');
  });
});
