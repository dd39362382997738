import { describe, expect, it } from 'vitest';
import { createProject, type SegmentInit } from '../model/project';
import { bccFormat } from './bcc';
import type { SerializeOptions } from './format';
import { bilingualOptions, forRandomInputs, type Random, randomStart, randomText, WORDS } from './testing/random';
import { view, write } from './testing/roundtrip';
import { ASS, LRC, PLAIN, SRT, VTT } from './testing/samples';

const AI_SUBTITLE = `{
  "font_size": 0.4,
  "font_color": "#FFFFFF",
  "background_alpha": 0.5,
  "background_color": "#9C27B0",
  "stroke": "none",
  "type": "AIsubtitle",
  "lang": "zh",
  "version": "v1.7.0.4",
  "body": [
    { "from": 0.28, "to": 2.56, "sid": 1, "location": 2, "content": "大家好，欢迎收看本期视频", "music": 0.0 },
    { "from": 2.56, "to": 5.1, "sid": 2, "location": 2, "content": "今天聊聊规模定律\\nScaling laws", "music": 0.12 },
    { "from": 5.1, "to": 7.0004, "sid": 3, "location": 2, "content": "Thanks for watching\\n感谢观看", "music": 0.9 }
  ]
}`;

const COMPACT =
  '{"font_size":0.4,"font_color":"#FFFFFF","background_alpha":0.5,"background_color":"#9C27B0","Stroke":"none",' +
  '"body":[{"from":1.23,"to":4.5,"location":2,"content":"你好"}]}';

// Pretty-printed, as openai-whisper writes it with an indent.
const WHISPER = `{
  "text": "大家好，欢迎收看",
  "segments": [{ "id": 0, "seek": 0, "start": 0.0, "end": 2.5, "text": "大家好，欢迎收看", "tokens": [1, 2] }],
  "language": "zh"
}`;

describe('BCC sniff', () => {
  it('scores BCC high and other formats (Whisper JSON too) low', () => {
    for (const own of [AI_SUBTITLE, COMPACT, `\uFEFF${AI_SUBTITLE.replace(/\n/g, '\r\n')}`]) {
      expect(bccFormat.sniff(own)).toBeGreaterThanOrEqual(0.8);
    }
    for (const other of [SRT, VTT, WHISPER, PLAIN, ASS, LRC, '', '{}'])
      expect(bccFormat.sniff(other)).toBeLessThanOrEqual(0.3);
  });
});

describe('BCC parse', () => {
  it('reads a Bilibili AI subtitle with extra fields, splitting two-language cues', () => {
    const doc = bccFormat.parse(AI_SUBTITLE);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([
      { start: 280, end: 2560, source: '大家好，欢迎收看本期视频', translation: '' },
      { start: 2560, end: 5100, source: '今天聊聊规模定律', translation: 'Scaling laws' },
      { start: 5100, end: 7000, source: '感谢观看', translation: 'Thanks for watching' },
    ]);
  });

  it('accepts CRLF, a BOM and compact JSON', () => {
    expect(view(bccFormat.parse(`\uFEFF${AI_SUBTITLE.replace(/\n/g, '\r\n')}`).segments)).toEqual(
      view(bccFormat.parse(AI_SUBTITLE).segments),
    );
    expect(view(bccFormat.parse(COMPACT).segments)).toEqual([
      { start: 1230, end: 4500, source: '你好', translation: '' },
    ]);
  });

  it('names the JSON path and line of bad cues and keeps the good ones', () => {
    const text = [
      '{"body": [', // 1
      '  {"from": 1, "to": 2, "content": "一"},', // 2
      '  {"to": 4,', // 3
      '   "from": "3.5", "content": "二"},', // 4
      '  {"from": 5, "to": 6},', // 5
      '  "oops",', // 6
      '  {"from": 8, "to": 7, "content": "倒"},', // 7
      '  {"from": 9, "to": 10, "content": "三"}', // 8
      ']}',
    ].join('\n');
    const doc = bccFormat.parse(text);
    expect(doc.issues.map(({ severity, line, path }) => ({ severity, line, path }))).toEqual([
      { severity: 'warning', line: 4, path: 'body[1].from' },
      { severity: 'warning', line: 5, path: 'body[2].content' },
      { severity: 'warning', line: 6, path: 'body[3]' },
      { severity: 'warning', line: 7, path: 'body[4].to' },
    ]);
    expect(doc.issues[0]?.message).toBe('body[1].from: expected a number; cue skipped');
    expect(view(doc.segments)).toEqual([
      { start: 1000, end: 2000, source: '一', translation: '' },
      { start: 8000, end: 8000, source: '倒', translation: '' },
      { start: 9000, end: 10000, source: '三', translation: '' },
    ]);
  });

  it('reports invalid JSON with its line, and non-BCC JSON, as one error without throwing', () => {
    const cases: [string, number | null, string?][] = [
      ['', null],
      ['\uFEFF  \r\n', null],
      ['{\n  "body": [\n    {"from": 1,, "to": 2}\n  ]\n}', 3],
      ['\n\nnot json at all', 3],
      ['{\n"body": [\n{"from": 1', 3],
      ['\u0000\u0001garbage', 1],
      ['[1, 2]', 1],
      [WHISPER, 1, 'body'],
      ['{\n  "body": {"from": 1}\n}', 2, 'body'],
    ];
    for (const [text, line, path] of cases) {
      const doc = bccFormat.parse(text);
      expect(doc.segments).toEqual([]);
      expect(doc.issues).toHaveLength(1);
      expect(doc.issues[0]).toMatchObject({ severity: 'error', line, ...(path ? { path } : {}) });
    }
  });
});

describe('BCC serialize', () => {
  const options: SerializeOptions = { layout: 'bilingual', lineEnding: 'lf' };

  it('writes sorted cues at location 2 with seconds to 3 decimals', () => {
    const project = createProject({
      segments: [
        { start: 5000, end: 6000, source: '第二', translation: 'Second' },
        { start: 1234, end: 4567, source: '第一', translation: '' },
        { start: null, end: null, source: '未定时' },
        { start: 7000, end: 8000, source: '没有译文', translation: '' },
      ],
    });
    const { text, issues } = write(bccFormat, project, options);
    const json = JSON.parse(text);
    expect(json).toMatchObject({ font_size: 0.4, font_color: '#FFFFFF', background_alpha: 0.5, Stroke: 'none' });
    expect(json.body).toEqual([
      { from: 1.234, to: 4.567, location: 2, content: '第一' },
      { from: 5, to: 6, location: 2, content: '第二\nSecond' },
      { from: 7, to: 8, location: 2, content: '没有译文' },
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', line: null, message: expect.stringMatching(/untimed.*#3/) }),
    ]);
    const translationOnly = write(bccFormat, project, { layout: 'translation', lineEnding: 'crlf' });
    expect(JSON.parse(translationOnly.text).body).toHaveLength(1);
    expect(translationOnly.text).toMatch(/^\{\r\n {2}"font_size"/);
    expect(translationOnly.issues.map((i) => i.message).join(' ')).toMatch(/no text for this layout.*#2, #4/);
  });

  it('refuses zero-length cues and reports each overlap as an error naming both cues', () => {
    const project = createProject({
      segments: [
        { start: 0, end: 5000, source: '长' },
        { start: 1000, end: 2000, source: '中间' },
        { start: 3000, end: 3000, source: '零' },
        { start: 4500, end: 6000, source: '尾' },
        { start: 6000, end: 7000, source: '相接' },
      ],
    });
    const { text, issues } = write(bccFormat, project, options);
    expect(issues.map((i) => i.severity)).toEqual(['error', 'error', 'error']);
    expect(issues[0]).toMatchObject({ code: 'bcc-zero-length', params: { cue: 3, time: '0:00:03.000' } });
    expect(issues[1]?.message).toBe(
      'cue 1 (0:00:00.000–0:00:05.000) overlaps cue 2 (0:00:01.000–0:00:02.000); Bilibili shows one cue at a time',
    );
    expect(issues[2]?.message).toMatch(/^cue 1 .* overlaps cue 4 \(0:00:04\.500–0:00:06\.000\)/);
    expect(JSON.parse(text).body.map((c: { content: string }) => c.content)).toEqual(['长', '中间', '尾', '相接']);
  });
});

// ---- round trip ----------------------------------------------------------------------------------

const TEXT = {
  extras: ['😀', '🇨🇳', '，', '。', '"', '\\', ' ', 'AI', '…', '\t'],
  words: [...WORDS, '"quoted"', 'a\\b', '{x}'],
};

function randomProject(r: Random) {
  const { int, hanLine, latinLine, lines } = randomText(r, TEXT);
  let t = randomStart(r);
  const segments: SegmentInit[] = Array.from({ length: int(9) }, () => {
    const start = t;
    const end = start + 1 + int(8000); // milliseconds, never zero-length
    t = end + (r() < 0.4 ? 0 : int(3000)); // no overlaps
    return { start, end, source: lines(hanLine), translation: r() < 0.3 ? '' : lines(latinLine) };
  });
  return createProject({ segments });
}

describe('BCC round trip', () => {
  it('parse(serialize(p)) keeps millisecond times and texts for 200 random projects', () => {
    forRandomInputs(86_400_123, 200, randomProject, (project, r) => {
      const { text, issues } = write(bccFormat, project, bilingualOptions(r));
      expect(issues).toEqual([]);
      const doc = bccFormat.parse(text);
      expect(doc.issues).toEqual([]);
      expect(view(doc.segments)).toEqual(view(project.segments));
    });
  });
});
