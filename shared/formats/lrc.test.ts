import { describe, expect, it } from 'vitest';
import { createProject, type SegmentInit } from '../model/project';
import type { SerializeOptions } from './format';
import { lrcFormat } from './lrc';
import { bilingualOptions, forRandomInputs, type Random, randomStart, randomText, WORDS } from './testing/random';
import { view, write } from './testing/roundtrip';
import { ASS, BCC, PLAIN, SRT, VTT, WHISPER } from './testing/samples';

const LYRIC = `[ti:晴天]
[ar:周杰伦]
[al:叶惠美]
[by:lrc-maker]
[length:04:29]
[offset:+500]

[00:00.00]晴天 - 周杰伦
[00:29.90]<00:29.90>故事的 <00:30.50>小黄花
[00:29.90]The little yellow flower of the story
[00:33.20]从出生那年就飘着
[00:33.20]Has been floating since the year I was born
[00:36.80]
[01:02.50][02:10.00]刮风这天 我试过握着你手
[04:20.00]但偏偏 雨渐渐
`;

describe('LRC sniff', () => {
  it('scores lyrics high and other formats low', () => {
    expect(lrcFormat.sniff(LYRIC)).toBeGreaterThanOrEqual(0.8);
    expect(lrcFormat.sniff(`\uFEFF${LYRIC.replace(/\n/g, '\r\n')}`)).toBeGreaterThanOrEqual(0.8);
    expect(lrcFormat.sniff('[00:01]一\n[00:02.5]二\n')).toBeGreaterThanOrEqual(0.8);
    for (const other of [SRT, VTT, WHISPER, PLAIN, ASS, BCC, ''])
      expect(lrcFormat.sniff(other)).toBeLessThanOrEqual(0.3);
  });
});

describe('LRC parse', () => {
  it('reads ID tags, a positive offset (earlier), word times, repeats, end marks and bilingual pairs', () => {
    const doc = lrcFormat.parse(LYRIC);
    expect(doc.title).toBe('晴天');
    expect(doc.issues).toEqual([]);
    const chorus = '刮风这天 我试过握着你手';
    expect(view(doc.segments)).toEqual([
      { start: 0, end: 29_400, source: '晴天 - 周杰伦', translation: '' },
      { start: 29_400, end: 32_700, source: '故事的 小黄花', translation: 'The little yellow flower of the story' },
      {
        start: 32_700,
        end: 36_300,
        source: '从出生那年就飘着',
        translation: 'Has been floating since the year I was born',
      },
      { start: 62_000, end: 129_500, source: chorus, translation: '' },
      { start: 129_500, end: 259_500, source: chorus, translation: '' },
      // The last line ends at [length:04:29].
      { start: 259_500, end: 269_000, source: '但偏偏 雨渐渐', translation: '' },
    ]);
  });

  it('keeps word times with keepTags; a negative offset delays; no length → 3 s last line', () => {
    expect(lrcFormat.parse(LYRIC, { keepTags: true }).segments[1]?.source).toBe('<00:29.90>故事的 <00:30.50>小黄花');
    const doc = lrcFormat.parse('[offset:-1000]\n[00:01.00]一\n[00:02.00]二\n');
    expect(view(doc.segments)).toEqual([
      { start: 2000, end: 3000, source: '一', translation: '' },
      { start: 3000, end: 6000, source: '二', translation: '' },
    ]);
  });

  it('accepts [mm:ss], [mm:ss.x], [mm:ss.xxx], [mm:ss:xx], minutes past 59, sorts by time, CRLF and BOM', () => {
    const text = '\uFEFF[75:30.00]最后\r\n[00:02]二\r\n[00:01.5]一\r\n[00:03.123]三\r\n[00:04:25]四\r\n';
    expect(view(lrcFormat.parse(text).segments).map((s) => [s.start, s.end, s.source])).toEqual([
      [1500, 2000, '一'],
      [2000, 3123, '二'],
      [3123, 4250, '三'],
      [4250, 4_530_000, '四'],
      [4_530_000, 4_533_000, '最后'],
    ]);
  });

  it('warns about bad lines with their numbers and keeps the rest', () => {
    const text = [
      '[00:01.00]第一句',
      '这一行没有时间',
      '[00:6x.00]坏时间',
      '[00:61.00]秒数超过',
      '[00:05.00][laughs] 第二句',
      '[offset:abc]',
    ].join('\n');
    const doc = lrcFormat.parse(text);
    expect(doc.issues.map((i) => [i.severity, i.line])).toEqual([
      ['warning', 2],
      ['warning', 3],
      ['warning', 4],
      ['warning', 6],
    ]);
    expect(view(doc.segments)).toEqual([
      { start: 1000, end: 5000, source: '第一句', translation: '' },
      { start: 5000, end: 8000, source: '[laughs] 第二句', translation: '' },
    ]);
  });

  it('never throws on garbage or empty input', () => {
    for (const bad of ['', '\uFEFF\r\n\r\n', PLAIN, SRT, '\u0000\uFFFF[[[]]', '[ti:只有标题]\n']) {
      const doc = lrcFormat.parse(bad);
      expect(doc.segments).toEqual([]);
      expect(doc.issues).toHaveLength(1);
      expect(doc.issues[0]?.severity).toBe('error');
    }
  });
});

describe('LRC serialize', () => {
  const options: SerializeOptions = { layout: 'bilingual', lineEnding: 'lf' };

  it('writes one tag per line, bilingual lines under one tag, and end marks only at gaps', () => {
    const project = createProject({
      title: '晴天',
      segments: [
        { start: 1234, end: 3000, source: '故事的\n小黄花', translation: 'The little flower' },
        { start: 3000, end: 4000, source: '从出生', translation: '' },
        { start: null, end: null, source: '未定时' },
        { start: 360_000_000, end: 360_001_000, source: '很久以后', translation: '' },
      ],
    });
    const { text, issues } = write(lrcFormat, project, options);
    expect(text).toBe(
      [
        '[ti:晴天]',
        '[re:Zimu]',
        '[00:01.23]故事的',
        '[00:01.23]小黄花',
        '[00:01.23]The little flower',
        '[00:03.00]从出生',
        '[00:04.00]',
        '[6000:00.00]很久以后',
        '[6000:01.00]',
        '',
      ].join('\n'),
    );
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', line: null, message: expect.stringMatching(/untimed.*#3/) }),
    ]);
    const crlf = write(lrcFormat, project, { layout: 'bilingual-translation-first', lineEnding: 'crlf' }).text;
    expect(crlf).toContain('[00:01.23]The little flower\r\n[00:01.23]故事的\r\n');
  });

  it('reports overlaps, same starts and cues it cannot write', () => {
    const project = createProject({
      segments: [
        { start: 0, end: 5000, source: '长' },
        { start: 2000, end: 3000, source: '短' },
        { start: 3000, end: 3004, source: '太短' },
        { start: 4000, end: 4500, source: '', translation: 'only English' },
        { start: 4000, end: 4600, source: '同时' },
      ],
    });
    const { issues } = write(lrcFormat, project, { ...options, layout: 'source' });
    expect(issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/#1 overlaps #2/),
      expect.stringMatching(/#3.*#4/),
    ]);
    const same = write(lrcFormat, project, options).issues.map((i) => i.message);
    expect(same).toContainEqual(expect.stringMatching(/#4 and #5 start at the same time/));
  });
});

// ---- round trip ----------------------------------------------------------------------------------

const TEXT = {
  extras: ['😀', '🇨🇳', '，', '。', '1080p', ' ', 'AI', '…', ']'],
  words: [...WORDS, '(yes)', 'a:b', '2024'],
};

function randomProject(r: Random) {
  const { int, hanLine, latinLine, lines } = randomText(r, TEXT);
  let t = randomStart(r);
  const segments: SegmentInit[] = Array.from({ length: int(9) }, () => {
    const start = Math.round(t / 10) * 10;
    const end = start + 10 * (1 + int(800)); // centiseconds, at least one
    t = end + (r() < 0.5 ? 0 : 10 * int(300)); // consecutive, no overlaps
    return { start, end, source: lines(hanLine), translation: r() < 0.3 ? '' : lines(latinLine) };
  });
  return createProject({ title: r() < 0.5 ? '' : '歌名 Title', segments });
}

describe('LRC round trip', () => {
  it('parse(serialize(p)) keeps centisecond times, ends and texts for 200 random projects', () => {
    forRandomInputs(31_415_926, 200, randomProject, (project, r) => {
      const { text, issues } = write(lrcFormat, project, bilingualOptions(r));
      expect(issues).toEqual([]);
      const doc = lrcFormat.parse(text);
      if (project.segments.length) expect(doc.issues).toEqual([]);
      expect(doc.title ?? '').toBe(project.title);
      expect(view(doc.segments)).toEqual(view(project.segments));
    });
  });
});
