import { describe, expect, it } from 'vitest';
import {
  basename,
  dirname,
  exportPathFor,
  extname,
  hasExtension,
  joinPath,
  projectPathFor,
  withExtension,
} from './paths';

describe('paths', () => {
  it('split POSIX and Windows paths', () => {
    expect(basename('/home/a/talk.srt')).toBe('talk.srt');
    expect(basename('C:\\Users\\a\\talk.srt')).toBe('talk.srt');
    expect(basename('/home/a/')).toBe('a');
    expect(dirname('/home/a/talk.srt')).toBe('/home/a');
    expect(dirname('/talk.srt')).toBe('/');
    expect(dirname('/')).toBe('/');
    expect(dirname('C:\\Users\\talk.srt')).toBe('C:\\Users');
    expect(dirname('C:\\talk.srt')).toBe('C:\\');
    expect(dirname('talk.srt')).toBe('');
  });

  it('join with the separator the folder uses', () => {
    expect(joinPath('/home/a', 'b.zimu')).toBe('/home/a/b.zimu');
    expect(joinPath('/', 'b.zimu')).toBe('/b.zimu');
    expect(joinPath('C:\\Users', 'b.zimu')).toBe('C:\\Users\\b.zimu');
    expect(joinPath('', 'b.zimu')).toBe('b.zimu');
  });

  it('find extensions case-insensitively, not in dot files', () => {
    expect(extname('/a/Talk.SRT')).toBe('.srt');
    expect(extname('/a/.bashrc')).toBe('');
    expect(extname('/a.b/c')).toBe('');
    expect(hasExtension('/a/x.ZIMU', ['.zimu'])).toBe(true);
    expect(withExtension('/a/x.srt', '.vtt')).toBe('/a/x.vtt');
    expect(withExtension('/a/x', '.vtt')).toBe('/a/x.vtt');
  });

  it('never writes a project into a caption file name', () => {
    expect(projectPathFor('/a/talk.zimu')).toBe('/a/talk.zimu');
    expect(projectPathFor('/a/talk.srt')).toBe('/a/talk.zimu');
    expect(projectPathFor('/a/talk')).toBe('/a/talk.zimu');
    expect(projectPathFor('/a/talk.v2')).toBe('/a/talk.v2.zimu');
  });

  it('gives exports the extension of their format', () => {
    expect(exportPathFor('/a/talk.srt', 'srt')).toBe('/a/talk.srt');
    expect(exportPathFor('/a/talk.srt', 'vtt')).toBe('/a/talk.vtt');
    expect(exportPathFor('/a/talk', 'vtt')).toBe('/a/talk.vtt');
    expect(exportPathFor('/a/talk.zimu', 'srt')).toBe('/a/talk.zimu.srt');
    expect(exportPathFor('/a/talk.srt', 'bcc')).toBe('/a/talk.bcc');
    expect(exportPathFor('/a/talk.json', 'bcc')).toBe('/a/talk.json');
    expect(exportPathFor('/a/talk.bcc', 'whisper')).toBe('/a/talk.json');
    expect(exportPathFor('/a/talk.ssa', 'ass')).toBe('/a/talk.ssa');
    expect(exportPathFor('/a/talk.vtt', 'txt')).toBe('/a/talk.txt');
    expect(exportPathFor('/a/talk', 'whisper')).toBe('/a/talk.json');
  });
});
