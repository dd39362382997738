import { type HostMessage, msg } from '../ipc/messages';
import type { SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { splitBilingual } from '../text/script';
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
  trimmedLines,
} from './format';
import { capIssues, failed, segmentList, untimedLeftOut, warning } from './issues';
import { safeParse } from './safe';
import { formatInfo } from './table';

/**
 * LRC lyrics: `[mm:ss.xx]text` lines (also `[mm:ss.xxx]`, `[mm:ss]` and `[mm:ss:xx]`; minutes may
 * exceed 59), several time tags on a line (a repeated lyric: one segment per tag) and ID tags
 * (`[ti:]` is the title; `[ar:]`, `[al:]`, `[by:]` are read and dropped, `[length:]` is used below).
 *
 * - `[offset:±ms]`: a POSITIVE offset makes the lyrics appear EARLIER (time = tag − offset, clamped
 *   at 0), the usual LRC convention. It applies to every tag in the file wherever it stands.
 * - Enhanced word times `<mm:ss.xx>` are removed unless `keepTags`.
 * - LRC has no end times: a segment ends where the next distinct time tag begins; a time tag with no
 *   text ends the previous segment without making one. The last segment ends at `[length:]` when that
 *   is later than its start, else 3 s after it starts (LAST_DURATION_MS).
 * - Lines with the same time are one segment: their texts, in file order, are joined and split into
 *   Chinese source and Latin-script translation with `splitBilingual` (the usual two-language LRC).
 * - Segments come out sorted by time.
 *
 * Writing: `[mm:ss.xx]line` for every line of the layout's text (a bilingual cue is two or more lines
 * with one tag), and an empty `[mm:ss.xx]` at a segment's end unless the next segment starts there,
 * so reading the file back restores the ends. Overlaps cannot be represented (a line ends where the
 * next begins) and are reported.
 */

const LAST_DURATION_MS = 3000;

const TIME_TAG = /^(\d+):(\d{1,2})(?:[.:](\d{1,3}))?$/;
const WORD_TIME = /<\d+:\d{1,2}(?:[.:]\d{1,3})?>/g;

/** `mm:ss`, `mm:ss.x`… `mm:ss.xxx`, `mm:ss:xx` → ms; the fraction is decimal. */
function parseLrcTime(text: string): number | null {
  const m = TIME_TAG.exec(text.trim());
  if (!m) return null;
  const seconds = Number(m[2]);
  if (seconds > 59) return null;
  const millis = m[3] ? Math.round(Number(`0.${m[3]}`) * 1000) : 0;
  return (Number(m[1]) * 60 + seconds) * 1000 + millis;
}

function formatLrcTime(ms: number): string {
  const cs = Math.round(ms / 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `[${pad(Math.floor(cs / 6000))}:${pad(Math.floor(cs / 100) % 60)}.${pad(cs % 100)}]`;
}

interface Entry {
  time: number;
  text: string;
}

function parseLrc(text: string, options: ParseOptions): ParsedDocument {
  const issues: FormatIssue[] = [];
  const warn = (line: number, message: HostMessage) => issues.push(warning(line, message));
  const lines = splitLines(text);
  if (lines.every((l) => l.trim() === '')) return failed(msg('file-empty'));
  let title: string | undefined;
  let offset = 0;
  let length: number | null = null;
  const entries: Entry[] = [];

  lines.forEach((raw, index) => {
    const n = index + 1;
    let rest = raw.trim();
    if (rest === '') return;
    const id = /^\[([A-Za-z#][\w#-]*)\s*:(.*)\]$/.exec(rest);
    if (id) {
      const key = (id[1] as string).toLowerCase();
      const value = (id[2] as string).trim();
      if (key === 'ti') title = value || undefined;
      else if (key === 'offset') {
        if (/^[+-]?\d+$/.test(value)) offset = Number(value);
        else warn(n, msg('lrc-bad-offset', { value }));
      } else if (key === 'length') {
        length = parseLrcTime(value) ?? (/^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value) * 1000) : null);
        if (length === null) warn(n, msg('lrc-bad-length', { value }));
      }
      return;
    }
    const times: number[] = [];
    for (let tag = /^\[([^\]]*)\]/.exec(rest); tag; tag = /^\[([^\]]*)\]/.exec(rest)) {
      const inner = tag[1] as string;
      const time = parseLrcTime(inner);
      if (time === null) {
        if (/^\s*\d+\s*:/.test(inner)) {
          warn(n, msg('lrc-bad-tag', { tag: inner }));
          return;
        }
        break; // text that starts with a bracket, e.g. [laughs]
      }
      times.push(time);
      rest = rest.slice(tag[0].length);
    }
    if (times.length === 0) {
      warn(n, msg('lrc-no-tag'));
      return;
    }
    let lyric = rest.trim();
    const plain = options.keepTags ? lyric : lyric.replace(WORD_TIME, '');
    if (plain !== lyric) lyric = plain.replace(/\s{2,}/g, ' ').trim();
    for (const time of times) entries.push({ time, text: lyric });
  });

  if (entries.length === 0) {
    return { ...failed(msg('lrc-no-lines')), ...(title !== undefined ? { title } : {}) };
  }
  for (const e of entries) e.time = Math.max(0, e.time - offset);
  entries.sort((a, b) => a.time - b.time); // stable: same-time lines keep file order
  const segments: SegmentInit[] = [];
  for (let k = 0; k < entries.length; ) {
    const time = (entries[k] as Entry).time;
    const texts: string[] = [];
    for (; k < entries.length && (entries[k] as Entry).time === time; k++) {
      const lyric = (entries[k] as Entry).text;
      if (lyric !== '') texts.push(lyric);
    }
    if (texts.length === 0) continue; // an end mark
    const next = entries[k]?.time;
    const end = next ?? (length !== null && length > time ? length : time + LAST_DURATION_MS);
    segments.push({ start: time, end, ...splitBilingual(texts.join('\n')) });
  }
  return { segments, issues: capIssues(issues), ...(title !== undefined ? { title } : {}) };
}

function sniffLrc(text: string): number {
  const lines = sniffHead(text)
    .split(/\r\n|\r|\n/)
    .slice(0, 60)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return 0;
  const timed = lines.filter((l) => /^\[\d+:\d{1,2}(?:[.:]\d{1,3})?\]/.test(l)).length;
  const ids = lines.filter((l) => /^\[(ti|ar|al|au|by|re|ve|length|offset|la|id|#)\s*:.*\]$/i.test(l)).length;
  if (timed === 0) return ids > 0 ? 0.4 : 0;
  const share = (timed + ids) / lines.length;
  return share >= 0.8 ? 0.95 : share >= 0.5 ? 0.7 : 0.3;
}

function serializeLrc(project: Project, options: SerializeOptions): SerializeResult {
  const issues: FormatIssue[] = [];
  const untimed: number[] = [];
  const skipped: number[] = [];
  const cues: { n: number; start: number; end: number; lines: string[] }[] = [];
  project.segments.forEach((seg, i) => {
    const n = i + 1;
    if (seg.start === null || seg.end === null) {
      untimed.push(n);
      return;
    }
    // Blank lines would read back as end marks; times are written in centiseconds.
    const lines = trimmedLines(layoutText(seg.source, seg.translation, options.layout));
    const start = Math.round(seg.start / 10);
    const end = Math.round(seg.end / 10);
    if (lines.length === 0 || end <= start) skipped.push(n);
    else cues.push({ n, start, end, lines });
  });
  cues.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  const title = project.title.replace(/\s+/g, ' ').trim();
  if (title) out.push(`[ti:${title}]`);
  out.push('[re:Zimu]');
  cues.forEach((cue, k) => {
    const tag = formatLrcTime(cue.start * 10);
    for (const line of cue.lines) out.push(`${tag}${line}`);
    const next = cues[k + 1];
    if (next && next.start === cue.start) {
      issues.push(warning(null, msg('lrc-same-start', { first: cue.n, second: next.n })));
    } else if (next && cue.end > next.start) {
      issues.push(warning(null, msg('lrc-overlap', { first: cue.n, second: next.n })));
    }
    if (!next || cue.end < next.start) out.push(formatLrcTime(cue.end * 10));
  });
  if (untimed.length) issues.push(untimedLeftOut(untimed));
  if (skipped.length) {
    issues.push(warning(null, msg('lrc-left-out', { count: skipped.length, segments: segmentList(skipped) })));
  }
  return { text: applyLineEnding(`${out.join('\n')}\n`, options.lineEnding), issues };
}

export const lrcFormat: SubtitleFormat = {
  ...formatInfo('lrc'),
  sniff: (text) => sniffLrc(text),
  parse: safeParse('LRC', parseLrc),
  serialize: serializeLrc,
};
