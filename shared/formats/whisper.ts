import { type HostMessage, msg } from '../ipc/messages';
import { childPath, isObject, JsonSyntaxError, jsonLines, lineFinder, parseLocatedJson } from '../json-locate';
import type { SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { splitBilingual } from '../text/script';
import { parseTimestamp } from '../time/timestamp';
import {
  applyLineEnding,
  type FormatIssue,
  layoutText,
  type ParsedDocument,
  type SerializeOptions,
  type SerializeResult,
  type SubtitleFormat,
  sniffHead,
  trimmedLines,
} from './format';
import { capIssues, error, failed, noTextLeftOut, untimedLeftOut, warning } from './issues';
import { safeParse, safeSniff } from './safe';
import { formatInfo } from './table';

/**
 * Whisper-style JSON transcripts, in the three shapes the usual tools write:
 *
 * - openai-whisper (`--output_format json`, also whisper-ctranslate2, WhisperX, stable-ts):
 *   `{"text": …, "segments": [{"id", "seek", "start", "end", "text", "tokens", "words", …}], "language"}`,
 *   times in seconds (floats), text with Whisper's leading space, often with `\uXXXX` escapes.
 * - faster-whisper dumps (`[s._asdict() for s in segments]`): a top-level array of the same objects.
 * - whisper.cpp (`-oj` / `-ojf`): `{"systeminfo", "model", "params", "result", "transcription":
 *   [{"timestamps": {"from": "00:00:01,000", "to": …}, "offsets": {"from": ms, "to": ms}, "text", "tokens"}]}`.
 *   `offsets` (integer ms) win; `timestamps` are read when `offsets` are missing.
 *
 * Seconds become integer ms (rounded). Text is trimmed line by line (empty lines dropped) and split
 * into Chinese source and Latin-script translation with `splitBilingual`, so our own bilingual
 * export reads back. Segments with no text (Whisper writes some for silence) are dropped silently.
 * A `speaker` string (WhisperX diarization) becomes the segment's speaker. Every other field
 * (tokens, words, avg_logprob, no_speech_prob, model, params…) is ignored.
 *
 * Problems carry their JSON path (`path: 'segments[3].end'`, message `expected a number; segment
 * skipped`, shown as `segments[3].end: expected a number…`) and the line it is on. A
 * segment with a bad time or text is skipped with a warning; a negative time is set to 0 and an end
 * before the start is set to the start (warnings). A file that is not JSON, or JSON without a
 * segment list, is one error. Segments keep file order.
 *
 * Writing produces the openai-whisper shape `{text, segments: [{id, start, end, text}], language}`
 * with seconds to exactly 3 decimals; the layout decides each segment's text (bilingual layouts give
 * two lines joined by `\n`). Untimed segments and segments with no text for the layout are left out
 * with a warning.
 */

// ---- reading -------------------------------------------------------------------------------------

type Kind = 'segments' | 'transcription';

class Skip {
  constructor(
    readonly key: string,
    readonly message: HostMessage,
  ) {}
}

function seconds(entry: Record<string, unknown>, key: 'start' | 'end'): number {
  const v = entry[key];
  if (typeof v !== 'number') throw new Skip(key, msg(v === undefined ? 'json-missing-number' : 'json-expected-number'));
  const ms = Math.round(v * 1000);
  if (!Number.isSafeInteger(ms)) throw new Skip(key, msg('time-out-of-range'));
  return ms;
}

/** whisper.cpp: `offsets.from` (ms) or else `timestamps.from` ("00:00:01,000"). */
function cppTime(entry: Record<string, unknown>, key: 'from' | 'to'): number {
  const offsets = entry.offsets;
  if (isObject(offsets)) {
    const v = offsets[key];
    if (typeof v !== 'number') throw new Skip(`offsets.${key}`, msg('json-expected-ms'));
    const ms = Math.round(v);
    if (!Number.isSafeInteger(ms)) throw new Skip(`offsets.${key}`, msg('time-out-of-range'));
    return ms;
  }
  const stamps = entry.timestamps;
  if (isObject(stamps)) {
    const v = stamps[key];
    const ms = typeof v === 'string' ? parseTimestamp(v) : null;
    if (ms === null) throw new Skip(`timestamps.${key}`, msg('json-expected-timestamp'));
    return ms;
  }
  throw new Skip('offsets', msg('whisper-missing-times'));
}

function readEntry(
  entry: unknown,
  kind: Kind,
  warn: (key: string | undefined, message: HostMessage) => void,
): SegmentInit | null {
  if (!isObject(entry)) throw new Skip('', msg('json-expected-object'));
  let start = kind === 'segments' ? seconds(entry, 'start') : cppTime(entry, 'from');
  let end = kind === 'segments' ? seconds(entry, 'end') : cppTime(entry, 'to');
  const rawText = entry.text;
  if (typeof rawText !== 'string') {
    throw new Skip('text', msg(rawText === undefined ? 'json-missing-string' : 'json-expected-string'));
  }
  const text = trimmedLines(rawText).join('\n');
  if (text === '') return null;
  const [startKey, endKey] = kind === 'segments' ? ['start', 'end'] : ['offsets.from', 'offsets.to'];
  if (start < 0) {
    warn(startKey, msg('time-negative'));
    start = 0;
  }
  if (end < start) {
    warn(endKey, msg('time-end-before-start'));
    end = start;
  }
  const speaker = typeof entry.speaker === 'string' ? entry.speaker.trim() : '';
  return { start, end, ...splitBilingual(text), ...(speaker ? { speaker } : {}) };
}

function parseWhisper(input: string): ParsedDocument {
  const text = input.replace(/^\uFEFF/, '');
  const lineAt = lineFinder(text);
  if (text.trim() === '') return failed(msg('file-empty'));
  // JSON.parse is fast; the locating parser runs only to explain a syntax error or place an issue.
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    try {
      root = parseLocatedJson(text).value;
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      const line = lineAt(e.offset);
      const column = e.offset - text.lastIndexOf('\n', e.offset - 1);
      return failed(msg('json-invalid-at', { reason: e.message, line, column }), line);
    }
  }
  const { lineOf } = jsonLines(text);

  let list: unknown[];
  let kind: Kind;
  let base: string;
  if (Array.isArray(root)) {
    [list, kind, base] = [root, 'segments', ''];
  } else if (isObject(root) && Array.isArray(root.segments)) {
    [list, kind, base] = [root.segments, 'segments', 'segments'];
  } else if (isObject(root) && Array.isArray(root.transcription)) {
    [list, kind, base] = [root.transcription, 'transcription', 'transcription'];
  } else if (isObject(root) && (root.segments !== undefined || root.transcription !== undefined)) {
    const key = root.segments !== undefined ? 'segments' : 'transcription';
    return failed(msg('whisper-not-array'), lineOf(key), key);
  } else {
    return failed(msg('whisper-not-transcript'), 1);
  }

  const issues: FormatIssue[] = [];
  const segments: SegmentInit[] = [];
  list.forEach((entry, index) => {
    const at = childPath(base, index);
    const warn = (key: string | undefined, message: HostMessage) => {
      const path = key ? `${at}.${key}` : at;
      const line = lineOf(path) ?? lineOf(at);
      issues.push(warning(line, message, path));
    };
    try {
      const segment = readEntry(entry, kind, warn);
      if (segment) segments.push(segment);
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      warn(e.key || undefined, msg('json-segment-skipped', { problem: e.message }));
    }
  });
  if (segments.length === 0 && issues.length > 0) {
    issues.unshift(error(lineOf(base), msg('whisper-no-segments'), base));
  }
  return { segments, issues: capIssues(issues) };
}

// ---- sniffing ------------------------------------------------------------------------------------

function sniffWhisper(text: string): number {
  const head = sniffHead(text);
  if (/^\s*\[/.test(head)) {
    // faster-whisper dump: a top-level array of segment objects.
    const cue = /^\s*\[\s*\{/.test(head) && /"start"\s*:\s*-?\d/.test(head) && /"end"\s*:\s*-?\d/.test(head);
    return cue && /"text"\s*:\s*"/.test(head) ? 0.85 : 0;
  }
  if (!/^\s*\{/.test(head)) return 0;
  if (/"body"\s*:\s*\[/.test(head)) return 0.05; // Bilibili BCC
  if (/"transcription"\s*:\s*\[/.test(head)) {
    return /"(offsets|timestamps)"\s*:\s*\{/.test(head) ? 0.95 : 0.6;
  }
  let part = head;
  if (!/"segments"\s*:/.test(head)) {
    // openai-whisper writes the whole transcript as "text" first: look past it.
    if (!/^\s*\{\s*"text"\s*:/.test(head)) return 0.02;
    const at = text.search(/"segments"\s*:\s*\[/);
    if (at < 0) return 0.1;
    part = text.slice(at, at + 4000);
  }
  if (!/"segments"\s*:\s*\[/.test(part)) return 0.1;
  const cue = /"start"\s*:\s*-?\d/.test(part) && /"end"\s*:\s*-?\d/.test(part) && /"text"\s*:\s*"/.test(part);
  if (cue) return 0.95;
  return /"segments"\s*:\s*\[\s*\]/.test(part) ? 0.7 : 0.5;
}

// ---- writing -------------------------------------------------------------------------------------

/** Integer ms as seconds with exactly 3 decimals: 1234 → `1.234`. */
function formatSeconds(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  return `${Math.floor(whole / 1000)}.${String(whole % 1000).padStart(3, '0')}`;
}

/** Whisper's full `text`: segments run together, with a space only between Latin-script words. */
function joinTranscript(texts: readonly string[]): string {
  const parts: string[] = [];
  let last = '';
  for (const raw of texts) {
    const t = raw.replace(/\s*\n\s*/g, ' ');
    if (/[A-Za-z0-9.,!?;:'")]/.test(last) && /^[A-Za-z0-9("']/.test(t)) parts.push(' ');
    parts.push(t);
    last = t.slice(-1);
  }
  return parts.join('');
}

function serializeWhisper(project: Project, options: SerializeOptions): SerializeResult {
  const issues: FormatIssue[] = [];
  const untimed: number[] = [];
  const empty: number[] = [];
  const rows: { start: number; end: number; text: string }[] = [];
  project.segments.forEach((seg, i) => {
    const text = layoutText(seg.source, seg.translation, options.layout);
    if (seg.start === null || seg.end === null) untimed.push(i + 1);
    else if (text === '') empty.push(i + 1);
    else rows.push({ start: seg.start, end: seg.end, text });
  });
  if (untimed.length) issues.push(untimedLeftOut(untimed));
  if (empty.length) issues.push(noTextLeftOut(empty));
  const translationFirst = options.layout === 'translation' || options.layout === 'bilingual-translation-first';
  const tag = translationFirst ? project.languages.translation : project.languages.source;
  const language = (tag.split('-')[0] ?? '').toLowerCase();
  const segments = rows.map(
    (r, id) =>
      `    {"id": ${id}, "start": ${formatSeconds(r.start)}, "end": ${formatSeconds(r.end)}, "text": ${JSON.stringify(r.text)}}`,
  );
  const out = [
    '{',
    `  "text": ${JSON.stringify(joinTranscript(rows.map((r) => r.text)))},`,
    segments.length ? `  "segments": [\n${segments.join(',\n')}\n  ],` : '  "segments": [],',
    `  "language": ${JSON.stringify(language)}`,
    '}',
    '',
  ].join('\n');
  return { text: applyLineEnding(out, options.lineEnding), issues };
}

export const whisperFormat: SubtitleFormat = {
  ...formatInfo('whisper'),
  sniff: safeSniff(sniffWhisper),
  parse: safeParse('Whisper JSON', parseWhisper),
  serialize: serializeWhisper,
};
