import { msg } from '../ipc/messages';
import type { SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { hasHan, isLatinLine, splitBilingual } from '../text/script';
import {
  applyLineEnding,
  type FormatIssue,
  layoutText,
  type ParsedDocument,
  type SerializeOptions,
  type SerializeResult,
  type SubtitleFormat,
  sniffHead,
  splitLines,
} from './format';
import { error, noTextLeftOut, segmentList, warning } from './issues';
import { safeParse, safeSniff } from './safe';
import { formatInfo } from './table';

/**
 * Plain-text transcripts without times. Every segment is untimed (start/end null) and flagged
 * 'needs-timing'. Two shapes:
 *
 * (a) Paragraphs, as speech-to-text services and the project's seed transcripts write them: a title
 *     line, a blank line, then paragraphs separated by blank lines whose phrases are joined by the
 *     Chinese comma `，`. Every phrase becomes a segment; a paragraph's final `。` stays on its last
 *     phrase. Phrases are split on `，` only: `、`, `；`, `：`, the ASCII `,` (as in "scaling law, and")
 *     and a mid-phrase `。` (the seed's "悟道1。0") stay inside. Empty phrases (`，，`) are dropped.
 *     A line break inside a paragraph also ends a phrase.
 * (b) One segment per line: subtitle lists, numbered lines (`1. text`, `1、text`, `1) text`,
 *     `1<TAB>text`; the numbering is stripped when at least 80% of the lines carry it and the numbers
 *     increase), and bilingual pairs: a Chinese line directly followed by an English line is one
 *     segment (split with `splitBilingual`), as is an English line directly followed by a Chinese line
 *     in translation-first files. Pairing is used only when the file consistently alternates: no
 *     English line without its Chinese partner, and at least half of the Chinese lines paired
 *     (so untranslated lines may stay single; a Chinese transcript with a stray English line does
 *     not pair). Blank lines are ignored.
 * The file is read as paragraphs when its non-empty lines are all separated by blank lines and
 * contain a `，`, or when they average two or more `，` and 30 or more characters (one paragraph per
 * line, no blank lines); otherwise line by line. So our own 'paragraphs' export always reads back as
 * paragraphs, and short comma-bearing subtitle lines stay whole.
 *
 * Title line: the first non-empty line is the title when it is a Markdown heading (`# title`, as in
 * the seed; the `#`s are dropped), or when it is followed by a blank line, contains no `，`, does not
 * end in sentence punctuation (。！？.!?，,；;：:…) and either the body is in paragraphs or the line
 * has the marks of a video title (` - ` or ` | ` separators, a BV id, 《…》 or 【…】).
 *
 * Writing (`textStyle`, default 'lines'): `# title` and a blank line when the project has a title, then
 * - 'paragraphs': the seed's style: each segment's text (the layout decides which; line breaks
 *   inside a segment become spaces) is a phrase, phrases are joined by `，`, and each paragraph is
 *   followed by a blank line. Nothing is stored about paragraphs: a new paragraph starts after a
 *   segment whose text ends in sentence punctuation (。！？!?.…, optionally followed by a closing
 *   quote or bracket), or after 20 phrases. A seed transcript therefore comes back byte for byte.
 *   A text that itself contains `，` will read back as several segments (warning).
 * - 'lines': one segment per line; a bilingual layout writes the segment's two texts on two
 *   adjacent lines (read back as pairs, see above).
 * Segments with no text for the layout are left out (warning).
 */

const MAX_PHRASES_PER_PARAGRAPH = 20;
const COMMA = '，';
const SENTENCE_END = /[。！？!?.…]["'”’」』）)]*$/;
const TITLE_MARKS = /\s[-–—|｜]\s|BV[0-9A-Za-z]{10}|《[^》]+》|【[^】]+】/;
const NUMBERING = /^(\d{1,6})(?:\.(?!\d)|[、)）]|\t| )[ \t]*(?=\S)/;
// C0 controls other than tab, CR and LF, and DEL: binary junk in a text file.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

interface Line {
  /** 1-based line number in the file. */
  n: number;
  text: string;
}

type Shape = 'paragraphs' | 'lines';

function detectShape(lines: readonly Line[]): Shape {
  if (lines.length === 0) return 'lines';
  const commas = lines.reduce((sum, l) => sum + (l.text.split(COMMA).length - 1), 0);
  const averageLength = lines.reduce((sum, l) => sum + l.text.length, 0) / lines.length;
  if (commas / lines.length >= 2 && averageLength >= 30) return 'paragraphs';
  const adjacent = lines.some((l, k) => k > 0 && (lines[k - 1] as Line).n === l.n - 1);
  return !adjacent && commas > 0 ? 'paragraphs' : 'lines';
}

function looksLikeTitle(line: string, shape: Shape): boolean {
  if (line.includes(COMMA) || SENTENCE_END.test(line) || /[，,；;：:]$/.test(line) || line.length > 200) return false;
  return shape === 'paragraphs' || TITLE_MARKS.test(line);
}

/** Strip `1. ` / `1、` / `1)` / `1<TAB>` numbering when most lines carry it, in increasing order. */
function stripNumbering(lines: Line[]): Line[] {
  const matches = lines.map((l) => NUMBERING.exec(l.text));
  const numbered = matches.filter((m) => m !== null);
  if (numbered.length < 2 || numbered.length < 0.8 * lines.length) return lines;
  const numbers = numbered.map((m) => Number(m[1]));
  if (numbers.some((v, k) => k > 0 && v <= (numbers[k - 1] as number))) return lines;
  return lines
    .map((l, k) => {
      const m = matches[k];
      return m ? { n: l.n, text: l.text.slice(m[0].length).trim() } : l;
    })
    .filter((l) => l.text !== '');
}

type Group = readonly [Line] | readonly [Line, Line];

/**
 * Bilingual pairs of adjacent lines: Chinese then English (`hanFirst`) or English then Chinese.
 * Null when an English line has no partner or too few Chinese lines are paired.
 */
function pairUp(lines: readonly Line[], hanFirst: boolean): Group[] | null {
  const kind = (l: Line) => (isLatinLine(l.text) ? 'latin' : hasHan(l.text) ? 'han' : 'other');
  const groups: Group[] = [];
  let pairs = 0;
  for (let k = 0; k < lines.length; ) {
    const a = lines[k] as Line;
    const b = lines[k + 1];
    const adjacent = b !== undefined && b.n === a.n + 1;
    const [first, second] = hanFirst ? ['han', 'latin'] : ['latin', 'han'];
    if (adjacent && kind(a) === first && kind(b) === second) {
      groups.push([a, b]);
      pairs++;
      k += 2;
      continue;
    }
    if (kind(a) === 'latin') return null;
    groups.push([a]);
    k++;
  }
  const han = lines.filter((l) => kind(l) === 'han').length;
  return pairs > 0 && pairs * 2 >= han ? groups : null;
}

function untimed(text: string): SegmentInit {
  return { start: null, end: null, ...splitBilingual(text), flags: ['needs-timing'] };
}

function parseText(input: string): ParsedDocument {
  const issues: FormatIssue[] = [];
  let controls = false;
  const all: Line[] = splitLines(input).map((raw, k) => {
    const clean = raw.replace(CONTROL, '');
    if (clean !== raw) controls = true;
    return { n: k + 1, text: clean.trim() };
  });
  if (controls) {
    issues.push(warning(null, msg('text-control-characters')));
  }
  const content = all.filter((l) => l.text !== '');
  const first = content[0];
  if (!first) {
    return { segments: [], issues: [...issues, error(null, msg('file-empty'))] };
  }

  let title: string | undefined;
  let body = content;
  const heading = /^#{1,6}\s+(.*)$/.exec(first.text);
  if (heading) {
    title = (heading[1] as string).trim();
    body = content.slice(1);
  } else {
    const rest = content.slice(1);
    const blankAfter = (all[first.n] as Line | undefined)?.text === '';
    if (blankAfter && rest.length > 0 && looksLikeTitle(first.text, detectShape(rest))) {
      title = first.text;
      body = rest;
    }
  }

  const shape = detectShape(body);
  const segments: SegmentInit[] = [];
  if (shape === 'paragraphs') {
    for (const line of body) {
      for (const phrase of line.text.split(COMMA)) {
        const text = phrase.trim();
        if (text) segments.push({ start: null, end: null, source: text, translation: '', flags: ['needs-timing'] });
      }
    }
  } else {
    const lines = stripNumbering(body);
    const groups = pairUp(lines, true) ?? pairUp(lines, false) ?? lines.map((l): Group => [l]);
    for (const group of groups) segments.push(untimed(group.map((l) => l.text).join('\n')));
  }
  return { segments, issues, ...(title ? { title } : {}) };
}

// ---- sniffing ------------------------------------------------------------------------------------

/**
 * Plain text is the fallback: a low score (0.15; 0.2 for a transcript with a title heading or
 * `，`-joined paragraphs) that any timed format's recognition beats, and almost nothing for text
 * that looks like SRT, VTT, ASS, LRC or JSON.
 */
function sniffText(text: string): number {
  const head = sniffHead(text);
  if (head.trim() === '') return 0;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: binary files are not text
  if (/[\u0000-\u0008\u000e-\u001a]/.test(head)) return 0;
  const start = head.trimStart();
  // JSON (an object, or an array of values), WebVTT, SRT/VTT cue timings.
  if (/^\{/.test(start) || /^\[\s*[[{"\d\]-]/.test(start) || /^WEBVTT/.test(start) || /-->/.test(head)) return 0.02;
  if (/^\[[a-z]{2,6}:/i.test(start)) return 0.05; // LRC ID tags
  if (/^\[(Script Info|V4\+? Styles|Events)\]/im.test(head) || /^Dialogue:/m.test(head)) return 0.02;
  const lines = head.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  const transcript = /^#\s/.test(start) || lines.some((l) => l.split(COMMA).length >= 4);
  return transcript ? 0.2 : 0.15;
}

// ---- writing -------------------------------------------------------------------------------------

function serializeText(project: Project, options: SerializeOptions): SerializeResult {
  const style = options.textStyle ?? 'lines';
  const issues: FormatIssue[] = [];
  const empty: number[] = [];
  const split: number[] = [];
  const texts: string[] = [];
  project.segments.forEach((seg, i) => {
    let text = layoutText(seg.source, seg.translation, options.layout);
    if (text === '') {
      empty.push(i + 1);
      return;
    }
    if (style === 'paragraphs') {
      text = text.replace(/\s*\n\s*/g, ' ');
      if (text.includes(COMMA)) split.push(i + 1);
    } else {
      const sides =
        options.layout === 'source'
          ? [seg.source]
          : options.layout === 'translation'
            ? [seg.translation]
            : [seg.source, seg.translation];
      if (sides.some((s) => s.trim().includes('\n'))) split.push(i + 1);
      text = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .join('\n');
    }
    texts.push(text);
  });
  if (empty.length) issues.push(noTextLeftOut(empty));
  if (split.length) {
    const code = style === 'paragraphs' ? 'export-comma-splits' : 'export-line-break-splits';
    issues.push(warning(null, msg(code, { count: split.length, segments: segmentList(split) })));
  }
  const title = project.title.replace(/\s+/g, ' ').trim();
  let out = title ? `# ${title}\n\n` : '';
  if (style === 'paragraphs') {
    let paragraph: string[] = [];
    for (const text of texts) {
      paragraph.push(text);
      if (SENTENCE_END.test(text) || paragraph.length >= MAX_PHRASES_PER_PARAGRAPH) {
        out += `${paragraph.join(COMMA)}\n\n`;
        paragraph = [];
      }
    }
    if (paragraph.length) out += `${paragraph.join(COMMA)}\n\n`;
  } else if (texts.length) {
    out += `${texts.join('\n')}\n`;
  }
  return { text: applyLineEnding(out, options.lineEnding), issues };
}

export const txtFormat: SubtitleFormat = {
  ...formatInfo('txt'),
  sniff: safeSniff(sniffText),
  parse: safeParse('plain text', parseText),
  serialize: serializeText,
};
