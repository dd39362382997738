import { describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { createProject } from '../../shared/model/project';
import { exportSubtitleText, importSubtitleText, subtitleFormatOf } from './subtitle-io';

const BILINGUAL_SRT = [
  '1',
  '00:00:01,000 --> 00:00:02,500',
  '你好，世界',
  'Hello, world',
  '',
  '2',
  '00:00:03,000 --> 00:00:04,200',
  'Second line first',
  '第二句',
  '',
  '3',
  '00:01:05,123 --> 00:01:06,000',
  '只有中文',
  '',
].join('\n');

const project = createProject({
  title: 't',
  segments: [
    { start: 1000, end: 2500, source: '你好，世界', translation: 'Hello, world' },
    { start: 3000, end: 4200, source: '第二句', translation: '' },
    { source: '未定时', translation: 'Untimed' },
    { start: 5000, end: 6000, source: '  ', translation: '' },
    { start: 3_723_004, end: 3_724_000, source: '一小时后', translation: 'An hour later' },
  ],
});

describe('subtitleFormatOf', () => {
  it('knows SRT and VTT by extension, case-insensitively', () => {
    expect(subtitleFormatOf('/a/b.SRT')).toBe('srt');
    expect(subtitleFormatOf('/a/b.vtt')).toBe('vtt');
    expect(subtitleFormatOf('/a/b.ass')).toBeNull();
    expect(subtitleFormatOf('/a/srt')).toBeNull();
  });
});

describe('importSubtitleText', () => {
  it('splits bilingual cues into source and translation, in either order', () => {
    const p = importSubtitleText(BILINGUAL_SRT, '/s/a.srt', 'a');
    expect(p.title).toBe('a');
    expect(p.segments.map(({ start, end, source, translation }) => ({ start, end, source, translation }))).toEqual([
      { start: 1000, end: 2500, source: '你好，世界', translation: 'Hello, world' },
      { start: 3000, end: 4200, source: '第二句', translation: 'Second line first' },
      { start: 65_123, end: 66_000, source: '只有中文', translation: '' },
    ]);
    expect(new Set(p.segments.map((s) => s.id)).size).toBe(3);
    expect(p.nextId).toBe(4);
  });

  it('reads Windows line endings and a BOM the same way', () => {
    const crlf = `\uFEFF${BILINGUAL_SRT.replace(/\n/g, '\r\n')}`;
    expect(importSubtitleText(crlf, '/s/a.srt', 'a').segments).toEqual(
      importSubtitleText(BILINGUAL_SRT, '/s/a.srt', 'a').segments,
    );
  });

  it('reads WebVTT, dropping styling tags and cue settings', () => {
    const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000 align:start\n<c.yellow>你好</c>\n<i>Hello</i>\n';
    const [seg] = importSubtitleText(vtt, '/s/a.vtt', 'a').segments;
    expect(seg).toMatchObject({ start: 1000, end: 2000, source: '你好', translation: 'Hello' });
  });

  it('keeps mixed cues that are not one block of each language in the source', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\n第一行\nEnglish\n第三行\n';
    const [seg] = importSubtitleText(srt, '/s/a.srt', 'a').segments;
    expect(seg).toMatchObject({ source: '第一行\nEnglish\n第三行', translation: '' });
  });

  it('reports a file that is not subtitles as parse-error naming it', () => {
    let err: unknown;
    try {
      importSubtitleText('garbage\nfoo --> bar\n', '/s/bad.srt', 'bad');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZimuError);
    expect((err as ZimuError).code).toBe('parse-error');
    expect((err as ZimuError).detail?.file).toBe('/s/bad.srt');
  });
});

describe('exportSubtitleText', () => {
  it('writes bilingual SRT (Chinese line, then English) and leaves out untimed and empty cues', () => {
    const { text, cues } = exportSubtitleText(project, 'srt', 'bilingual');
    expect(cues).toBe(3);
    expect(text).toContain('1\n00:00:01,000 --> 00:00:02,500\n你好，世界\nHello, world\n');
    expect(text).toContain('2\n00:00:03,000 --> 00:00:04,200\n第二句\n');
    expect(text).toContain('3\n01:02:03,004 --> 01:02:04,000\n一小时后\nAn hour later\n');
    expect(text).not.toContain('未定时');
  });

  it('puts the translation first, or writes one side only', () => {
    expect(exportSubtitleText(project, 'srt', 'bilingual-translation-first').text).toContain(
      '00:00:01,000 --> 00:00:02,500\nHello, world\n你好，世界\n',
    );
    const source = exportSubtitleText(project, 'srt', 'source');
    expect(source.cues).toBe(3);
    expect(source.text).not.toContain('Hello');
    const translation = exportSubtitleText(project, 'srt', 'translation');
    expect(translation.cues).toBe(2);
    expect(translation.text).not.toContain('你好');
  });

  it('writes WebVTT with its header and dotted milliseconds', () => {
    const { text, cues } = exportSubtitleText(project, 'vtt', 'bilingual');
    expect(cues).toBe(3);
    expect(text.startsWith('WEBVTT')).toBe(true);
    expect(text).toContain('00:00:01.000 --> 00:00:02.500\n你好，世界\nHello, world');
  });

  it('round-trips through import', () => {
    for (const format of ['srt', 'vtt'] as const) {
      const back = importSubtitleText(exportSubtitleText(project, format, 'bilingual').text, `/x.${format}`, 'x');
      expect(back.segments.map(({ start, end, source, translation }) => [start, end, source, translation])).toEqual([
        [1000, 2500, '你好，世界', 'Hello, world'],
        [3000, 4200, '第二句', ''],
        [3_723_004, 3_724_000, '一小时后', 'An hour later'],
      ]);
    }
  });
});
