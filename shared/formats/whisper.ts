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
} from './format';

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
 * skipped`, which the host shows as `segments[3].end: expected a number…`) and the line it is on. A
 * segment with a bad time or text is skipped with a warning; a negative time is set to 0 and an end
 * before the start is set to the start (warnings). A file that is not JSON, or JSON without a
 * segment list, is one error. Segments keep file order.
 *
 * Writing produces the openai-whisper shape `{text, segments: [{id, start, end, text}], language}`
 * with seconds to exactly 3 decimals; the layout decides each segment's text (bilingual layouts give
 * two lines joined by `\n`). Untimed segments and segments with no text for the layout are left out
 * with a warning.
 */

const MAX_ISSUES = 50;
const MAX_DEPTH = 512;
/** Offsets are recorded for values this deep: `segments[3].offsets.from` is depth 4. */
const RECORD_DEPTH = 4;

// ---- a small JSON parser that remembers where values are ----------------------------------------

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

interface LocatedJson {
  value: unknown;
  /** Offset of the value at each path (`segments[3].end`), down to RECORD_DEPTH. */
  offsets: Map<string, number>;
}

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (name !== key) return `${path}[${name}]`;
  return path === '' ? key : `${path}.${key}`;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function parseJson(t: string): LocatedJson {
  const offsets = new Map<string, number>();
  let i = 0;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(i, message);
  };
  const space = () => {
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const unexpected = (): never =>
    fail(i >= t.length ? 'unexpected end of the file' : `unexpected ${JSON.stringify(t[i])}`);

  const string = (): string => {
    const start = i;
    let escaped = false;
    for (i++; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x22) {
        i++;
        const raw = t.slice(start, i);
        return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
      }
      if (c < 0x20) fail('control character inside a string');
      if (c === 0x5c) {
        escaped = true;
        const e = t[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(i + 2, i + 6))) fail('bad \\u escape');
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail('bad escape');
      }
    }
    i = start;
    return fail('unterminated string');
  };

  const value = (path: string, depth: number): unknown => {
    space();
    if (depth > MAX_DEPTH) fail('nested too deeply');
    if (depth <= RECORD_DEPTH) offsets.set(path, i);
    const c = t[i];
    if (c === '{') {
      const obj: Record<string, unknown> = {};
      i++;
      space();
      if (t[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        space();
        if (t[i] !== '"') unexpected();
        const key = string();
        space();
        if (t[i] !== ':') unexpected();
        i++;
        // defineProperty: a "__proto__" key is data, not a prototype.
        Object.defineProperty(obj, key, {
          value: value(childPath(path, key), depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
        space();
        if (t[i] === '}') {
          i++;
          return obj;
        }
        if (t[i] !== ',') unexpected();
        i++;
      }
    }
    if (c === '[') {
      const arr: unknown[] = [];
      i++;
      space();
      if (t[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(childPath(path, arr.length), depth + 1));
        space();
        if (t[i] === ']') {
          i++;
          return arr;
        }
        if (t[i] !== ',') unexpected();
        i++;
      }
    }
    if (c === '"') return string();
    for (const [word, literal] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (t.startsWith(word, i)) {
        i += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(t);
    if (!m) return unexpected();
    i = NUMBER.lastIndex;
    return Number(m[0]);
  };

  const root = value('', 0);
  space();
  if (i < t.length) fail(`unexpected ${JSON.stringify(t[i])} after the end of the JSON value`);
  return { value: root, offsets };
}

/** 1-based line of an offset; LF, CRLF and lone CR each end a line. */
function lineFinder(t: string): (offset: number) => number {
  let starts: number[] | null = null;
  return (offset) => {
    if (starts === null) {
      starts = [0];
      const re = /\r\n|\r|\n/g;
      for (let m = re.exec(t); m; m = re.exec(t)) starts.push(m.index + m[0].length);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

// ---- reading -------------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type Kind = 'segments' | 'transcription';

class Skip {
  constructor(
    readonly key: string,
    readonly message: string,
  ) {}
}

function seconds(entry: Record<string, unknown>, key: 'start' | 'end'): number {
  const v = entry[key];
  if (typeof v !== 'number') throw new Skip(key, v === undefined ? 'missing; expected a number' : 'expected a number');
  const ms = Math.round(v * 1000);
  if (!Number.isSafeInteger(ms)) throw new Skip(key, 'time out of range');
  return ms;
}

/** whisper.cpp: `offsets.from` (ms) or else `timestamps.from` ("00:00:01,000"). */
function cppTime(entry: Record<string, unknown>, key: 'from' | 'to'): number {
  const offsets = entry.offsets;
  if (isObject(offsets)) {
    const v = offsets[key];
    if (typeof v !== 'number') throw new Skip(`offsets.${key}`, 'expected a number of milliseconds');
    const ms = Math.round(v);
    if (!Number.isSafeInteger(ms)) throw new Skip(`offsets.${key}`, 'time out of range');
    return ms;
  }
  const stamps = entry.timestamps;
  if (isObject(stamps)) {
    const v = stamps[key];
    const ms = typeof v === 'string' ? parseTimestamp(v) : null;
    if (ms === null) throw new Skip(`timestamps.${key}`, 'expected a time like "00:00:01,000"');
    return ms;
  }
  throw new Skip('offsets', 'missing; expected {"from": ms, "to": ms} or timestamps');
}

function readEntry(
  entry: unknown,
  kind: Kind,
  warn: (key: string | undefined, message: string) => void,
): SegmentInit | null {
  if (!isObject(entry)) throw new Skip('', 'expected an object');
  let start = kind === 'segments' ? seconds(entry, 'start') : cppTime(entry, 'from');
  let end = kind === 'segments' ? seconds(entry, 'end') : cppTime(entry, 'to');
  const rawText = entry.text;
  if (typeof rawText !== 'string') {
    throw new Skip('text', rawText === undefined ? 'missing; expected a string' : 'expected a string');
  }
  const text = rawText
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
  if (text === '') return null;
  const [startKey, endKey] = kind === 'segments' ? ['start', 'end'] : ['offsets.from', 'offsets.to'];
  if (start < 0) {
    warn(startKey, 'negative time; set to 0');
    start = 0;
  }
  if (end < start) {
    warn(endKey, 'ends before it starts; the end is set to the start');
    end = start;
  }
  const speaker = typeof entry.speaker === 'string' ? entry.speaker.trim() : '';
  return { start, end, ...splitBilingual(text), ...(speaker ? { speaker } : {}) };
}

function parseWhisper(input: string): ParsedDocument {
  const text = input.replace(/^\uFEFF/, '');
  const lineAt = lineFinder(text);
  const error = (message: string, line: number | null = null, path?: string): ParsedDocument => ({
    segments: [],
    issues: [{ severity: 'error', line, ...(path !== undefined ? { path } : {}), message }],
  });
  if (text.trim() === '') return error('The file is empty.');
  // JSON.parse is fast; the locating parser runs only to explain a syntax error or place an issue.
  let located: LocatedJson | null = null;
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    try {
      located = parseJson(text);
      root = located.value;
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      const line = lineAt(e.offset);
      const column = e.offset - text.lastIndexOf('\n', e.offset - 1);
      return error(`Not valid JSON: ${e.message} (line ${line}, column ${column}).`, line);
    }
  }
  const lineOf = (path: string): number | null => {
    located ??= parseJson(text);
    const at = located.offsets.get(path);
    return at === undefined ? null : lineAt(at);
  };

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
    return error('Expected an array of segments.', lineOf(key), key);
  } else {
    return error(
      'Not a Whisper transcript: expected a JSON object with a "segments" (or whisper.cpp "transcription") array.',
      1,
    );
  }

  const issues: FormatIssue[] = [];
  const segments: SegmentInit[] = [];
  list.forEach((entry, index) => {
    const at = childPath(base, index);
    const warn = (key: string | undefined, message: string) => {
      const path = key ? `${at}.${key}` : at;
      const line = lineOf(path) ?? lineOf(at);
      issues.push({ severity: 'warning', line, path, message });
    };
    try {
      const segment = readEntry(entry, kind, warn);
      if (segment) segments.push(segment);
    } catch (e) {
      if (!(e instanceof Skip)) throw e;
      warn(e.key || undefined, `${e.message}; segment skipped`);
    }
  });
  if (segments.length === 0 && issues.length > 0) {
    issues.unshift({ severity: 'error', line: lineOf(base), path: base, message: 'No readable segments.' });
  }
  const capped =
    issues.length <= MAX_ISSUES
      ? issues
      : [
          ...issues.slice(0, MAX_ISSUES),
          {
            severity: 'warning' as const,
            line: null,
            message: `${issues.length - MAX_ISSUES} more problems not listed.`,
          },
        ];
  return { segments, issues: capped };
}

// ---- sniffing ------------------------------------------------------------------------------------

function sniffWhisper(text: string): number {
  const head = text.slice(0, 4000).replace(/^\uFEFF/, '');
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
  if (untimed.length) {
    issues.push({
      severity: 'warning',
      line: null,
      message: `${untimed.length} untimed segments left out: ${list(untimed)}.`,
    });
  }
  if (empty.length) {
    issues.push({
      severity: 'warning',
      line: null,
      message: `${empty.length} segments have no text for this layout and were left out: ${list(empty)}.`,
    });
  }
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

function list(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 10).map((n) => `#${n}`);
  return numbers.length > 10 ? `${shown.join(', ')}…` : shown.join(', ');
}

export const whisperFormat: SubtitleFormat = {
  id: 'whisper',
  label: 'Whisper transcript (JSON)',
  extensions: ['.json'],
  timed: true,
  sniff(text) {
    try {
      return sniffWhisper(text);
    } catch {
      return 0;
    }
  },
  parse(text) {
    try {
      return parseWhisper(text);
    } catch (error) {
      return {
        segments: [],
        issues: [{ severity: 'error', line: null, message: `Could not read the transcript: ${error}` }],
      };
    }
  },
  serialize: serializeWhisper,
};
