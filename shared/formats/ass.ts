import { type HostMessage, msg } from '../ipc/messages';
import type { SegmentInit } from '../model/project';
import type { Project, Segment } from '../model/types';
import { hasHan, isLatinLine, splitBilingual } from '../text/script';
import { parseTimestamp } from '../time/timestamp';
import {
  applyLineEnding,
  type FormatIssue,
  layoutText,
  type ParsedDocument,
  type ParseOptions,
  type SerializeOptions,
  type SerializeResult,
  type SubtitleFormat,
  sniffHead,
  splitLines,
} from './format';
import { capIssues, error, failed, segmentList, untimedLeftOut, warning } from './issues';
import { safeParse } from './safe';
import { formatInfo } from './table';

/**
 * Advanced SubStation Alpha (.ass) and SubStation Alpha (.ssa).
 *
 * Reading: `[Events]` columns are found by name from the section's `Format:` line (any order; Text
 * is the last column and keeps its commas). Without a Format line the standard v4+ (or v4 for
 * `[V4 Styles]` files) columns are assumed. `Comment:` events are ignored, drawings (`{\p1}`) are
 * skipped with a warning, `\N`/`\n` become line breaks, `\h` a space, and override blocks `{…}` are
 * removed unless `keepTags`.
 *
 * Bilingual fansub files come in three shapes, all read as one segment per cue:
 * (a) one event whose lines are Chinese then English (or the reverse): split with `splitBilingual`;
 * (c) the same with an inline style switch (`中文\N{\rEng}English`, `{\fs14}`): tags are removed
 *     before the split, so this is (a);
 * (b) one event per language with identical start and end: an event whose lines are all Latin-script
 *     is paired with a Chinese-only event of the same times — the nearest one in file order, the
 *     earlier one on a tie. Style names are not consulted (fansubs name them anything: 中文, Eng, EN,
 *     Default…). Unpaired events stay segments of their own. The pair sits at its first event's place.
 * The Name column becomes `speaker`; Layer and Style play no part in reading. Segments keep file order.
 *
 * Writing: a 1920×1080 v4+ script with styles `Default` (Chinese, Microsoft YaHei 64) and
 * `Translation` (44), events sorted by start, times rounded to centiseconds, untimed segments left
 * out. Bilingual layouts write one event `中文\N{\rTranslation}English` (translation first:
 * `{\rTranslation}English\N{\r}中文`) or, with `assBilingual: 'two-events'`, the source on layer 0
 * (Default) and the translation on layer 1 (Translation) with the same times; as renderers avoid
 * collisions only within a layer, the upper event's MarginV is raised by the lower one's line count.
 * ASS has no escapes, so `{`/`}` become `｛`/`｝` and a backslash before n/N/h becomes `＼` (with a
 * warning).
 */

const V4_PLUS_COLUMNS = ['Layer', 'Start', 'End', 'Style', 'Name', 'MarginL', 'MarginR', 'MarginV', 'Effect', 'Text'];
const V4_COLUMNS = ['Marked', 'Start', 'End', 'Style', 'Name', 'MarginL', 'MarginR', 'MarginV', 'Effect', 'Text'];

interface Columns {
  count: number;
  start: number;
  end: number;
  name: number;
}

function columnsOf(names: readonly string[]): Columns | null {
  const lower = names.map((n) => n.trim().toLowerCase());
  const at = (...keys: string[]) => lower.findIndex((n) => keys.includes(n));
  const cols = {
    count: names.length,
    start: at('start'),
    end: at('end'),
    name: at('name', 'actor'),
  };
  if (cols.start < 0 || cols.end < 0 || at('text') !== names.length - 1) return null;
  return cols;
}

const TIME = /^\d+:\d{1,2}:\d{1,2}(?:\.\d{1,3})?$/;

/** `H:MM:SS.cc` → ms; the fraction is decimal (`.5` = 500 ms, `.25` = 250 ms). Hours are required. */
function parseAssTime(text: string): number | null {
  const t = text.trim();
  return TIME.test(t) ? parseTimestamp(t) : null;
}

function formatAssTime(ms: number): string {
  const cs = Math.round(ms / 10);
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = Math.floor(cs / 100) % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${h}:${pad(m)}:${pad(s)}.${pad(cs % 100)}`;
}

interface TextLine {
  plain: string;
  tagged: string;
}

/** Event text as plain runs and `{…}` override blocks; an unclosed `{` is text. Linear in the length. */
function tokenize(raw: string): { text: string; block: boolean }[] {
  const parts: { text: string; block: boolean }[] = [];
  for (let i = 0; i < raw.length; ) {
    const open = raw.indexOf('{', i);
    const close = open < 0 ? -1 : raw.indexOf('}', open);
    if (close < 0) {
      parts.push({ text: raw.slice(i), block: false });
      break;
    }
    if (open > i) parts.push({ text: raw.slice(i, open), block: false });
    parts.push({ text: raw.slice(open, close + 1), block: true });
    i = close + 1;
  }
  return parts;
}

/** Event text → lines, each with tags removed (`plain`, used to classify) and kept (`tagged`). */
function decodeText(parts: readonly { text: string; block: boolean }[]): TextLine[] {
  const lines: TextLine[] = [{ plain: '', tagged: '' }];
  for (const { text: part, block } of parts) {
    if (block) {
      (lines[lines.length - 1] as TextLine).tagged += part;
      continue;
    }
    const pieces = part.replace(/\\h/g, ' ').split(/\\[Nn]/);
    pieces.forEach((piece, i) => {
      if (i > 0) lines.push({ plain: '', tagged: '' });
      const line = lines[lines.length - 1] as TextLine;
      line.plain += piece;
      line.tagged += piece;
    });
  }
  // Blank lines go; the tags of a tag-only line move to the next line with text.
  const kept: TextLine[] = [];
  let pending = '';
  for (const line of lines) {
    if (line.plain.trim() === '') {
      pending += line.tagged.trim();
      continue;
    }
    kept.push({ plain: line.plain.trim(), tagged: pending + line.tagged.trim() });
    pending = '';
  }
  const last = kept[kept.length - 1];
  if (last && pending) last.tagged += pending;
  return kept;
}

/** Source/translation of one event's lines, classified on the tag-free text. */
function bilingual(lines: readonly TextLine[], keepTags: boolean): { source: string; translation: string } {
  const pick = (l: TextLine) => (keepTags ? l.tagged : l.plain);
  const split = splitBilingual(lines.map((l) => l.plain).join('\n'));
  if (split.translation === '') return { source: lines.map(pick).join('\n'), translation: '' };
  return {
    source: lines
      .filter((l) => !isLatinLine(l.plain))
      .map(pick)
      .join('\n'),
    translation: lines
      .filter((l) => isLatinLine(l.plain))
      .map(pick)
      .join('\n'),
  };
}

interface AssEvent {
  start: number;
  end: number;
  speaker: string;
  source: string;
  translation: string;
  /** 'latin': every line Latin-script; 'han': Chinese with no Latin-only line; 'other'. */
  kind: 'latin' | 'han' | 'other';
}

function parseAss(text: string, options: ParseOptions): ParsedDocument {
  const issues: FormatIssue[] = [];
  const warn = (line: number, message: HostMessage) => issues.push(warning(line, message));
  const lines = splitLines(text);
  if (lines.every((l) => l.trim() === '')) return failed(msg('file-empty'));
  let section = '';
  let title: string | undefined;
  let ssa = false;
  let columns: Columns | null = null;
  const events: AssEvent[] = [];
  let sawScript = false;

  lines.forEach((raw, index) => {
    const n = index + 1;
    const line = raw.trim();
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = (header[1] as string).trim().toLowerCase();
      if (section === 'v4 styles') ssa = true;
      if (['script info', 'events', 'v4+ styles', 'v4 styles'].includes(section)) sawScript = true;
      return;
    }
    const colon = line.indexOf(':');
    if (colon < 0 || line.startsWith(';') || section === 'fonts' || section === 'graphics') return;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).replace(/^ /, '');
    if (section === 'script info' && key === 'title') {
      const t = value.trim();
      if (t && t !== 'Default Aegisub file') title = t;
      return;
    }
    if (section === 'events' && key === 'format') {
      columns = columnsOf(value.split(','));
      if (!columns) warn(n, msg('ass-format-line-incomplete'));
      return;
    }
    if (key !== 'dialogue') return;
    const cols = columns ?? (columnsOf(ssa ? V4_COLUMNS : V4_PLUS_COLUMNS) as Columns);
    const fields: string[] = [];
    let rest = value;
    for (let i = 0; i < cols.count - 1; i++) {
      const comma = rest.indexOf(',');
      if (comma < 0) {
        warn(n, msg('ass-dialogue-fields', { found: i + 1, expected: cols.count }));
        return;
      }
      fields.push(rest.slice(0, comma));
      rest = rest.slice(comma + 1);
    }
    const start = parseAssTime(fields[cols.start] ?? '');
    let end = parseAssTime(fields[cols.end] ?? '');
    if (start === null || end === null) {
      warn(
        n,
        start === null
          ? msg('ass-dialogue-bad-start', { value: fields[cols.start] ?? '' })
          : msg('ass-dialogue-bad-end', { value: fields[cols.end] ?? '' }),
      );
      return;
    }
    const parts = tokenize(rest);
    if (parts.some((p) => p.block && /\\p\s*0*[1-9]/.test(p.text))) {
      warn(n, msg('ass-drawing-skipped'));
      return;
    }
    if (end < start) {
      warn(n, msg('time-end-before-start'));
      end = start;
    }
    const decoded = decodeText(parts);
    const { source, translation } = bilingual(decoded, options.keepTags === true);
    const plain = decoded.map((l) => l.plain);
    const kind =
      translation !== '' || plain.length === 0
        ? 'other'
        : plain.every(isLatinLine)
          ? 'latin'
          : plain.some(hasHan) && !plain.some(isLatinLine)
            ? 'han'
            : 'other';
    const speaker = cols.name >= 0 ? (fields[cols.name] ?? '').trim() : '';
    events.push({ start, end, speaker, source, translation, kind });
  });

  const segments = pairEvents(events);
  if (segments.length === 0 && (!sawScript || issues.length > 0)) {
    issues.push(error(null, msg('ass-no-dialogue')));
  } else if (segments.length === 0) {
    issues.push(warning(null, msg('ass-no-events')));
  }
  return { segments, issues: capIssues(issues), ...(title !== undefined ? { title } : {}) };
}

/** Merge same-time Latin-only events into Chinese-only events (rule (b)); keep file order. */
function pairEvents(events: readonly AssEvent[]): SegmentInit[] {
  const mate = new Map<number, number>(); // both directions
  const byTime = new Map<string, number[]>();
  events.forEach((e, i) => {
    if (e.kind !== 'han') return;
    const key = `${e.start}|${e.end}`;
    const list = byTime.get(key);
    if (list) list.push(i);
    else byTime.set(key, [i]);
  });
  events.forEach((e, i) => {
    if (e.kind !== 'latin') return;
    let best = -1;
    for (const h of byTime.get(`${e.start}|${e.end}`) ?? []) {
      if (mate.has(h)) continue;
      if (best < 0 || Math.abs(h - i) < Math.abs(best - i)) best = h;
    }
    if (best < 0) return;
    mate.set(best, i);
    mate.set(i, best);
  });
  const segments: SegmentInit[] = [];
  events.forEach((e, i) => {
    const j = mate.get(i);
    if (j !== undefined && j < i) return; // already written with its partner
    const other = j === undefined ? undefined : (events[j] as AssEvent);
    const han = other && e.kind === 'latin' ? other : e;
    const latin = other ? (e.kind === 'latin' ? e : other) : undefined;
    const speaker = han.speaker || latin?.speaker || '';
    segments.push({
      start: e.start,
      end: e.end,
      source: han.source,
      translation: latin ? latin.source : han.translation,
      ...(speaker ? { speaker } : {}),
    });
  });
  return segments;
}

function sniffAss(text: string): number {
  const head = sniffHead(text);
  if (/^\s*\[Script Info\]/i.test(head)) return 1;
  const dialogue = /^Dialogue:\s*[^,\n]*,\s*\d+:\d{2}:\d{2}/im.test(head);
  if (/^\s*\[(V4\+? Styles|Events)\]/im.test(head)) return dialogue ? 0.9 : 0.7;
  return dialogue ? 0.6 : 0;
}

// Output styles: 1080p, Chinese on the main line, the English line smaller. Colours are &HAABBGGRR.
const STYLE_FORMAT =
  'Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, ' +
  'Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, MarginR, ' +
  'MarginV, Encoding';
const MARGIN_V = 40;
const STYLES = [
  `Style: Default,Microsoft YaHei,64,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,3,1,2,60,60,${MARGIN_V},1`,
  `Style: Translation,Arial,44,&H00FFFFFF,&H000000FF,&H00000000,&H80000000,0,0,0,0,100,100,0,0,1,2,1,2,60,60,${MARGIN_V},1`,
];
/** Approximate rendered line heights at PlayResY 1080, used to stack two-event cues. */
const LINE_HEIGHT = { Default: 80, Translation: 56 };

/** ASS has no escapes: braces would open override blocks and `\N`, `\n`, `\h` are commands. */
function assText(text: string): { text: string; changed: boolean } {
  let changed = false;
  const safe = text.replace(/[{}]|\\(?=[nNh])/g, (c) => {
    changed = true;
    return c === '{' ? '｛' : c === '}' ? '｝' : '＼';
  });
  return { text: safe.replace(/\r\n|\r|\n/g, '\\N'), changed };
}

function serializeAss(project: Project, options: SerializeOptions): SerializeResult {
  const issues: FormatIssue[] = [];
  const untimed: number[] = [];
  const escaped: number[] = [];
  const timed: { seg: Segment & { start: number; end: number }; n: number }[] = [];
  project.segments.forEach((seg, i) => {
    if (seg.start === null || seg.end === null) untimed.push(i + 1);
    else timed.push({ seg: seg as Segment & { start: number; end: number }, n: i + 1 });
  });
  timed.sort((a, b) => a.seg.start - b.seg.start);
  const twoEvents = options.assBilingual === 'two-events';
  const bilingualLayout = options.layout === 'bilingual' || options.layout === 'bilingual-translation-first';
  const translationFirst = options.layout === 'bilingual-translation-first';
  const events: string[] = [];
  for (const { seg, n } of timed) {
    const src = assText(layoutText(seg.source, '', 'source'));
    const tr = assText(layoutText('', seg.translation, 'translation'));
    const one = assText(layoutText(seg.source, seg.translation, options.layout));
    if (bilingualLayout ? src.changed || tr.changed : one.changed) escaped.push(n);
    const name = (seg.speaker ?? '').replace(/,/g, '，').replace(/\s+/g, ' ').trim();
    const times = `${formatAssTime(seg.start)},${formatAssTime(seg.end)}`;
    const event = (layer: number, style: string, marginV: number, text: string) =>
      `Dialogue: ${layer},${times},${style},${name},0,0,${marginV},,${text}`;
    if (!bilingualLayout || src.text === '' || tr.text === '') {
      events.push(event(0, 'Default', 0, one.text));
    } else if (twoEvents) {
      // Renderers avoid collisions only within a layer: raise the upper event by the lower one's height.
      const lines = (t: string) => t.split('\\N').length;
      const lift = (below: number, style: keyof typeof LINE_HEIGHT) => MARGIN_V + below * LINE_HEIGHT[style];
      events.push(event(0, 'Default', translationFirst ? 0 : lift(lines(tr.text), 'Translation'), src.text));
      events.push(event(1, 'Translation', translationFirst ? lift(lines(src.text), 'Default') : 0, tr.text));
    } else if (translationFirst) {
      events.push(event(0, 'Default', 0, `{\\rTranslation}${tr.text}\\N{\\r}${src.text}`));
    } else {
      events.push(event(0, 'Default', 0, `${src.text}\\N{\\rTranslation}${tr.text}`));
    }
  }
  if (untimed.length) issues.push(untimedLeftOut(untimed));
  if (escaped.length) {
    issues.push(warning(null, msg('ass-escaped', { segments: segmentList(escaped) })));
  }
  const title = project.title.replace(/\s+/g, ' ').trim();
  const out = [
    '[Script Info]',
    '; Written by Zimu',
    ...(title ? [`Title: ${title}`] : []),
    'ScriptType: v4.00+',
    'WrapStyle: 0',
    'ScaledBorderAndShadow: yes',
    'YCbCr Matrix: TV.709',
    'PlayResX: 1920',
    'PlayResY: 1080',
    '',
    '[V4+ Styles]',
    STYLE_FORMAT,
    ...STYLES,
    '',
    '[Events]',
    `Format: ${V4_PLUS_COLUMNS.join(', ')}`,
    ...events,
    '',
  ].join('\n');
  return { text: applyLineEnding(out, options.lineEnding), issues };
}

export const assFormat: SubtitleFormat = {
  ...formatInfo('ass'),
  sniff: (text) => sniffAss(text),
  parse: safeParse('ASS/SSA', parseAss),
  serialize: serializeAss,
};
