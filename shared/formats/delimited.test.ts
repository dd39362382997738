import { describe, expect, it } from 'vitest';
import { createProject, type SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { csvFormat, tsvFormat } from './delimited';
import type { SerializeOptions } from './format';
import { forRandomInputs, HAN, type Random, randomStart, randomTools, WORDS } from './testing/random';
import { view, write } from './testing/roundtrip';
import { BCC, LRC, PLAIN, SRT, VTT, WHISPER } from './testing/samples';

// Saved by Excel (Windows, zh-CN) as "CSV UTF-8": BOM, CRLF between rows, LF inside quoted cells,
// the time cells re-displayed by Excel as mm:ss.0 after editing.
const EXCEL_CSV =
  '\uFEFF序号,开始时间,结束时间,原文,译文\r\n' +
  '1,0:00:01.000,0:00:03.500,"大家好，欢迎来到智源大会","Hello everyone, welcome to the BAAI Conference"\r\n' +
  '2,00:03.5,00:06.2,今天我们讨论规模定律,Today we discuss scaling laws\r\n' +
  '3,0:00:06.200,0:00:09.000,"第一行\n第二行","He said ""scaling law"", and left"\r\n' +
  '4,,,还没有时间,Not timed yet\r\n' +
  ',,,,\r\n';

// Excel in a locale with a decimal comma (de-DE) separates with semicolons.
const EXCEL_SEMICOLON =
  'Start;End;Text;Translation\r\n' +
  '00:00:01,000;00:00:02,500;你好；世界;Hello world\r\n' +
  '3,5;4,25;"带;分号";"With ""quotes"""\r\n';

// Copied from a spreadsheet (Google Sheets / Numbers) and saved as .tsv: extra columns, seconds,
// literal \n escapes, a speaker column.
const SHEET_TSV = [
  'Start\tEnd\tSpeaker\tText\tTranslation\tDuration',
  '0.5\t2.25\t主持人\t尊敬的各位领导\\n各位来宾\tDistinguished leaders,\\nguests\t1.75',
  '2.25\t4\t主持人\t大家上午好\tGood morning\t1.75',
  '1:02:03.4\t1:02:05\t王仲远\t"引号"开头\t"Quoted" start\t',
  '\t\t\t待定\t\t',
  '',
].join('\n');

// ASS with a Format line, and an [Events] section alone: their header lines have commas too.
const ASS =
  '[Script Info]\nTitle: x\n\n[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n' +
  'Dialogue: 0,0:00:01.00,0:00:02.00,Default,,0,0,0,,你好\n';
const ASS_EVENTS = 'Format: Start, End, Name, Style, Text\nDialogue: 0:00:00.50,0:00:02.00,,Default,你好\n';

const brief = (doc: { issues: readonly { severity: string; line: number | null }[] }) =>
  doc.issues.map(({ severity, line }) => ({ severity, line }));

describe('TSV/CSV sniff', () => {
  it('scores own tables high', () => {
    expect(csvFormat.sniff(EXCEL_CSV)).toBeGreaterThanOrEqual(0.8);
    expect(csvFormat.sniff(EXCEL_SEMICOLON)).toBeGreaterThanOrEqual(0.8);
    expect(csvFormat.sniff('sep=;\nid;start;end;text\n')).toBeGreaterThanOrEqual(0.8);
    expect(csvFormat.sniff('"ID","Start Time","End Time","Source","English"\n')).toBeGreaterThanOrEqual(0.8);
    expect(tsvFormat.sniff(SHEET_TSV)).toBeGreaterThanOrEqual(0.8);
    expect(tsvFormat.sniff('\uFEFFid\tstart_ms\tend_ms\t字幕\r\n1\t0\t1\t好\r\n')).toBeGreaterThanOrEqual(0.8);
  });

  it('does not claim each other or other formats', () => {
    expect(tsvFormat.sniff(EXCEL_CSV)).toBeLessThanOrEqual(0.3);
    expect(csvFormat.sniff(SHEET_TSV)).toBeLessThanOrEqual(0.3);
    for (const other of [SRT, VTT, ASS, ASS_EVENTS, BCC, WHISPER, LRC, PLAIN, '', 'a,b,c\n1,2,3\n', 'x\ty\n']) {
      expect(csvFormat.sniff(other)).toBeLessThanOrEqual(0.3);
      expect(tsvFormat.sniff(other)).toBeLessThanOrEqual(0.3);
    }
  });
});

describe('CSV parse', () => {
  it('reads an Excel CSV: BOM, CRLF, Chinese headers, quotes, multi-line cells, mm:ss.0 times, untimed rows', () => {
    const doc = csvFormat.parse(EXCEL_CSV);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([
      {
        start: 1000,
        end: 3500,
        source: '大家好，欢迎来到智源大会',
        translation: 'Hello everyone, welcome to the BAAI Conference',
      },
      { start: 3500, end: 6200, source: '今天我们讨论规模定律', translation: 'Today we discuss scaling laws' },
      { start: 6200, end: 9000, source: '第一行\n第二行', translation: 'He said "scaling law", and left' },
      { start: null, end: null, source: '还没有时间', translation: 'Not timed yet' },
    ]);
    expect(doc.segments.map((s) => s.flags)).toEqual([[], [], [], ['needs-timing']]);
  });

  it('reads semicolon-separated CSV with SRT-style times and decimal-comma seconds', () => {
    const doc = csvFormat.parse(EXCEL_SEMICOLON);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([
      { start: 1000, end: 2500, source: '你好；世界', translation: 'Hello world' },
      { start: 3500, end: 4250, source: '带;分号', translation: 'With "quotes"' },
    ]);
  });

  it('honours an Excel sep= line, spaces around quoted cells, any column order and *_ms columns', () => {
    const text = 'sep=|\nTranslation|Text|End_ms|Start_ms\n "Hi" |  "你好"  |1500|250\n';
    const doc = csvFormat.parse(text);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([{ start: 250, end: 1500, source: '你好', translation: 'Hi' }]);
  });

  it('splits two-language text cells when there is no translation column, and reads speaker and note', () => {
    const doc = csvFormat.parse('start,end,text,speaker,备注\n1,2,"大家好\nHello everyone",主持人,开场\n');
    expect(doc.segments).toEqual([
      {
        start: 1000,
        end: 2000,
        source: '大家好',
        translation: 'Hello everyone',
        flags: [],
        speaker: '主持人',
        note: '开场',
      },
    ]);
  });

  it('reports bad rows with the right line numbers, also after a multi-line quoted cell', () => {
    const text = [
      'id,start,end,text,translation', // 1
      '1,0:00:01.000,0:00:02.000,"多行', // 2
      '文本",Multi', // 3
      '2,abc,0:00:03.000,坏时间,Bad time', // 4
      '3,0:00:04.000,,一个时间,One time', // 5
      '4,0:00:06.000,0:00:05.000,倒,Backwards', // 6
      '5,0:00:07.000,0:00:08.000,你好, 世界,Hello', // 7
      '6,0:00:09.000,0:00:10.000,"引号"后面,Junk after the quote', // 8
      '7,"0:00:11.000","0:00:12.000","第一行', // 9
      '第二行',
      '第三行",Three lines', // 11
      '8,0:00:13.000,99:99,坏结束,Bad end', // 12
      '9,0:00:14.000,0:00:15.000,"没有结束,Never closed', // 13
    ].join('\r\n');
    const doc = csvFormat.parse(text);
    expect(brief(doc)).toEqual([
      { severity: 'warning', line: 4 }, // bad start
      { severity: 'warning', line: 5 }, // one time only
      { severity: 'warning', line: 6 }, // end before start
      { severity: 'warning', line: 7 }, // extra cells
      { severity: 'warning', line: 8 }, // text after a closing quote
      { severity: 'warning', line: 12 }, // bad end
      { severity: 'warning', line: 13 }, // quote never closed
    ]);
    expect(doc.issues[0]).toMatchObject({ code: 'table-bad-start', params: { value: 'abc' } });
    expect(doc.issues[0]?.message).toBe(
      'the start time "abc" is not a time (h:mm:ss.mmm, mm:ss.mmm or seconds); the segment is kept untimed',
    );
    expect(doc.issues[3]?.message).toMatch(/6 cells but the header has 5.*not inside quotes/);
    expect(doc.issues[4]?.message).toMatch(/malformed.*read as written/);
    expect(view(doc.segments)).toEqual([
      { start: 1000, end: 2000, source: '多行\n文本', translation: 'Multi' },
      { start: null, end: null, source: '坏时间', translation: 'Bad time' },
      { start: null, end: null, source: '一个时间', translation: 'One time' },
      { start: 6000, end: 6000, source: '倒', translation: 'Backwards' },
      { start: 7000, end: 8000, source: '你好', translation: '世界' },
      { start: 9000, end: 10000, source: '"引号"后面', translation: 'Junk after the quote' },
      { start: 11000, end: 12000, source: '第一行\n第二行\n第三行', translation: 'Three lines' },
      { start: null, end: null, source: '坏结束', translation: 'Bad end' },
      { start: 14000, end: 15000, source: '"没有结束', translation: 'Never closed' },
    ]);
    expect(doc.segments.filter((s) => s.start === null).every((s) => s.flags?.includes('needs-timing'))).toBe(true);
  });

  it('refuses a file without a header row, with one error on its line, and never throws', () => {
    expect(csvFormat.parse('\n\n1,0:00:01.000,0:00:02.000,你好,Hello\n')).toEqual({
      segments: [],
      issues: [expect.objectContaining({ severity: 'error', line: 3, message: expect.stringMatching(/header row/) })],
    });
    for (const input of [
      '',
      '\uFEFF',
      '\r\n\r\n',
      '\u0000\u0001\u0002binary',
      '{"not": "captions"}',
      '<html></html>',
      '"',
    ]) {
      for (const format of [csvFormat, tsvFormat]) {
        const doc = format.parse(input);
        expect(doc.segments).toEqual([]);
        expect(doc.issues).toEqual([expect.objectContaining({ severity: 'error' })]);
      }
    }
  });

  it('reads a header-only file as an empty table and names unused columns', () => {
    expect(csvFormat.parse('text,confidence\n')).toEqual({
      segments: [],
      issues: [
        expect.objectContaining({
          severity: 'warning',
          line: 1,
          code: 'table-unused-columns',
          params: { columns: '"confidence"' },
        }),
      ],
    });
  });
});

describe('TSV parse', () => {
  it('reads a spreadsheet TSV: escapes, seconds, speakers, quoted cells, an untimed row', () => {
    const doc = tsvFormat.parse(SHEET_TSV);
    expect(brief(doc)).toEqual([{ severity: 'warning', line: 1 }]);
    expect(doc.issues[0]?.message).toBe('columns not used: "Duration"');
    expect(view(doc.segments)).toEqual([
      { start: 500, end: 2250, source: '尊敬的各位领导\n各位来宾', translation: 'Distinguished leaders,\nguests' },
      { start: 2250, end: 4000, source: '大家上午好', translation: 'Good morning' },
      { start: 3_723_400, end: 3_725_000, source: '"引号"开头', translation: '"Quoted" start' },
      { start: null, end: null, source: '待定', translation: '' },
    ]);
    expect(doc.segments[0]?.speaker).toBe('主持人');
  });

  it('decodes \\n, \\t and \\\\ and unquotes well-formed quoted cells (Excel copies), with CRLF and BOM', () => {
    const text = '\uFEFFtext\ttranslation\r\n路径 C:\\\\new\\tx\tline\\nbreak\r\n"多行\n单元格"\t"He said ""hi"""\r\n';
    const doc = tsvFormat.parse(text);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual([
      { start: null, end: null, source: '路径 C:\\new\tx', translation: 'line\nbreak' },
      { start: null, end: null, source: '多行\n单元格', translation: 'He said "hi"' },
    ]);
  });

  it('reports bad times with their lines and keeps the rows untimed', () => {
    const text = 'start\tend\ttext\n1\t2\t好\n1:2:3:4\t5\t坏\n\n-1\t2\t负\n1e3\t2\t指数\n99999999999999999999\t1\t大\n';
    const doc = tsvFormat.parse(text);
    expect(brief(doc)).toEqual([3, 5, 6, 7].map((line) => ({ severity: 'warning', line })));
    expect(view(doc.segments).map((s) => s.start)).toEqual([1000, null, null, null, null]);
  });
});

describe('TSV/CSV serialize', () => {
  const project = createProject({
    segments: [
      { start: 0, end: 2500, source: '大家好，欢迎', translation: 'Hello, "everyone"' },
      { start: null, end: null, source: '第一行\n第二行', translation: '' },
      { start: 360_000_000, end: 360_001_001, source: 'C:\\new\t"引号"', translation: 'semi;colon' },
    ],
  });

  it('writes TSV with a fixed header, segment ids, h:mm:ss.mmm times and escapes', () => {
    const { text, issues } = write(tsvFormat, project, { layout: 'source', lineEnding: 'lf' });
    expect(issues).toEqual([]);
    expect(text).toBe(
      [
        'id\tstart\tend\ttext\ttranslation',
        's1\t0:00:00.000\t0:00:02.500\t大家好，欢迎\tHello, "everyone"',
        's2\t\t\t第一行\\n第二行\t',
        's3\t100:00:00.000\t100:00:01.001\tC:\\\\new\\t"引号"\tsemi;colon',
        '',
      ].join('\n'),
    );
  });

  it('writes CSV with RFC 4180 quoting, LF inside cells and the chosen row ending', () => {
    const { text } = write(csvFormat, project, { layout: 'translation', lineEnding: 'crlf' });
    expect(text).toBe(
      [
        'id,start,end,text,translation',
        's1,0:00:00.000,0:00:02.500,大家好，欢迎,"Hello, ""everyone"""',
        's2,,,"第一行\n第二行",',
        's3,100:00:00.000,100:00:01.001,"C:\\new\t""引号""","semi;colon"',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes a TSV cell that starts with a quote so that it reads back', () => {
    const quoted = createProject({ segments: [{ start: 0, end: 1, source: '"你好"', translation: '"Hi" "there"' }] });
    const { text } = write(tsvFormat, quoted, { layout: 'bilingual', lineEnding: 'lf' });
    expect(text.split('\n')[1]).toBe('s1\t0:00:00.000\t0:00:00.001\t"""你好"""\t"""Hi"" ""there"""');
    expect(view(tsvFormat.parse(text).segments)).toEqual(view(quoted.segments));
  });
});

// ---- round trip ----------------------------------------------------------------------------------

const WORDS_CSV = [...WORDS, '"quoted"', 'a\\b', '\\n', 'x;y'];
const EXTRAS = ['😀', '🇨🇳', '，', '。', '"', '""', '\\', '\\t', ' ', ',', ';', '\t', 'AI', '…', '\r\n'];

function randomProject(r: Random): Project {
  const { int, pick } = randomTools(r);
  const han = [...HAN];
  const text = (alphabet: () => string, n: number) => {
    let s = '';
    for (let i = int(n); i >= 0; i--) s += alphabet();
    return s.trim();
  };
  const chinese = () => text(() => (r() < 0.75 ? pick(han) : pick(EXTRAS)), r() < 0.1 ? 200 : 16);
  const english = () => text(() => `${pick(WORDS_CSV)}${r() < 0.1 ? '\n' : ' '}`, r() < 0.1 ? 60 : 8);
  let t = randomStart(r);
  const segments: SegmentInit[] = Array.from({ length: int(12) }, () => {
    if (r() < 0.15) return { source: chinese(), translation: r() < 0.5 ? '' : english() };
    const start = t;
    const end = start + int(8000);
    t = end + (r() < 0.4 ? 0 : int(3000));
    return { start, end, source: r() < 0.05 ? '' : chinese(), translation: r() < 0.3 ? '' : english() };
  });
  return createProject({ segments });
}

describe.each([
  ['TSV', tsvFormat],
  ['CSV', csvFormat],
] as const)('%s round trip', (_name, format) => {
  it('parse(serialize(p)) keeps ms times (or none) and both texts for 200 random projects', () => {
    forRandomInputs(format.id === 'tsv' ? 7_654_321 : 1_234_567, 200, randomProject, (project, r) => {
      const options: SerializeOptions = {
        layout: r() < 0.5 ? 'bilingual' : 'source',
        lineEnding: r() < 0.5 ? 'lf' : 'crlf',
      };
      const { text, issues } = write(format, project, options);
      expect(issues).toEqual([]);
      const input = r() < 0.2 ? `\uFEFF${text}` : text;
      expect(format.sniff(input)).toBeGreaterThanOrEqual(0.8);
      const doc = format.parse(input);
      expect(doc.issues).toEqual([]);
      // Cells are trimmed and line breaks normalized to LF on import.
      const expected = project.segments
        .map((s) => ({
          start: s.start,
          end: s.end,
          source: s.source.replace(/\r\n/g, '\n').trim(),
          translation: s.translation.replace(/\r\n/g, '\n').trim(),
        }))
        .filter((s) => s.start !== null || s.source !== '' || s.translation !== '');
      expect(view(doc.segments)).toEqual(expected);
    });
  });

  it('round-trips 10,000 bilingual rows', () => {
    const project = createProject({
      segments: Array.from({ length: 10_000 }, (_, i) => ({
        start: i * 3000 + 10,
        end: i * 3000 + 2500,
        source: `第${i + 1}句：智源大会，具身智能😀`,
        translation: i % 3 === 2 ? '' : `Sentence ${i + 1}: the BAAI Conference`,
      })),
    });
    const crlf = write(format, project, { layout: 'bilingual', lineEnding: 'crlf' }).text;
    expect(crlf).toContain('\r\n');
    const doc = format.parse(`\uFEFF${crlf}`);
    expect(doc.issues).toEqual([]);
    expect(view(doc.segments)).toEqual(view(project.segments));
  });
});
