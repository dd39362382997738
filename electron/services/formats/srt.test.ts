import fc from 'fast-check';
import { parseSync } from 'subtitle';
import { describe, expect, it } from 'vitest';
import type { Layout, SerializeOptions } from '../../../shared/formats/format';
import { createProject, type SegmentInit } from '../../../shared/model/project';
import { srtFormat } from './srt';
import { cueSegment } from './testing/cue-arbitraries';

const parse = (text: string, keepTags = false) => srtFormat.parse(text, keepTags ? { keepTags } : {});
const serialize = (segments: SegmentInit[], options: Partial<SerializeOptions> = {}) =>
  srtFormat.serialize?.(createProject({ segments }), { layout: 'bilingual', lineEnding: 'lf', ...options }) ?? {
    text: '',
    issues: [],
  };
const times = (text: string) => parse(text).segments.map((s) => [s.start, s.end]);

const BASIC = [
  '1',
  '00:00:01,000 --> 00:00:02,500',
  '你好，世界',
  'Hello, world',
  '',
  '2',
  '00:00:03,000 --> 00:00:04,000',
  '第二句',
  '',
].join('\n');

describe('srt parse: real-file quirks', () => {
  it('reads a plain bilingual file without issues', () => {
    const doc = parse(BASIC);
    expect(doc.issues).toEqual([]);
    expect(doc.title).toBeUndefined();
    expect(doc.segments).toEqual([
      { start: 1000, end: 2500, source: '你好，世界', translation: 'Hello, world' },
      { start: 3000, end: 4000, source: '第二句', translation: '' },
    ]);
  });

  it('accepts a BOM, CRLF and lone CR line endings', () => {
    const expected = parse(BASIC).segments;
    for (const text of [`\uFEFF${BASIC}`, BASIC.replace(/\n/g, '\r\n'), BASIC.replace(/\n/g, '\r')]) {
      const doc = parse(text);
      expect(doc.segments).toEqual(expected);
      expect(doc.issues).toEqual([]);
    }
  });

  it('accepts missing and wrong cue numbers without complaint', () => {
    const missing = '00:00:01,000 --> 00:00:02,000\n一\n\n00:00:03,000 --> 00:00:04,000\n二\n';
    const wrong = '7\n00:00:01,000 --> 00:00:02,000\n一\n\n7\n00:00:03,000 --> 00:00:04,000\n二\n';
    for (const text of [missing, wrong]) {
      const doc = parse(text);
      expect(doc.segments.map((s) => s.source)).toEqual(['一', '二']);
      expect(doc.issues).toEqual([]);
    }
  });

  it('accepts extra blank lines before, between and after cues, and trailing spaces', () => {
    const text =
      '\n\n \n1  \n00:00:01,000 --> 00:00:02,000   \n一  \n\n\n\n2\t\n00:00:03,000 --> 00:00:04,000\n二 \n\n\n';
    const doc = parse(text);
    expect(doc.segments).toEqual([
      { start: 1000, end: 2000, source: '一', translation: '' },
      { start: 3000, end: 4000, source: '二', translation: '' },
    ]);
    expect(doc.issues).toEqual([]);
  });

  it('reads `,` or `.` before 1–3 digit fractions as decimal fractions of a second', () => {
    const cue = (t: string) => `1\n${t}\n字\n`;
    expect(times(cue('00:00:01,5 --> 00:00:02.50'))).toEqual([[1500, 2500]]);
    expect(times(cue('00:00:01.005 --> 00:00:01,05'))).toEqual([[1005, 1050]]);
    expect(times(cue('00:00:01 --> 00:00:02'))).toEqual([[1000, 2000]]);
  });

  it('reads hours above 99 and timestamps without hours', () => {
    expect(times('1\n123:04:05,678 --> 1000:00:00,000\n字\n')).toEqual([
      [((123 * 60 + 4) * 60 + 5) * 1000 + 678, 1000 * 3_600_000],
    ]);
    expect(times('1\n01:02,500 --> 1:03,000\n字\n')).toEqual([[62_500, 63_000]]);
  });

  it('accepts spaces or none around the arrow, and SRT coordinates after the end time', () => {
    expect(
      times('1\n00:00:01,000-->00:00:02,000\n字\n\n2\n00:00:03,000   -->   00:00:04,000 X1:10 X2:20\n字\n'),
    ).toEqual([
      [1000, 2000],
      [3000, 4000],
    ]);
  });

  it('repairs arrow typos and full-width punctuation with a warning on their line', () => {
    const text = [
      '1',
      '00:00:01,000 -> 00:00:02,000',
      '一',
      '',
      '2',
      '00:00:03,000 —> 00:00:04,000',
      '二',
      '',
      '3',
      '00：00：05，000 --> 00:00:06,000',
      '三',
    ].join('\n');
    const doc = parse(text);
    expect(doc.segments.map((s) => [s.start, s.end, s.source])).toEqual([
      [1000, 2000, '一'],
      [3000, 4000, '二'],
      [5000, 6000, '三'],
    ]);
    expect(doc.issues.map((i) => [i.severity, i.line])).toEqual([
      ['warning', 2],
      ['warning', 6],
      ['warning', 10],
    ]);
    expect(doc.issues[0]?.message).toMatch(/arrow/);
  });

  it('recovers the other cues around a block with a broken timing line, warning with its line number', () => {
    const text = [
      '1',
      '00:00:01,000 --> 00:00:02,000',
      '一',
      '',
      '2',
      '00:00:03,000 --< 00:00:04,000',
      '坏的',
      '',
      '3',
      '00:00:05,000 --> 00:00:06,000',
      '三',
      '',
      '4',
      '00:00:07,000 --> 00:00:0',
      '也坏',
      '',
      '5',
      '00:00:09,000 --> 00:00:10,000',
      '五',
    ].join('\n');
    const doc = parse(text);
    expect(doc.segments.map((s) => s.source)).toEqual(['一', '三', '五']);
    expect(doc.issues).toHaveLength(2);
    expect(doc.issues.map((i) => [i.severity, i.line])).toEqual([
      ['warning', 6],
      ['warning', 14],
    ]);
    expect(doc.issues[0]?.message).toMatch(/timing/);
  });

  it('skips a cue whose time is out of range (minutes above 59)', () => {
    const doc = parse('1\n00:00:01,000 --> 00:00:02,000\n一\n\n2\n00:75:00,000 --> 00:76:00,000\n坏\n');
    expect(doc.segments.map((s) => s.source)).toEqual(['一']);
    expect(doc.issues.map((i) => i.line)).toEqual([6]);
  });

  it('joins a block without a timing line to the cue before it (blank line inside cue text)', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:02,000\n第一行\n\n第二行\nSecond line\n\n2\n00:00:03,000 --> 00:00:04,000\n二\n';
    const doc = parse(text);
    expect(doc.segments).toEqual([
      { start: 1000, end: 2000, source: '第一行\n第二行', translation: 'Second line' },
      { start: 3000, end: 4000, source: '二', translation: '' },
    ]);
    expect(doc.issues).toHaveLength(1);
    expect(doc.issues[0]).toMatchObject({ severity: 'warning', line: 5 });
    expect(doc.issues[0]?.message).toMatch(/blank line inside/);
  });

  it('joins text before a cue number to the previous cue', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\n第一行\n\n第二行\n2\n00:00:03,000 --> 00:00:04,000\n二\n';
    const doc = parse(text);
    expect(doc.segments.map((s) => s.source)).toEqual(['第一行\n第二行', '二']);
    expect(doc.issues.map((i) => i.line)).toEqual([5]);
  });

  it('skips text before the first cue with a warning', () => {
    const doc = parse('字幕文件\n\n1\n00:00:01,000 --> 00:00:02,000\n一\n');
    expect(doc.segments.map((s) => s.source)).toEqual(['一']);
    expect(doc.issues.map((i) => [i.severity, i.line])).toEqual([['warning', 1]]);
  });

  it('splits cues that have no blank line between them', () => {
    const text =
      '1\n00:00:01,000 --> 00:00:02,000\n一\n2\n00:00:03,000 --> 00:00:04,000\n二\n00:00:05,000 --> 00:00:06,000\n三';
    const doc = parse(text);
    expect(doc.segments.map((s) => [s.start, s.source])).toEqual([
      [1000, '一'],
      [3000, '二'],
      [5000, '三'],
    ]);
    expect(doc.issues.map((i) => i.line)).toEqual([5, 7]);
  });

  it('accepts a cue number separated from its timing line by a blank line (warning)', () => {
    const doc = parse('1\n\n00:00:01,000 --> 00:00:02,000\n一\n');
    expect(doc.segments.map((s) => s.source)).toEqual(['一']);
    expect(doc.issues.map((i) => i.line)).toEqual([1]);
  });

  it('keeps digit-only and NOTE-like text lines as text', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nNOTE 这不是注释\n2024\n\n2\n00:00:03,000 --> 00:00:04,000\n42\n';
    const doc = parse(text);
    expect(doc.segments.map((s) => s.source)).toEqual(['NOTE 这不是注释\n2024', '42']);
    expect(doc.issues).toEqual([]);
  });

  it('keeps empty cues as empty segments', () => {
    const doc = parse('1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\n二\n');
    expect(doc.segments).toEqual([
      { start: 1000, end: 2000, source: '', translation: '' },
      { start: 3000, end: 4000, source: '二', translation: '' },
    ]);
  });

  it('repairs a cue that ends before it starts', () => {
    const doc = parse('1\n00:00:05,000 --> 00:00:04,000\n一\n');
    expect(doc.segments[0]).toMatchObject({ start: 5000, end: 5000 });
    expect(doc.issues.map((i) => [i.severity, i.line])).toEqual([['warning', 2]]);
  });
});

describe('srt parse: text', () => {
  const one = (body: string, keepTags = false) =>
    parse(`1\n00:00:01,000 --> 00:00:02,000\n${body}\n`, keepTags).segments[0];

  it('strips inline tags and ASS overrides', () => {
    expect(one('<i>斜体</i> <b>粗</b><u>线</u>\n<font color="#ff0000">Red</font> {\\an8}text')).toMatchObject({
      source: '斜体 粗线',
      translation: 'Red text',
    });
    expect(one('{\\an8}\n顶部')?.source).toBe('顶部');
  });

  it('keeps tags with keepTags', () => {
    expect(one('<i>斜体</i>\n<font color="red">Red</font>', true)).toMatchObject({
      source: '<i>斜体</i>',
      translation: '<font color="red">Red</font>',
    });
  });

  it('leaves `<` that is not a tag, and entities, alone', () => {
    expect(one('1 < 2 > 0 &amp; 好')?.source).toBe('1 < 2 > 0 &amp; 好');
  });

  it('splits bilingual cues in either order, and leaves others in the source', () => {
    expect(one('Hello\n你好')).toMatchObject({ source: '你好', translation: 'Hello' });
    expect(one('你好\nHello\nWorld')).toMatchObject({ source: '你好', translation: 'Hello\nWorld' });
    expect(one('你好\nHello\n世界')).toMatchObject({ source: '你好\nHello\n世界', translation: '' });
    // splitBilingual keeps a one-language cue in the source, whatever the language.
    expect(one('Only English')).toMatchObject({ source: 'Only English', translation: '' });
  });

  it('takes a <v> voice span as the speaker', () => {
    expect(one('<v 老王>你好')).toMatchObject({ source: '你好', speaker: '老王' });
  });
});

describe('srt parse: bad input', () => {
  it('reports empty input as an error without segments', () => {
    for (const text of ['', '\uFEFF', '\n\n  \r\n']) {
      const doc = parse(text);
      expect(doc.segments).toEqual([]);
      expect(doc.issues).toHaveLength(1);
      expect(doc.issues[0]?.severity).toBe('error');
    }
  });

  it('reports garbage and binary-looking text as one error without segments', () => {
    const binary = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    const garbage = ['这只是一段普通的中文文字。', '', '没有时间轴。', '', '--> ??', '1', '2', ''].join('\n');
    for (const text of [binary, garbage, 'PK\u0003\u0004\u0000\u0000garbage', '}{][', 'a'.repeat(100_000)]) {
      let doc: ReturnType<typeof parse> | undefined;
      expect(() => {
        doc = parse(text);
      }).not.toThrow();
      expect(doc?.segments).toEqual([]);
      expect(doc?.issues).toHaveLength(1);
      expect(doc?.issues[0]?.severity).toBe('error');
    }
    expect(parse(binary).issues[0]?.message).toMatch(/binary/);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.string(), fc.constantFrom('1', '00:00:01,000 --> 00:00:02,000', '-->', '', 'NOTE', '<v', '&#0;')),
        ),
        (parts) => {
          const doc = parse(parts.join('\n'));
          expect(Array.isArray(doc.segments)).toBe(true);
          for (const s of doc.segments) expect(s.end ?? 0).toBeGreaterThanOrEqual(s.start ?? 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('srt parse: size', () => {
  it('parses a generated 10,000-cue bilingual file', () => {
    const clock = (ms: number) => {
      const h = Math.floor(ms / 3_600_000);
      const m = Math.floor(ms / 60_000) % 60;
      const s = Math.floor(ms / 1000) % 60;
      return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')},${String(ms % 1000).padStart(3, '0')}`;
    };
    const blocks = Array.from(
      { length: 10_000 },
      (_, i) => `${i + 1}\r\n${clock(i * 1500)} --> ${clock(i * 1500 + 1200)}\r\n第${i + 1}句字幕\r\nLine ${i + 1}\r\n`,
    );
    const doc = parse(`\uFEFF${blocks.join('\r\n')}`);
    expect(doc.issues).toEqual([]);
    expect(doc.segments).toHaveLength(10_000);
    expect(doc.segments[0]).toEqual({ start: 0, end: 1200, source: '第1句字幕', translation: 'Line 1' });
    expect(doc.segments[9999]).toEqual({
      start: 9999 * 1500,
      end: 9999 * 1500 + 1200,
      source: '第10000句字幕',
      translation: 'Line 10000',
    });
  });
});

describe('srt sniff', () => {
  it('is sure of real SRT', () => {
    expect(srtFormat.sniff(BASIC)).toBeGreaterThanOrEqual(0.9);
    expect(srtFormat.sniff(`\uFEFF${BASIC.replace(/\n/g, '\r\n')}`)).toBeGreaterThanOrEqual(0.9);
    expect(srtFormat.sniff(`\n\n${BASIC}`)).toBeGreaterThanOrEqual(0.9);
  });

  it('is less sure of SRT-like text with dots or no numbers, and low for WebVTT', () => {
    const dots = srtFormat.sniff('1\n00:00:01.000 --> 00:00:02.000\n字\n');
    expect(dots).toBeGreaterThan(0.3);
    expect(dots).toBeLessThan(0.9);
    expect(srtFormat.sniff('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n字\n')).toBeLessThanOrEqual(0.3);
  });

  it('is low for ASS, BCC JSON, Whisper JSON, LRC, plain Chinese text and nothing', () => {
    const others = [
      '[Script Info]\nTitle: 测试\nScriptType: v4.00+\n\n[Events]\nFormat: Layer, Start, End, Style, Text\nDialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,你好',
      '{"font_size":0.4,"body":[{"from":1.0,"to":2.0,"location":2,"content":"你好"}]}',
      '{"text":" 你好","segments":[{"id":0,"start":0.0,"end":2.0,"text":" 你好"}],"language":"zh"}',
      '[ti:歌名]\n[00:01.00]你好\n[00:02.50]世界\n',
      '今天我们来聊一聊字幕。\n\n第二段：时间是 10:00 到 11:00。\n',
      '',
    ];
    for (const text of others) expect(srtFormat.sniff(text)).toBeLessThanOrEqual(0.3);
  });
});

describe('srt serialize', () => {
  const SEGMENTS: SegmentInit[] = [
    { start: 1000, end: 2500, source: '你好', translation: 'Hello' },
    { start: 3000, end: 4000, source: '只有中文', translation: '' },
  ];

  it('writes bilingual cues as two lines of one cue, numbered from 1', () => {
    const { text, issues } = serialize(SEGMENTS);
    expect(issues).toEqual([]);
    expect(text).toBe('1\n00:00:01,000 --> 00:00:02,500\n你好\nHello\n\n2\n00:00:03,000 --> 00:00:04,000\n只有中文\n');
    expect(parseSync(text)).toHaveLength(2);
  });

  it('follows the layout', () => {
    const first = (layout: Layout) => serialize(SEGMENTS, { layout }).text.split('\n\n')[0]?.trimEnd();
    expect(first('source')).toBe('1\n00:00:01,000 --> 00:00:02,500\n你好');
    expect(first('translation')).toBe('1\n00:00:01,000 --> 00:00:02,500\nHello');
    expect(first('bilingual-translation-first')).toBe('1\n00:00:01,000 --> 00:00:02,500\nHello\n你好');
  });

  it('leaves out untimed and empty cues with warnings, renumbering the rest', () => {
    const { text, issues } = serialize(
      [
        { source: '未定时' },
        { start: 0, end: 100, source: '一' },
        { start: 200, end: 300, source: '   ', translation: '' },
        { start: 400, end: 500, source: '二' },
      ],
      { layout: 'source' },
    );
    expect(text).toBe('1\n00:00:00,000 --> 00:00:00,100\n一\n\n2\n00:00:00,400 --> 00:00:00,500\n二\n');
    expect(issues).toHaveLength(2);
    expect(issues.every((i) => i.severity === 'warning')).toBe(true);
    expect(issues[0]?.message).toMatch(/untimed.*#1/);
    expect(issues[1]?.message).toMatch(/no text.*#3/);
    expect(serialize([{ source: '只有译文为空' }], { layout: 'translation' }).text).toBe('');
  });

  it('writes CRLF when asked', () => {
    const { text } = serialize(SEGMENTS, { lineEnding: 'crlf' });
    expect(text).toBe(
      '1\r\n00:00:01,000 --> 00:00:02,500\r\n你好\r\nHello\r\n\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\n只有中文\r\n',
    );
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes hours above 24 and 99 correctly (the package alone wraps at 24 h)', () => {
    const { text } = serialize([{ start: 100 * 3_600_000 + 1234, end: 123 * 3_600_000 + 61_001, source: '长' }]);
    expect(text).toBe('1\n100:00:01,234 --> 123:01:01,001\n长\n');
  });

  it('keeps multi-line text in one cue without blank lines, and defuses arrows', () => {
    const { text } = serialize([{ start: 0, end: 1, source: '一\n\n  二  \r\n三', translation: 'a --> b' }]);
    expect(text).toBe('1\n00:00:00,000 --> 00:00:00,001\n一\n二\n三\na -> b\n');
  });
});

// -------------------------------------------------------------------------------------------
// Round trip

const segment = cueSegment();

describe('srt round trip', () => {
  for (const layout of ['bilingual', 'bilingual-translation-first'] as const) {
    it(`serialize → parse keeps times and texts (${layout})`, () => {
      fc.assert(
        fc.property(fc.array(segment, { maxLength: 12 }), fc.constantFrom('lf', 'crlf'), (segments, lineEnding) => {
          const out = srtFormat.serialize?.(createProject({ segments }), {
            layout,
            lineEnding: lineEnding as 'lf' | 'crlf',
          });
          expect(out?.issues).toEqual([]);
          const doc = srtFormat.parse(out?.text ?? '');
          expect(doc.segments).toEqual(segments);
          if (segments.length > 0) expect(doc.issues).toEqual([]);
        }),
        { numRuns: 200 },
      );
    });
  }
});
