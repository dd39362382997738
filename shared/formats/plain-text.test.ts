import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createProject, type SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { assFormat } from './ass';
import { bccFormat } from './bcc';
import { csvFormat, tsvFormat } from './delimited';
import type { SerializeOptions, SubtitleFormat } from './format';
import { lrcFormat } from './lrc';
import { txtFormat } from './plain-text';
import { forRandomInputs, HAN, type Random, randomText, WORDS } from './testing/random';
import { write as serialize } from './testing/roundtrip';
import { ASS, BCC, CSV, LRC, PLAIN, SRT, TSV, VTT, WHISPER } from './testing/samples';
import { whisperFormat } from './whisper';

// A copy of the project's seed transcript (shared/seed/000_1ea3b107f37ab521.txt), byte for byte.
const SEED = readFileSync(new URL('./fixtures/seed-transcript.txt', import.meta.url), 'utf8');
const SEED_TITLE = '2024北京智源大会-开幕式及全体大会 - P1：智源进展报告：王仲远 - 智源社区 - BV1uH4y1w77V';

const view = (segments: readonly SegmentInit[]) => segments.map(({ source, translation }) => ({ source, translation }));
const sources = (text: string) => txtFormat.parse(text).segments.map((s) => s.source);

const write = (project: Project, options: Partial<SerializeOptions> = {}) =>
  serialize(txtFormat, project, { layout: 'source', lineEnding: 'lf', ...options });

describe('Plain text sniff', () => {
  it('gives plain text a low but non-zero score', () => {
    for (const own of [
      SEED,
      PLAIN,
      `\uFEFF${SEED.replace(/\n/g, '\r\n')}`,
      'Hello\nWorld\n',
      '[音乐] 大家好\n欢迎\n',
    ]) {
      const score = txtFormat.sniff(own);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThanOrEqual(0.2);
    }
  });

  it('scores timed formats and JSON near zero', () => {
    for (const other of [SRT, VTT, ASS, BCC, WHISPER, LRC, '', '  \n', '\u0000\u0001binary']) {
      expect(txtFormat.sniff(other)).toBeLessThanOrEqual(0.05);
    }
  });

  it('loses to every format that recognises its input, and wins only when none does', () => {
    const formats: SubtitleFormat[] = [txtFormat, whisperFormat, tsvFormat, csvFormat, bccFormat, assFormat, lrcFormat];
    const best = (text: string) =>
      formats.map((f) => [f.id, f.sniff(text)] as const).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
    const cases: [string, string][] = [
      [SEED, 'txt'],
      [PLAIN, 'txt'],
      [ASS, 'ass'],
      [BCC, 'bcc'],
      [WHISPER, 'whisper'],
      [LRC, 'lrc'],
      [TSV, 'tsv'],
      [CSV, 'csv'],
    ];
    for (const [text, id] of cases) expect(best(text)).toBe(id);
  });
});

describe('Plain text parse: the seed transcript', () => {
  const doc = txtFormat.parse(SEED);
  // Independently: every paragraph after the title is one more phrase than its commas.
  const body = SEED.slice(SEED.indexOf('\n\n') + 2);
  const paragraphs = body.split('\n').filter((l) => l.trim() !== '');
  const phraseCount = paragraphs.length + (body.match(/，/g)?.length ?? 0);

  it('reads the title line without its "#"', () => {
    expect(doc.title).toBe(SEED_TITLE);
    expect(doc.issues).toEqual([]);
  });

  it('makes one untimed segment per ，-separated phrase, flagged needs-timing', () => {
    expect(doc.segments.slice(0, 6).map((s) => s.source)).toEqual([
      '尊敬的各位领导',
      '各位来宾',
      '各位专家',
      '各位朋友',
      '大家上午好',
      '再次欢迎大家来参加今天的志愿大会',
    ]);
    expect([paragraphs.length, phraseCount]).toEqual([137, 907]);
    expect(doc.segments).toHaveLength(phraseCount);
    for (const s of doc.segments) {
      expect(s).toEqual({
        start: null,
        end: null,
        source: expect.any(String),
        translation: '',
        flags: ['needs-timing'],
      });
      expect(s.source).not.toBe('');
      expect(s.source).not.toContain('，');
    }
  });

  it('keeps a paragraph-final 。 on its last phrase, and 。 inside numbers like 悟道1。0', () => {
    expect(doc.segments[8]?.source).toBe('在志愿大会上继续向大家报告。');
    expect(doc.segments.map((s) => s.source)).toContain('我们发布了悟道1。0');
    expect(doc.segments.filter((s) => s.source?.endsWith('。'))).toHaveLength(paragraphs.length);
    expect(doc.segments.at(-1)?.source).toBe('我的报告就到这。');
  });

  it('comes back byte for byte when written as paragraphs', () => {
    const project = createProject({ title: doc.title ?? '', segments: doc.segments });
    const { text, issues } = write(project, { textStyle: 'paragraphs' });
    expect(issues).toEqual([]);
    expect(text).toBe(SEED);
    expect(write(project, { textStyle: 'paragraphs', lineEnding: 'crlf' }).text).toBe(SEED.replace(/\n/g, '\r\n'));
  });

  it('reads the same with CRLF, lone CR and a BOM', () => {
    for (const variant of [`\uFEFF${SEED.replace(/\n/g, '\r\n')}`, SEED.replace(/\n/g, '\r')]) {
      const again = txtFormat.parse(variant);
      expect(again.title).toBe(SEED_TITLE);
      expect(again.segments).toEqual(doc.segments);
    }
  });

  it('reads back its own one-phrase-per-line export', () => {
    const project = createProject({ title: doc.title ?? '', segments: doc.segments });
    const again = txtFormat.parse(write(project, { textStyle: 'lines' }).text);
    expect(again.title).toBe(SEED_TITLE);
    expect(again.segments).toEqual(doc.segments);
  });
});

describe('Plain text parse: paragraphs', () => {
  it('splits on ， only, keeping 、；：, ASCII commas and Latin words inside phrases', () => {
    const text = 'scaling law, and more是被反复讨论的；一个名词，它的含义：就是说、随着模型的参数，以及训练数据量。\n';
    expect(sources(text)).toEqual([
      'scaling law, and more是被反复讨论的；一个名词',
      '它的含义：就是说、随着模型的参数',
      '以及训练数据量。',
    ]);
  });

  it('finds a title without a "#" when it is followed by a blank line and does not read as a sentence', () => {
    const doc = txtFormat.parse('智源大会 开幕式\n\n尊敬的各位领导，各位来宾。\n\n大家上午好，欢迎。\n');
    expect(doc.title).toBe('智源大会 开幕式');
    expect(doc.segments.map((s) => s.source)).toEqual(['尊敬的各位领导', '各位来宾。', '大家上午好', '欢迎。']);
    expect(txtFormat.parse('大家好。\n\n尊敬的各位领导，各位来宾。\n').title).toBeUndefined();
    expect(
      txtFormat.parse('大家好\n尊敬的各位领导，各位来宾，各位专家，各位朋友，大家上午好，再次欢迎大家。\n').title,
    ).toBeUndefined();
  });

  it('drops empty phrases and reads one-paragraph-per-line transcripts without blank lines', () => {
    const text =
      '尊敬的各位领导，，各位来宾，各位专家，各位朋友，大家上午好，\n再次欢迎大家来参加今天的智源大会，我是王仲远，非常荣幸能够在这里报告。\n';
    expect(sources(text)).toEqual([
      '尊敬的各位领导',
      '各位来宾',
      '各位专家',
      '各位朋友',
      '大家上午好',
      '再次欢迎大家来参加今天的智源大会',
      '我是王仲远',
      '非常荣幸能够在这里报告。',
    ]);
  });
});

describe('Plain text parse: one segment per line', () => {
  it('reads short lines as they are, ignoring blank lines', () => {
    expect(sources(PLAIN)).toEqual(['大家好，欢迎来到智源大会。', '今天我们讨论规模定律。']);
    expect(sources('第一行\n\n\n第二行\n第三行\n')).toEqual(['第一行', '第二行', '第三行']);
    const doc = txtFormat.parse('第一行\r\n第二行');
    expect(doc.segments.every((s) => s.start === null && s.flags?.includes('needs-timing'))).toBe(true);
  });

  it('strips consistent numbering', () => {
    expect(sources('1. 大家好\n2. 欢迎来到智源大会\n3. 3.5亿参数\n')).toEqual([
      '大家好',
      '欢迎来到智源大会',
      '3.5亿参数',
    ]);
    expect(sources('1\t大家好\n2\t欢迎\n10\t再见\n')).toEqual(['大家好', '欢迎', '再见']);
    expect(sources('1、大家好\n2、欢迎\n')).toEqual(['大家好', '欢迎']);
    // Not numbering: years, decreasing numbers, a minority of lines.
    expect(sources('2024 年大会\n2023 年回顾\n')).toEqual(['2024 年大会', '2023 年回顾']);
    expect(sources('1. 大家好\n欢迎\n今天\n再见\n')).toEqual(['1. 大家好', '欢迎', '今天', '再见']);
  });

  it('pairs a Chinese line and the English line after it when the file alternates', () => {
    const text =
      '大家好\nHello everyone\n欢迎来到智源大会\nWelcome to the BAAI Conference\n还没有翻译\n今天讨论规模定律\nToday: scaling laws\n';
    expect(view(txtFormat.parse(text).segments)).toEqual([
      { source: '大家好', translation: 'Hello everyone' },
      { source: '欢迎来到智源大会', translation: 'Welcome to the BAAI Conference' },
      { source: '还没有翻译', translation: '' },
      { source: '今天讨论规模定律', translation: 'Today: scaling laws' },
    ]);
    const reversed = 'Hello everyone\n大家好\nWelcome\n欢迎\n';
    expect(view(txtFormat.parse(reversed).segments)).toEqual([
      { source: '大家好', translation: 'Hello everyone' },
      { source: '欢迎', translation: 'Welcome' },
    ]);
  });

  it('does not pair a stray English line, nor lines split by a blank line', () => {
    expect(sources('大家好\n欢迎\nOK\n今天\n讨论\n规模定律\n')).toEqual([
      '大家好',
      '欢迎',
      'OK',
      '今天',
      '讨论',
      '规模定律',
    ]);
    expect(sources('大家好\n\nHello\n欢迎\n\nWelcome\n')).toEqual(['大家好', 'Hello', '欢迎', 'Welcome']);
    expect(sources('Hello\nWorld\n你好\n')).toEqual(['Hello', 'World', '你好']);
  });

  it('takes a "#" heading as the title anywhere, other first lines only with video-title marks', () => {
    expect(txtFormat.parse('# 标题\n大家好\n欢迎\n').title).toBe('标题');
    expect(txtFormat.parse('#话题 大家好\n欢迎\n').title).toBeUndefined();
    const bv = txtFormat.parse('智源大会 BV1uH4y1w77V\n\n大家好\n欢迎\n');
    expect([bv.title, bv.segments.length]).toEqual(['智源大会 BV1uH4y1w77V', 2]);
    const plain = txtFormat.parse('大家好\n\n今天我们讨论\n规模定律\n');
    expect([plain.title, plain.segments.length]).toEqual([undefined, 3]);
  });

  it('never throws on empty input or garbage', () => {
    for (const input of ['', '\uFEFF', '\r\n\r\n', '  \t  ']) {
      expect(txtFormat.parse(input)).toEqual({
        segments: [],
        issues: [expect.objectContaining({ severity: 'error', line: null, code: 'file-empty' })],
      });
    }
    const binary = txtFormat.parse('\u0000\u0001\u0002binary\u0007');
    expect(binary.segments.map((s) => s.source)).toEqual(['binary']);
    expect(binary.issues).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/control characters/) }),
    ]);
    for (const input of ['{"not": "captions"}', '<html></html>', SRT, '，，，', '#', '# ']) {
      expect(Array.isArray(txtFormat.parse(input).issues)).toBe(true);
    }
  });
});

describe('Plain text serialize', () => {
  it('starts a new paragraph after sentence punctuation or 20 phrases', () => {
    const phrases = Array.from({ length: 25 }, (_, i) => `短语${i + 1}`);
    phrases[2] = '第三句。';
    phrases[4] = '他说：“好！”';
    const project = createProject({ segments: phrases.map((source) => ({ source })) });
    const { text } = write(project, { textStyle: 'paragraphs' });
    expect(text).toBe(
      [
        '短语1，短语2，第三句。',
        '短语4，他说：“好！”',
        Array.from({ length: 20 }, (_, i) => `短语${i + 6}`).join('，'),
        '',
      ].join('\n\n'),
    );
    expect(txtFormat.parse(text).segments.map((s) => s.source)).toEqual(phrases);
  });

  it('lets the layout choose the text, and warns about what will not read back', () => {
    const project = createProject({
      title: '  智源大会\n开幕式 ',
      segments: [
        { source: '大家好', translation: 'Hello everyone' },
        { source: '欢迎，各位', translation: '' },
        { source: '', translation: 'Only English' },
        { source: '第一行\n第二行', translation: 'Two lines' },
      ],
    });
    const paragraphs = write(project, { layout: 'bilingual', textStyle: 'paragraphs' });
    expect(paragraphs.text).toBe(
      '# 智源大会 开幕式\n\n大家好 Hello everyone，欢迎，各位，Only English，第一行 第二行 Two lines\n\n',
    );
    expect(paragraphs.issues.map((i) => i.message)).toEqual([expect.stringMatching(/contains "，".*#2$/)]);
    const lines = write(project, { layout: 'source' });
    expect(lines.text).toBe('# 智源大会 开幕式\n\n大家好\n欢迎，各位\n第一行\n第二行\n');
    expect(lines.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/no text for this layout.*#3/),
      expect.stringMatching(/line breaks.*#4/),
    ]);
    expect(write(project, { layout: 'translation', lineEnding: 'crlf' }).text).toBe(
      '# 智源大会 开幕式\r\n\r\nHello everyone\r\nOnly English\r\nTwo lines\r\n',
    );
    expect(write(createProject(), { textStyle: 'paragraphs' }).text).toBe('');
  });

  it('round-trips a bilingual document with some untranslated segments, as lines (the default)', () => {
    const project = createProject({
      title: 'Conformance',
      segments: Array.from({ length: 12 }, (_, i) => ({
        source: `第${i + 1}句：智源大会，具身智能😀`,
        translation: i % 3 === 2 ? '' : `Sentence ${i + 1}: the BAAI Conference`,
      })),
    });
    for (const lineEnding of ['lf', 'crlf'] as const) {
      const { text, issues } = write(project, { layout: 'bilingual', lineEnding });
      expect(issues).toEqual([]);
      const doc = txtFormat.parse(`\uFEFF${text}`);
      expect(doc.title).toBe('Conformance');
      expect(view(doc.segments)).toEqual(view(project.segments));
    }
  });

  it('handles 10,000 segments', () => {
    const project = createProject({
      segments: Array.from({ length: 10_000 }, (_, i) => ({
        source: `第${i + 1}句：智源大会，具身智能😀`,
        translation: i % 3 === 2 ? '' : `Sentence ${i + 1}: the BAAI Conference`,
      })),
    });
    const doc = txtFormat.parse(write(project, { layout: 'bilingual' }).text);
    expect(view(doc.segments)).toEqual(view(project.segments));
  });
});

// ---- round trip ----------------------------------------------------------------------------------

const TEXT = {
  han: HAN,
  extras: ['😀', '🇨🇳', '、', '；', '：', '。', '！', '"', ' ', 'AI', '…', '2024', ', '],
  words: [...WORDS, '"quoted"', '1.5', '#1'],
  hanShare: 0.75,
  longHan: 150,
  longLatin: 40,
};

function randomProject(r: Random, translated: number): Project {
  const { int, hanLine, latinLine } = randomText(r, TEXT);
  return createProject({
    title: r() < 0.3 ? `2024北京智源大会 - P${int(9)} - BV1uH4y1w77V` : '',
    segments: Array.from({ length: 1 + int(30) }, () => ({
      source: hanLine(),
      translation: r() < translated ? latinLine() : '',
    })),
  });
}

describe('Plain text round trip', () => {
  const check = (seed: number, translated: number, pickOptions: (r: Random) => Partial<SerializeOptions>) => {
    forRandomInputs(
      seed,
      200,
      (r) => randomProject(r, translated),
      (project, r) => {
        const options = pickOptions(r);
        const { text, issues } = write(project, { lineEnding: r() < 0.5 ? 'lf' : 'crlf', ...options });
        expect(issues).toEqual([]);
        const doc = txtFormat.parse(r() < 0.2 ? `\uFEFF${text}` : text);
        expect(doc.issues).toEqual([]);
        expect(doc.title ?? '').toBe(project.title);
        const keep =
          options.layout === 'source' ? (s: SegmentInit) => ({ ...s, translation: '' }) : (s: SegmentInit) => s;
        expect(view(doc.segments)).toEqual(view(project.segments.map(keep)));
        expect(doc.segments.every((s) => s.start === null && s.end === null)).toBe(true);
      },
    );
  };

  it('lines, source layout: 200 random projects', () => {
    check(31_415, 0.5, () => ({ layout: 'source', textStyle: 'lines' }));
  });

  it('lines, bilingual layouts with every segment translated: 200 random projects', () => {
    check(27_182, 1, (r) => ({
      layout: r() < 0.5 ? 'bilingual' : 'bilingual-translation-first',
      textStyle: 'lines',
    }));
  });

  it('paragraphs, source layout: 200 random projects', () => {
    check(16_180, 0, () => ({ layout: 'source', textStyle: 'paragraphs' }));
  });
});
