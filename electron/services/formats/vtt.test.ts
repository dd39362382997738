import fc from 'fast-check';
import { parseSync } from 'subtitle';
import { describe, expect, it } from 'vitest';
import type { Layout, SerializeOptions } from '../../../shared/formats/format';
import { createProject, type SegmentInit } from '../../../shared/model/project';
import { cueSegment, EN, HAN, trimmed } from './testing/cue-arbitraries';
import { vttFormat } from './vtt';

const parse = (text: string, keepTags = false) => vttFormat.parse(text, keepTags ? { keepTags } : {});
const serialize = (segments: SegmentInit[], options: Partial<SerializeOptions> = {}, title = '') =>
  vttFormat.serialize?.(createProject({ title, segments }), { layout: 'bilingual', lineEnding: 'lf', ...options }) ?? {
    text: '',
    issues: [],
  };
const one = (body: string, keepTags = false) =>
  parse(`WEBVTT\n\n00:01.000 --> 00:02.000\n${body}\n`, keepTags).segments[0];

const BASIC = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:02.500',
  '你好，世界',
  'Hello, world',
  '',
  '00:00:03.000 --> 00:00:04.000',
  '第二句',
  '',
].join('\n');

describe('vtt parse: structure', () => {
  it('reads a plain bilingual file without issues', () => {
    const doc = parse(BASIC);
    expect(doc.issues).toEqual([]);
    expect(doc.title).toBeUndefined();
    expect(doc.segments).toEqual([
      { start: 1000, end: 2500, source: '你好，世界', translation: 'Hello, world' },
      { start: 3000, end: 4000, source: '第二句', translation: '' },
    ]);
  });

  it('accepts a BOM, CRLF, CR, extra blank lines and trailing spaces', () => {
    const expected = parse(BASIC).segments;
    const variants = [
      `\uFEFF${BASIC}`,
      BASIC.replace(/\n/g, '\r\n'),
      BASIC.replace(/\n/g, '\r'),
      `\n\n${BASIC.replace(/\n\n/g, '\n\n\n\n').replace(/\n/g, '  \n')}\n\n\n`,
    ];
    for (const text of variants) {
      const doc = parse(text);
      expect(doc.segments).toEqual(expected);
      expect(doc.issues).toEqual([]);
    }
  });

  it('takes the title from the header line and ignores header metadata', () => {
    expect(parse(BASIC.replace('WEBVTT', 'WEBVTT - 第一集 Episode 1')).title).toBe('第一集 Episode 1');
    expect(parse(BASIC.replace('WEBVTT', 'WEBVTT 标题')).title).toBe('标题');
    const meta = parse(BASIC.replace('WEBVTT', 'WEBVTT\nKind: captions\nLanguage: zh-CN'));
    expect(meta.title).toBeUndefined();
    expect(meta.issues).toEqual([]);
    expect(meta.segments).toHaveLength(2);
  });

  it('skips NOTE, STYLE and REGION blocks without warnings', () => {
    const text = [
      'WEBVTT',
      '',
      'NOTE 这是注释',
      '',
      'NOTE',
      'a comment',
      'on two lines',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'REGION',
      'id:fred width:40%',
      '',
      '00:01.000 --> 00:02.000',
      '一',
      '',
      'NOTE between cues',
      '',
      '00:03.000 --> 00:04.000',
      '二',
    ].join('\n');
    const doc = parse(text);
    expect(doc.segments.map((s) => s.source)).toEqual(['一', '二']);
    expect(doc.issues).toEqual([]);
  });

  it('accepts text and numeric cue identifiers', () => {
    const text = [
      'WEBVTT',
      '',
      'intro',
      '00:01.000 --> 00:02.000',
      '一',
      '',
      '第 2 句 - 开场',
      '00:03.000 --> 00:04.000',
      '二',
      '',
      '3',
      '00:05.000 --> 00:06.000',
      '三',
    ].join('\n');
    const doc = parse(text);
    expect(doc.segments.map((s) => [s.start, s.source])).toEqual([
      [1000, '一'],
      [3000, '二'],
      [5000, '三'],
    ]);
    expect(doc.issues).toEqual([]);
  });

  it('accepts cue settings, timestamps without hours, hours above 99 and short fractions', () => {
    const text = [
      'WEBVTT',
      '',
      '00:01.5 --> 00:02.25 align:start line:0 position:10%',
      '一',
      '',
      '101:00:00.000 --> 101:00:01,000 vertical:rl',
      '二',
    ].join('\n');
    const doc = parse(text);
    expect(doc.segments.map((s) => [s.start, s.end, s.source])).toEqual([
      [1500, 2250, '一'],
      [101 * 3_600_000, 101 * 3_600_000 + 1000, '二'],
    ]);
    expect(doc.issues).toEqual([]);
  });

  it('reads a file without the WEBVTT header, with a warning', () => {
    const doc = parse(BASIC.replace('WEBVTT\n\n', ''));
    expect(doc.segments).toHaveLength(2);
    expect(doc.issues).toHaveLength(1);
    expect(doc.issues[0]).toMatchObject({ severity: 'warning', line: 1 });
  });

  it('reads a first cue that follows the header without a blank line, with a warning', () => {
    const doc = parse('WEBVTT - 标题\n00:01.000 --> 00:02.000\n一\n');
    expect(doc.title).toBe('标题');
    expect(doc.segments.map((s) => s.source)).toEqual(['一']);
    expect(doc.issues.map((i) => i.line)).toEqual([2]);
  });

  it('treats a header-only file as empty, with a warning and no error', () => {
    const doc = parse('WEBVTT - 空\n\nNOTE nothing yet\n');
    expect(doc.segments).toEqual([]);
    expect(doc.title).toBe('空');
    expect(doc.issues.map((i) => i.severity)).toEqual(['warning']);
  });

  it('recovers the other cues around a broken timing line, warning with its line number', () => {
    const text = [
      'WEBVTT',
      '',
      '00:01.000 --> 00:02.000',
      '一',
      '',
      'broken',
      '00:03.000 -- 00:04.000',
      '坏',
      '',
      '00:05.000 --> 00:06.000',
      '三',
    ].join('\n');
    const doc = parse(text);
    expect(doc.segments.map((s) => s.source)).toEqual(['一', '三']);
    expect(doc.issues.map((i) => [i.severity, i.line])).toEqual([['warning', 7]]);
  });

  it('repairs arrow typos with a warning', () => {
    const doc = parse('WEBVTT\n\n00:01.000 -> 00:02.000\n一\n\n00:03.000 —> 00:04.000\n二\n');
    expect(doc.segments.map((s) => [s.start, s.end])).toEqual([
      [1000, 2000],
      [3000, 4000],
    ]);
    expect(doc.issues.map((i) => i.line)).toEqual([3, 6]);
  });

  it('joins a block without a timing line to the previous cue (blank line inside cue text)', () => {
    const doc = parse('WEBVTT\n\n00:01.000 --> 00:02.000\n第一行\n\nFirst line\n\n00:03.000 --> 00:04.000\n二\n');
    expect(doc.segments[0]).toMatchObject({ source: '第一行', translation: 'First line' });
    expect(doc.issues.map((i) => i.line)).toEqual([6]);
  });

  it('reports empty and garbage input as an error without segments, never throwing', () => {
    const binary = String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 104_729) % 256));
    for (const text of ['', '   \n', 'WEBVTT\n\n这不是字幕\n\n也不是', binary, '<html><body>404</body></html>']) {
      const doc = parse(text);
      expect(doc.segments).toEqual([]);
      expect(doc.issues).toHaveLength(1);
      expect(doc.issues[0]?.severity).toBe('error');
    }
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom(
              'WEBVTT',
              '00:01.000 --> 00:02.000',
              '-->',
              '',
              'NOTE',
              'STYLE',
              '<v',
              '&#xFFFFFFF;',
              '<c.',
            ),
          ),
        ),
        (parts) => {
          const doc = parse(parts.join('\n'));
          expect(Array.isArray(doc.segments)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('vtt parse: cue text', () => {
  it('takes <v> voice spans as the speaker and removes them from the text', () => {
    expect(one('<v 老王>你好\nHello</v>')).toEqual({
      start: 1000,
      end: 2000,
      source: '你好',
      translation: 'Hello',
      speaker: '老王',
    });
    expect(one('<v.loud.narrator Mary Ann>Hi there')).toMatchObject({ translation: '', speaker: 'Mary Ann' });
    expect(one('<v Tom &amp; Jerry>嗨')?.speaker).toBe('Tom & Jerry');
  });

  it('keeps the first of several speakers, with a warning', () => {
    const doc = parse('WEBVTT\n\n00:01.000 --> 00:02.000\n<v 甲>你好\n<v 乙>你也好\n');
    expect(doc.segments[0]).toMatchObject({ source: '你好\n你也好', speaker: '甲' });
    expect(doc.issues.map((i) => [i.severity, i.line])).toEqual([['warning', 3]]);
  });

  it('strips inline tags and timestamps', () => {
    expect(
      one('<i>斜</i><b>粗</b><u>线</u><c.yellow.bg_blue>色</c>\n<lang en>Hello</lang> <00:00:01.500>world<01:02.000>!'),
    ).toMatchObject({ source: '斜粗线色', translation: 'Hello world!' });
    expect(one('<ruby>字<rt>zì</rt></ruby>幕')?.source).toBe('字幕');
  });

  it('keeps tags with keepTags (voice spans still become the speaker)', () => {
    expect(one('<v 甲><i>斜</i>\n<c.yellow>Hi</c>', true)).toMatchObject({
      source: '<i>斜</i>',
      translation: '<c.yellow>Hi</c>',
      speaker: '甲',
    });
  });

  it('decodes HTML entities', () => {
    expect(one('Tom &amp; Jerry &lt;3 &gt;&nbsp;ok &#20320;&#x597D;')?.source).toBe('Tom & Jerry <3 >\u00A0ok 你好');
    expect(one('&unknown; &amp')?.source).toBe('&unknown; &amp');
  });

  it('splits bilingual cues in either order', () => {
    expect(one('Good morning\n早上好')).toMatchObject({ source: '早上好', translation: 'Good morning' });
    expect(one('早上好\nGood morning')).toMatchObject({ source: '早上好', translation: 'Good morning' });
  });
});

describe('vtt sniff', () => {
  it('is certain when the text starts with WEBVTT (after a BOM)', () => {
    expect(vttFormat.sniff(BASIC)).toBe(1);
    expect(vttFormat.sniff(`\uFEFF${BASIC}`)).toBe(1);
    expect(vttFormat.sniff('WEBVTT - 标题\r\n\r\n')).toBe(1);
    expect(vttFormat.sniff('WEBVTTX\n\n00:01.000 --> 00:02.000\n')).toBeLessThan(1);
  });

  it('is lukewarm for headerless cues and low for SRT', () => {
    expect(vttFormat.sniff('00:01.000 --> 00:02.000\n字\n')).toBeGreaterThan(0.3);
    expect(vttFormat.sniff('1\n00:00:01,000 --> 00:00:02,000\n字\n')).toBeLessThanOrEqual(0.3);
  });

  it('is low for ASS, BCC JSON, Whisper JSON, LRC and plain Chinese text', () => {
    const others = [
      '[Script Info]\nTitle: 测试\n\n[Events]\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,你好',
      '{"body":[{"from":1.0,"to":2.0,"location":2,"content":"你好"}]}',
      '{"text":"你好","segments":[{"id":0,"start":0.0,"end":2.0,"text":"你好"}]}',
      '[00:01.00]你好\n[00:02.50]世界\n',
      '今天我们来聊一聊字幕。\n',
    ];
    for (const text of others) expect(vttFormat.sniff(text)).toBeLessThanOrEqual(0.3);
  });
});

describe('vtt serialize', () => {
  const SEGMENTS: SegmentInit[] = [
    { start: 1000, end: 2500, source: '你好', translation: 'Hello' },
    { start: 3000, end: 4000, source: '只有中文', translation: '' },
  ];

  it('writes the WEBVTT header and bilingual cues as two lines of one cue', () => {
    const { text, issues } = serialize(SEGMENTS);
    expect(issues).toEqual([]);
    expect(text).toBe(
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.500\n你好\nHello\n\n2\n00:00:03.000 --> 00:00:04.000\n只有中文\n',
    );
    expect(parseSync(text).filter((n) => n.type === 'cue')).toHaveLength(2);
  });

  it('puts the project title in the header', () => {
    const { text } = serialize(SEGMENTS, {}, '第一集\n试播');
    expect(text.split('\n')[0]).toBe('WEBVTT - 第一集 试播');
    expect(vttFormat.parse(text).title).toBe('第一集 试播');
  });

  it('follows the layout', () => {
    const cue = (layout: Layout) => serialize(SEGMENTS.slice(0, 1), { layout }).text.split('\n').slice(4, -1);
    expect(cue('source')).toEqual(['你好']);
    expect(cue('translation')).toEqual(['Hello']);
    expect(cue('bilingual')).toEqual(['你好', 'Hello']);
    expect(cue('bilingual-translation-first')).toEqual(['Hello', '你好']);
  });

  it('escapes &, < and > and writes the speaker as a voice span', () => {
    const { text } = serialize([
      { start: 0, end: 1000, source: '<我&你>', translation: 'a --> b', speaker: 'A&B <1>' },
    ]);
    expect(text).toBe(
      'WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\n<v A&amp;B &lt;1&gt;>&lt;我&amp;你&gt;\na --&gt; b\n',
    );
    expect(vttFormat.parse(text).segments).toEqual([
      { start: 0, end: 1000, source: '<我&你>', translation: 'a --> b', speaker: 'A&B <1>' },
    ]);
  });

  it('leaves out untimed and empty cues with warnings, and writes CRLF when asked', () => {
    const { text, issues } = serialize(
      [{ source: '未定时' }, { start: 0, end: 1, source: '' }, { start: 5, end: 6, source: '一' }],
      { lineEnding: 'crlf' },
    );
    expect(text).toBe('WEBVTT\r\n\r\n1\r\n00:00:00.005 --> 00:00:00.006\r\n一\r\n');
    expect(issues.map((i) => i.severity)).toEqual(['warning', 'warning']);
    expect(serialize([]).text).toBe('WEBVTT\n\n');
  });

  it('writes hours above 24 and 99 correctly', () => {
    const { text } = serialize([{ start: 25 * 3_600_000, end: 100 * 3_600_000 + 999, source: '长' }]);
    expect(text).toBe('WEBVTT\n\n1\n25:00:00.000 --> 100:00:00.999\n长\n');
  });
});

// -------------------------------------------------------------------------------------------
// Round trip

const name = fc
  .string({ unit: fc.constantFrom(...HAN, ...EN, ' ', '&', '<', '>', '.'), minLength: 1, maxLength: 12 })
  .map(trimmed)
  .filter(Boolean);
const segment = cueSegment({ chinese: '<>&;', english: '<>#', speaker: name });
const title = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom(...HAN, ...EN, ' ', '&', '1'), minLength: 1, maxLength: 20 }).map(trimmed),
);

describe('vtt round trip', () => {
  for (const layout of ['bilingual', 'bilingual-translation-first'] as const) {
    it(`serialize → parse keeps times, texts, speakers and the title (${layout})`, () => {
      fc.assert(
        fc.property(
          fc.array(segment, { maxLength: 12 }),
          title,
          fc.constantFrom('lf', 'crlf'),
          (segments, projectTitle, lineEnding) => {
            const out = vttFormat.serialize?.(createProject({ title: projectTitle, segments }), {
              layout,
              lineEnding: lineEnding as 'lf' | 'crlf',
            });
            expect(out?.issues).toEqual([]);
            const doc = vttFormat.parse(out?.text ?? '');
            expect(doc.segments).toEqual(segments);
            expect(doc.title ?? '').toBe(projectTitle);
            if (segments.length > 0) expect(doc.issues).toEqual([]);
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});

describe('WebVTT cue settings', () => {
  it('keeps cue settings and writes them back', async () => {
    const { vttFormat } = await import('./vtt');
    const { createProject } = await import('../../../shared/model/project');
    const input =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000 line:0 position:20% align:start\n顶部字幕\n\n00:00:03.000 --> 00:00:04.000\n普通字幕\n';
    const parsed = vttFormat.parse(input);
    expect(parsed.segments[0]?.extras).toEqual({ vtt: { settings: 'line:0 position:20% align:start' } });
    expect(parsed.segments[1]?.extras).toBeUndefined();
    const out = vttFormat.serialize?.(createProject({ segments: parsed.segments }), {
      layout: 'source',
      lineEnding: 'lf',
    });
    expect(out?.text).toContain('00:00:01.000 --> 00:00:02.000 line:0 position:20% align:start\n顶部字幕');
    expect(out?.text).toContain('00:00:03.000 --> 00:00:04.000\n普通字幕');
  });
});
