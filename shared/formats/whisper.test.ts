import { describe, expect, it } from 'vitest';
import { createProject, type SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { bccFormat } from './bcc';
import type { SerializeOptions } from './format';
import { bilingualOptions, forRandomInputs, HAN, type Random, randomStart, randomText, WORDS } from './testing/random';
import { view, write } from './testing/roundtrip';
import { ASS, LRC, PLAIN, SRT, TSV, VTT } from './testing/samples';
import { whisperFormat } from './whisper';

// openai-whisper `--output_format json --word_timestamps True`: one line, ASCII-escaped (json.dump defaults).
const OPENAI =
  String.raw`{"text": " \u5c0a\u656c\u7684\u5404\u4f4d\u9886\u5bfc\uff0c\u5404\u4f4d\u6765\u5bbe \u5927\u5bb6\u4e0a\u5348\u597d scaling law\u662f\u88ab\u53cd\u590d\u8ba8\u8bba\u7684\u4e00\u4e2a\u540d\u8bcd", ` +
  String.raw`"segments": [{"id": 0, "seek": 0, "start": 0.0, "end": 2.56, "text": " \u5c0a\u656c\u7684\u5404\u4f4d\u9886\u5bfc\uff0c\u5404\u4f4d\u6765\u5bbe", "tokens": [50364, 2129, 10187, 1546, 50492], "temperature": 0.0, "avg_logprob": -0.2138, "compression_ratio": 1.05, "no_speech_prob": 0.0123, "words": [{"word": " \u5c0a\u656c", "start": 0.0, "end": 0.62, "probability": 0.912}, {"word": "\u7684", "start": 0.62, "end": 0.8, "probability": 0.99}]}, ` +
  String.raw`{"id": 1, "seek": 0, "start": 2.56, "end": 5.1, "text": " \u5927\u5bb6\u4e0a\u5348\u597d", "tokens": [50492, 3582, 50619], "temperature": 0.0, "avg_logprob": -0.301, "compression_ratio": 1.05, "no_speech_prob": 0.0123, "words": [{"word": " \u5927\u5bb6", "start": 2.56, "end": 3.0, "probability": 0.97}]}, ` +
  String.raw`{"id": 2, "seek": 500, "start": 5.1, "end": 7.004, "text": " scaling law\u662f\u88ab\u53cd\u590d\u8ba8\u8bba\u7684\u4e00\u4e2a\u540d\u8bcd", "tokens": [50619, 50714], "temperature": 0.2, "avg_logprob": -0.45, "compression_ratio": 1.2, "no_speech_prob": 0.05, "words": []}], "language": "zh"}`;

// whisper.cpp `-ojf` (full JSON): tab-indented, times as SRT-style strings and as ms offsets, tokens per segment.
const WHISPER_CPP = `{
\t"systeminfo": "AVX = 1 | AVX2 = 1 | AVX512 = 0 | FMA = 1 | NEON = 0 | ARM_FMA = 0 | F16C = 1 | FP16_VA = 0 | WASM_SIMD = 0 | BLAS = 0 | SSE3 = 1 | SSSE3 = 1 | VSX = 0 | COREML = 0 | OPENVINO = 0 | ",
\t"model": {
\t\t"type": "medium",
\t\t"multilingual": true,
\t\t"vocab": 51865,
\t\t"audio": {"ctx": 1500, "state": 1024, "head": 16, "layer": 24},
\t\t"text": {"ctx": 448, "state": 1024, "head": 16, "layer": 24},
\t\t"mels": 80,
\t\t"ftype": 1
\t},
\t"params": {"model": "models/ggml-medium.bin", "language": "zh", "translate": false},
\t"result": {"language": "zh"},
\t"transcription": [
\t\t{
\t\t\t"timestamps": {"from": "00:00:00,000", "to": "00:00:02,560"},
\t\t\t"offsets": {"from": 0, "to": 2560},
\t\t\t"text": " 尊敬的各位领导,各位来宾",
\t\t\t"tokens": [
\t\t\t\t{"text": "[_BEG_]", "timestamps": {"from": "00:00:00,000", "to": "00:00:00,000"}, "offsets": {"from": 0, "to": 0}, "id": 50364, "p": 0.971, "t_dtw": -1},
\t\t\t\t{"text": " 尊敬", "timestamps": {"from": "00:00:00,000", "to": "00:00:00,620"}, "offsets": {"from": 0, "to": 620}, "id": 2129, "p": 0.912, "t_dtw": -1}
\t\t\t]
\t\t},
\t\t{
\t\t\t"timestamps": {"from": "00:00:02,560", "to": "00:00:05,100"},
\t\t\t"offsets": {"from": 2560, "to": 5100},
\t\t\t"text": " 大家上午好",
\t\t\t"tokens": []
\t\t},
\t\t{
\t\t\t"timestamps": {"from": "01:02:03,004", "to": "01:02:04,500"},
\t\t\t"text": " 只有时间字符串"
\t\t}
\t]
}
`;

// faster-whisper: `json.dump([s._asdict() for s in segments], f, ensure_ascii=False, indent=2)`.
const FASTER_WHISPER = `[
  {
    "id": 1,
    "seek": 0,
    "start": 0.0,
    "end": 3.48,
    "text": "大家好，欢迎收看本期视频",
    "tokens": [50365, 3582, 5909],
    "avg_logprob": -0.1806,
    "compression_ratio": 1.0,
    "no_speech_prob": 0.0178,
    "words": [
      { "start": 0.0, "end": 0.52, "word": "大家", "probability": 0.88 },
      { "start": 0.52, "end": 0.9, "word": "好", "probability": 0.97 }
    ],
    "temperature": 0.0
  },
  {
    "id": 2,
    "seek": 0,
    "start": 3.48,
    "end": 6.0,
    "text": "   ",
    "tokens": [],
    "avg_logprob": -1.2,
    "compression_ratio": 0.5,
    "no_speech_prob": 0.91,
    "words": null,
    "temperature": 1.0
  },
  {
    "id": 3,
    "seek": 600,
    "start": 6.0,
    "end": 8.125,
    "text": "今天聊聊规模定律",
    "tokens": [50665],
    "avg_logprob": -0.25,
    "compression_ratio": 1.1,
    "no_speech_prob": 0.01,
    "words": null,
    "temperature": 0.0
  }
]
`;

// WhisperX with diarization: segments carry a speaker, plus a word_segments list.
const WHISPERX = `{
  "segments": [
    {"start": 0.031, "end": 1.5, "text": " Hello everyone.", "words": [{"word": "Hello", "start": 0.031, "end": 0.4, "score": 0.9, "speaker": "SPEAKER_00"}], "speaker": "SPEAKER_00"},
    {"start": 1.5, "end": 2.25, "text": " 你好", "speaker": "SPEAKER_01"}
  ],
  "word_segments": [{"word": "Hello", "start": 0.031, "end": 0.4, "score": 0.9}],
  "language": "en"
}`;

// BCC as Bilibili writes it (pretty-printed), and compact with the body first.
const BCC = `{
  "font_size": 0.4,
  "font_color": "#FFFFFF",
  "background_alpha": 0.5,
  "background_color": "#9C27B0",
  "Stroke": "none",
  "body": [{ "from": 0.28, "to": 2.56, "location": 2, "content": "大家好，欢迎收看本期视频" }]
}`;
const BCC_COMPACT = '{"body":[{"from":1.23,"to":4.5,"location":2,"content":"你好"}],"font_size":0.4}';

const lf: SerializeOptions = { layout: 'bilingual', lineEnding: 'lf' };
const serialize = (project: Project, options: SerializeOptions = lf) => write(whisperFormat, project, options);

describe('Whisper sniff', () => {
  it('scores openai-whisper, whisper.cpp, faster-whisper and WhisperX output high', () => {
    for (const own of [OPENAI, WHISPER_CPP, FASTER_WHISPER, WHISPERX, `\uFEFF${WHISPER_CPP.replace(/\n/g, '\r\n')}`]) {
      expect(whisperFormat.sniff(own)).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('looks past a long transcript "text" to find the segments', () => {
    const long = createProject({
      segments: Array.from({ length: 1000 }, (_, i) => ({
        start: i * 1000,
        end: i * 1000 + 900,
        source: `第${i}句话`,
      })),
    });
    const { text } = serialize(long);
    expect(text.indexOf('"segments"')).toBeGreaterThan(4000);
    expect(whisperFormat.sniff(text)).toBeGreaterThanOrEqual(0.8);
  });

  it('scores BCC, other formats and stray JSON low', () => {
    for (const other of [SRT, VTT, ASS, BCC, BCC_COMPACT, LRC, PLAIN, TSV, '', '{}', '[]', '[1, 2]', '{"text": "x"}']) {
      expect(whisperFormat.sniff(other)).toBeLessThanOrEqual(0.3);
    }
    // And BCC's own sniffer does not claim Whisper output.
    for (const own of [OPENAI, WHISPER_CPP, FASTER_WHISPER]) expect(bccFormat.sniff(own)).toBeLessThanOrEqual(0.3);
  });
});

describe('Whisper parse', () => {
  it('reads openai-whisper JSON: seconds to rounded ms, leading spaces trimmed, extra fields ignored', () => {
    const doc = whisperFormat.parse(OPENAI);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([
      { start: 0, end: 2560, source: '尊敬的各位领导，各位来宾', translation: '' },
      { start: 2560, end: 5100, source: '大家上午好', translation: '' },
      { start: 5100, end: 7004, source: 'scaling law是被反复讨论的一个名词', translation: '' },
    ]);
    expect(doc.title).toBeUndefined();
  });

  it('reads whisper.cpp JSON: offsets in ms, timestamps when offsets are missing', () => {
    const doc = whisperFormat.parse(WHISPER_CPP);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([
      { start: 0, end: 2560, source: '尊敬的各位领导,各位来宾', translation: '' },
      { start: 2560, end: 5100, source: '大家上午好', translation: '' },
      { start: 3_723_004, end: 3_724_500, source: '只有时间字符串', translation: '' },
    ]);
  });

  it('reads a faster-whisper dump (top-level array) and drops empty segments', () => {
    const doc = whisperFormat.parse(FASTER_WHISPER);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([
      { start: 0, end: 3480, source: '大家好，欢迎收看本期视频', translation: '' },
      { start: 6000, end: 8125, source: '今天聊聊规模定律', translation: '' },
    ]);
  });

  it('keeps WhisperX speakers', () => {
    const doc = whisperFormat.parse(WHISPERX);
    expect(doc.segments.map((s) => [s.start, s.end, s.source, s.speaker])).toEqual([
      [31, 1500, 'Hello everyone.', 'SPEAKER_00'],
      [1500, 2250, '你好', 'SPEAKER_01'],
    ]);
  });

  it('accepts CRLF and a BOM', () => {
    const crlf = `\uFEFF${WHISPER_CPP.replace(/\n/g, '\r\n')}`;
    expect(view(whisperFormat.parse(crlf).segments)).toEqual(view(whisperFormat.parse(WHISPER_CPP).segments));
  });

  it('names the JSON path and line of bad segments, keeps the good ones and repairs odd times', () => {
    const text = [
      '{"language": "zh", "segments": [', // 1
      '  {"start": 0, "end": 1, "text": " 一"},', // 2
      '  {"start": 1,', // 3
      '   "end": "2", "text": "二"},', // 4
      '  {"start": 2, "end": 3},', // 5
      '  "oops",', // 6
      '  {"start": 5, "end": 4, "text": "倒"},', // 7
      '  {"start": -1, "end": 6, "text": "负"},', // 8
      '  {"end": 8, "text": "缺"},', // 9
      '  {"start": 9, "end": 10, "text": "三"}', // 10
      ']}',
    ].join('\n');
    const doc = whisperFormat.parse(text);
    // The English names the path in front; the message itself is compared here.
    const withoutPath = (i: { path?: string; message: string }) =>
      i.path ? i.message.slice(i.path.length + 2) : i.message;
    expect(
      doc.issues.map((i) => ({ severity: i.severity, line: i.line, path: i.path, message: withoutPath(i) })),
    ).toEqual([
      { severity: 'warning', line: 4, path: 'segments[1].end', message: 'expected a number; segment skipped' },
      {
        severity: 'warning',
        line: 5,
        path: 'segments[2].text',
        message: 'missing; expected a string; segment skipped',
      },
      { severity: 'warning', line: 6, path: 'segments[3]', message: 'expected an object; segment skipped' },
      {
        severity: 'warning',
        line: 7,
        path: 'segments[4].end',
        message: 'ends before it starts; the end is set to the start',
      },
      { severity: 'warning', line: 8, path: 'segments[5].start', message: 'negative time; set to 0' },
      {
        severity: 'warning',
        line: 9,
        path: 'segments[6].start',
        message: 'missing; expected a number; segment skipped',
      },
    ]);
    expect(view(doc.segments)).toEqual([
      { start: 0, end: 1000, source: '一', translation: '' },
      { start: 5000, end: 5000, source: '倒', translation: '' },
      { start: 0, end: 6000, source: '负', translation: '' },
      { start: 9000, end: 10000, source: '三', translation: '' },
    ]);
  });

  it('names whisper.cpp paths', () => {
    const text = [
      '{"transcription": [',
      '  {"offsets": {"from": 0, "to": 1000}, "text": "好"},',
      '  {"offsets": {"from": "1s", "to": 2000}, "text": "坏"},',
      '  {"timestamps": {"from": "00:00:03,000", "to": "soon"}, "text": "坏"},',
      '  {"text": "没有时间"}',
      ']}',
    ].join('\n');
    const doc = whisperFormat.parse(text);
    expect(doc.issues.map(({ line, path }) => ({ line, path }))).toEqual([
      { line: 3, path: 'transcription[1].offsets.from' },
      { line: 4, path: 'transcription[2].timestamps.to' },
      { line: 5, path: 'transcription[3].offsets' },
    ]);
    expect(view(doc.segments)).toEqual([{ start: 0, end: 1000, source: '好', translation: '' }]);
  });

  it('reports invalid or foreign JSON as one error with its line, never throwing', () => {
    const cases: [string, number | null, string?][] = [
      ['', null],
      ['\uFEFF  \r\n', null],
      ['{\n  "segments": [\n    {"start": 1,, "end": 2}\n  ]\n}', 3],
      ['\n\nnot json at all', 3],
      ['{\n"segments": [\n{"start": 1', 3],
      ['{"segments": [{"text": "\u0001"}]}', 1],
      ['\u0000\u0001\u0002binary', 1],
      ['<html></html>', 1],
      ['{"not": "captions"}', 1],
      ['[1, 2]', 1, ''],
      ['"just a string"', 1],
      [BCC, 1],
      ['{\n  "segments": {"start": 1}\n}', 2, 'segments'],
      ['{"segments": [{"start": 1, "end": 2, "text": "x"}]} trailing', 1],
      ['['.repeat(100_000), 1],
    ];
    for (const [text, line, path] of cases) {
      const doc = whisperFormat.parse(text);
      expect(doc.segments).toEqual([]);
      expect(doc.issues[0]).toMatchObject({ severity: 'error', line, ...(path !== undefined ? { path } : {}) });
      if (path !== '') expect(doc.issues).toHaveLength(1);
    }
    expect(whisperFormat.parse('{\n  "a": 1,\n  "b": tru\n}').issues[0]?.message).toMatch(/line 3, column 8/);
  });

  it('treats an empty segment list as an empty transcript and "__proto__" keys as data', () => {
    expect(whisperFormat.parse('{"text": "", "segments": []}')).toEqual({ segments: [], issues: [] });
    const doc = whisperFormat.parse('{"segments": [{"__proto__": {"start": 1}, "start": 1, "end": 2, "text": "好"}]}');
    expect(view(doc.segments)).toEqual([{ start: 1000, end: 2000, source: '好', translation: '' }]);
  });
});

describe('Whisper serialize', () => {
  const project = createProject({
    languages: { source: 'zh-CN', translation: 'en' },
    segments: [
      { start: 0, end: 2560, source: '大家好', translation: 'Hello everyone' },
      { start: null, end: null, source: '未定时' },
      { start: 2560, end: 5100, source: '没有译文', translation: '' },
      { start: 360_000_001, end: 360_001_999, source: '一百小时后', translation: 'After 100 hours' },
    ],
  });

  it('writes the openai-whisper shape with seconds to 3 decimals', () => {
    const { text, issues } = serialize(project);
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', line: null, message: expect.stringMatching(/untimed.*#2/) }),
    ]);
    expect(text).toContain('"start": 0.000, "end": 2.560');
    expect(text).toContain('"start": 360000.001, "end": 360001.999');
    expect(JSON.parse(text)).toEqual({
      text: '大家好 Hello everyone没有译文一百小时后 After 100 hours',
      segments: [
        { id: 0, start: 0, end: 2.56, text: '大家好\nHello everyone' },
        { id: 1, start: 2.56, end: 5.1, text: '没有译文' },
        { id: 2, start: 360000.001, end: 360001.999, text: '一百小时后\nAfter 100 hours' },
      ],
      language: 'zh',
    });
  });

  it('lets the layout decide the text and leaves out segments with none', () => {
    const { text, issues } = serialize(project, { layout: 'translation', lineEnding: 'crlf' });
    const json = JSON.parse(text);
    expect(json.segments.map((s: { text: string }) => s.text)).toEqual(['Hello everyone', 'After 100 hours']);
    expect(json.language).toBe('en');
    expect(text).toMatch(/^\{\r\n {2}"text"/);
    expect(issues.map((i) => i.message).join(' ')).toMatch(/no text for this layout.*#3/);
  });

  it('writes an empty list for a project with nothing timed', () => {
    const { text } = serialize(createProject({ segments: [{ source: '无' }] }));
    expect(JSON.parse(text).segments).toEqual([]);
    expect(whisperFormat.parse(text).segments).toEqual([]);
  });
});

// ---- round trip ----------------------------------------------------------------------------------

const TEXT = {
  han: HAN,
  extras: ['😀', '🇨🇳', '，', '。', '"', '\\', ' ', 'AI', '…', '\t', '\u2028'],
  words: [...WORDS, '"quoted"', 'a\\b', '{x}', '\\n'],
  longHan: 120,
  longLatin: 40,
};

function randomProject(r: Random): Project {
  const { int, hanLine, latinLine, lines } = randomText(r, TEXT);
  let t = randomStart(r);
  const segments: SegmentInit[] = Array.from({ length: int(12) }, () => {
    const start = t;
    const end = start + int(8000);
    t = end + (r() < 0.4 ? 0 : int(3000));
    return { start, end, source: lines(hanLine), translation: r() < 0.3 ? '' : lines(latinLine) };
  });
  return createProject({ segments });
}

describe('Whisper round trip', () => {
  it('parse(serialize(p)) keeps ms times and both texts for 200 random projects', () => {
    forRandomInputs(20_240_614, 200, randomProject, (project, r) => {
      const { text, issues } = serialize(project, bilingualOptions(r));
      expect(issues).toEqual([]);
      const input = r() < 0.2 ? `\uFEFF${text}` : text;
      if (project.segments.length) expect(whisperFormat.sniff(input)).toBeGreaterThanOrEqual(0.8);
      const doc = whisperFormat.parse(input);
      expect(doc.issues).toEqual([]);
      expect(view(doc.segments)).toEqual(view(project.segments));
    });
  });

  it('round-trips a 10,000-segment bilingual project', () => {
    const project = createProject({
      segments: Array.from({ length: 10_000 }, (_, i) => ({
        start: i * 3000 + 10,
        end: i * 3000 + 2500,
        source: `第${i + 1}句：智源大会，具身智能😀`,
        translation: i % 3 === 2 ? '' : `Sentence ${i + 1}: the BAAI Conference`,
      })),
    });
    const doc = whisperFormat.parse(serialize(project).text);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual(view(project.segments));
  });
});
