import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupPaths } from './startup-args';

describe('startupPaths', () => {
  it('takes a document and media in either order, resolved against the working folder', () => {
    expect(startupPaths(['talk.mp4', 'talk.srt'], '/work')).toEqual({
      file: '/work/talk.srt',
      media: '/work/talk.mp4',
    });
    expect(startupPaths(['/a/talk.zimu', 'audio.M4A'], '/w')).toEqual({ file: '/a/talk.zimu', media: '/w/audio.M4A' });
  });

  it('takes a folder for a Bilibili cache folder and skips options', () => {
    const folder = mkdtempSync(join(tmpdir(), 'zimu-args-'));
    expect(startupPaths(['--inspect', folder], '/')).toEqual({ file: null, media: folder });
  });

  it('keeps the first of each kind and opens nothing when nothing is named', () => {
    expect(startupPaths(['a.srt', 'b.srt', 'c.mp3', 'd.mp3'], '/x')).toEqual({ file: '/x/a.srt', media: '/x/c.mp3' });
    expect(startupPaths([], '/x')).toEqual({ file: null, media: null });
  });
});
