import type { SegmentInit } from '../model/project';
import type { Project } from '../model/types';
import { splitBilingual } from '../text/script';
import { formatTimestamp } from '../time/timestamp';
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
 * Bilibili closed captions (BCC): JSON with style fields and `body: [{from, to, location, content}]`,
 * times in seconds. Reading tolerates the extra fields of Bilibili's AI subtitles (`sid`, `music`,
 * `lang`, `type`, `version`, `stroke`/`Stroke`…) and splits two-language `content` with
 * `splitBilingual`. Problems name their JSON path (`body[3].from`) and, where it can be found, the
 * line. A cue with a bad `from`/`to`/`content` is skipped with a warning; a file that is not a BCC
 * object at all is one error.
 */

const MAX_ISSUES = 50;

// ---- a tiny JSON scanner: the line of a JSON path, and where invalid JSON goes wrong -------------

class ScanError {
  constructor(readonly offset: number) {}
}

function skipSpace(t: string, i: number): number {
  while (i < t.length && (t[i] === ' ' || t[i] === '\t' || t[i] === '\n' || t[i] === '\r')) i++;
  return i;
}

function scanString(t: string, i: number): number {
  if (t[i] !== '"') throw new ScanError(i);
  for (let j = i + 1; j < t.length; j++) {
    const c = t.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) throw new ScanError(j);
    if (c === 0x5c) {
      const e = t[j + 1] ?? '';
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(t.slice(j + 2, j + 6))) throw new ScanError(j);
        j += 5;
      } else if ('"\\/bfnrt'.includes(e) && e !== '') j++;
      else throw new ScanError(j);
    }
  }
  throw new ScanError(t.length);
}

const LITERAL = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** Offset just past the JSON value at `i` (after white space); throws ScanError where it is invalid. */
function scanValue(t: string, i: number): number {
  i = skipSpace(t, i);
  const open = t[i];
  if (open === '{' || open === '[') {
    const close = open === '{' ? '}' : ']';
    i = skipSpace(t, i + 1);
    if (t[i] === close) return i + 1;
    for (;;) {
      if (open === '{') {
        i = skipSpace(t, scanString(t, i));
        if (t[i] !== ':') throw new ScanError(i);
        i++;
      }
      i = skipSpace(t, scanValue(t, i));
      if (t[i] === close) return i + 1;
      if (t[i] !== ',') throw new ScanError(i);
      i = skipSpace(t, i + 1);
    }
  }
  if (open === '"') return scanString(t, i);
  LITERAL.lastIndex = i;
  if (LITERAL.exec(t)) return LITERAL.lastIndex;
  throw new ScanError(i);
}

/** Offset of the value at `path` in valid JSON text, or null when the path is not there. */
function locate(t: string, path: readonly (string | number)[]): number | null {
  let i = skipSpace(t, 0);
  for (const step of path) {
    const open = typeof step === 'number' ? '[' : '{';
    if (t[i] !== open) return null;
    i = skipSpace(t, i + 1);
    for (let index = 0; ; index++) {
      if (t[i] === (open === '[' ? ']' : '}')) return null;
      let hit = index === step;
      if (open === '{') {
        const keyEnd = scanString(t, i);
        hit = JSON.parse(t.slice(i, keyEnd)) === step;
        i = skipSpace(t, skipSpace(t, keyEnd) + 1);
      }
      if (hit) break;
      i = skipSpace(t, scanValue(t, i));
      if (t[i] === ',') i = skipSpace(t, i + 1);
    }
  }
  return i;
}

function lineAt(t: string, offset: number): number {
  return (t.slice(0, offset).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/** The 1-based line of a JSON.parse failure: from the engine's message, else from the scanner. */
function syntaxErrorLine(t: string, message: string): number {
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const position = /position (\d+)/.exec(message);
  if (position) return lineAt(t, Number(position[1]));
  try {
    const end = skipSpace(t, scanValue(t, 0));
    return lineAt(t, end);
  } catch (error) {
    return error instanceof ScanError ? lineAt(t, error.offset) : lineAt(t, t.length);
  }
}

// ---- reading -------------------------------------------------------------------------------------

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface BccCue {
  from: number;
  to: number;
  content: string;
}

function cueProblem(cue: unknown): { key?: string; message: string } | null {
  if (!isObject(cue)) return { message: 'expected an object' };
  for (const key of ['from', 'to'] as const) {
    const seconds = cue[key];
    if (typeof seconds !== 'number') return { key, message: 'expected a number' };
    if (!Number.isSafeInteger(Math.round(seconds * 1000))) return { key, message: 'time out of range' };
  }
  if (typeof cue.content !== 'string') return { key: 'content', message: 'expected a string' };
  return null;
}

function readCue(cue: BccCue, warn: (key: string, message: string) => void): SegmentInit {
  let start = Math.round(cue.from * 1000);
  let end = Math.round(cue.to * 1000);
  if (start < 0) {
    warn('from', 'negative time; set to 0');
    start = 0;
  }
  if (end < start) {
    warn('to', 'ends before it starts; the end is set to the start');
    end = start;
  }
  const lines = cue.content
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { start, end, ...splitBilingual(lines.join('\n')) };
}

function parseBcc(input: string): ParsedDocument {
  const text = input.replace(/^\uFEFF/, '');
  const error = (message: string, line: number | null = null, path?: string): ParsedDocument => ({
    segments: [],
    issues: [{ severity: 'error', line, ...(path !== undefined ? { path } : {}), message }],
  });
  if (text.trim() === '') return error('The file is empty.');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return error(`Not valid JSON: ${message}`, syntaxErrorLine(text, message));
  }
  if (!isObject(doc)) return error('Not a BCC subtitle: expected a JSON object with a "body" array.', 1);
  const body = doc.body;
  if (!Array.isArray(body)) {
    const at = locate(text, ['body']);
    return error(
      body === undefined ? 'body: missing; expected an array of cues' : 'body: expected an array of cues',
      at === null ? 1 : lineAt(text, at),
      'body',
    );
  }
  const issues: FormatIssue[] = [];
  const lineOf = (index: number, key?: string): number | null => {
    try {
      const at = (key !== undefined ? locate(text, ['body', index, key]) : null) ?? locate(text, ['body', index]);
      return at === null ? null : lineAt(text, at);
    } catch {
      return null; // nesting too deep for the scanner
    }
  };
  let unlisted = 0;
  const warn = (index: number, key: string | undefined, message: string) => {
    // Finding a line scans the text: only for the issues that are listed.
    if (issues.length >= MAX_ISSUES) {
      unlisted++;
      return;
    }
    const path = key === undefined ? `body[${index}]` : `body[${index}].${key}`;
    issues.push({ severity: 'warning', line: lineOf(index, key), path, message: `${path}: ${message}` });
  };
  const segments: SegmentInit[] = [];
  body.forEach((cue, index) => {
    const problem = cueProblem(cue);
    if (problem) warn(index, problem.key, `${problem.message}; cue skipped`);
    else segments.push(readCue(cue as BccCue, (key, message) => warn(index, key, message)));
  });
  if (segments.length === 0 && body.length > 0) {
    issues.unshift({ severity: 'error', line: null, path: 'body', message: 'body: no readable cues.' });
  }
  if (unlisted > 0) issues.push({ severity: 'warning', line: null, message: `${unlisted} more problems not listed.` });
  return { segments, issues };
}

function sniffBcc(text: string): number {
  const head = text.slice(0, 4000).replace(/^\uFEFF/, '');
  if (!/^\s*\{/.test(head)) return 0;
  const body = /"body"\s*:\s*\[/.test(head);
  const cue = /"from"\s*:\s*-?[\d.]/.test(head) && /"content"\s*:/.test(head);
  const style = /"(font_size|font_color|background_alpha|background_color|Stroke|stroke)"\s*:/.test(head);
  if (body && cue) return 0.95;
  if (body && style) return 0.85;
  if (body || (cue && style)) return 0.5;
  return 0.05;
}

// ---- writing -------------------------------------------------------------------------------------

/**
 * `location` 2 (bottom centre), `from`/`to` in seconds with at most 3 decimals, cues sorted by start.
 * Bilibili shows one cue at a time, so zero-length cues are left out and overlapping cues are written
 * as they are but each overlap is an error issue (callers refuse to save with errors). Cue numbers in
 * messages are the project's 1-based segment numbers. Untimed segments and cues with no text for the
 * layout are left out with a warning.
 */
function serializeBcc(project: Project, options: SerializeOptions): SerializeResult {
  const issues: FormatIssue[] = [];
  const untimed: number[] = [];
  const empty: number[] = [];
  const cues: { n: number; start: number; end: number; content: string }[] = [];
  project.segments.forEach((seg, i) => {
    const n = i + 1;
    const content = layoutText(seg.source, seg.translation, options.layout);
    if (seg.start === null || seg.end === null) untimed.push(n);
    else if (content === '') empty.push(n);
    else if (seg.end <= seg.start) {
      const message = `Cue ${n} (${formatTimestamp(seg.start)}) has zero length: not written.`;
      issues.push({ severity: 'error', line: null, message });
    } else cues.push({ n, start: seg.start, end: seg.end, content });
  });
  cues.sort((a, b) => a.start - b.start || a.end - b.end);
  let latest: (typeof cues)[number] | undefined;
  for (const cue of cues) {
    if (latest && cue.start < latest.end) {
      const span = (c: typeof cue) => `${formatTimestamp(c.start)}–${formatTimestamp(c.end)}`;
      issues.push({
        severity: 'error',
        line: null,
        message: `Cue ${latest.n} (${span(latest)}) overlaps cue ${cue.n} (${span(cue)}); Bilibili shows one cue at a time.`,
      });
    }
    if (!latest || cue.end > latest.end) latest = cue;
  }
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
  const seconds = (ms: number) => Math.round(ms) / 1000;
  const body = cues.map((c) =>
    JSON.stringify({ from: seconds(c.start), to: seconds(c.end), location: 2, content: c.content }),
  );
  const out = [
    '{',
    '  "font_size": 0.4,',
    '  "font_color": "#FFFFFF",',
    '  "background_alpha": 0.5,',
    '  "background_color": "#9C27B0",',
    '  "Stroke": "none",',
    body.length ? `  "body": [\n    ${body.join(',\n    ')}\n  ]` : '  "body": []',
    '}',
    '',
  ].join('\n');
  return { text: applyLineEnding(out, options.lineEnding), issues };
}

function list(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 10).map((n) => `#${n}`);
  return numbers.length > 10 ? `${shown.join(', ')}…` : shown.join(', ');
}

export const bccFormat: SubtitleFormat = {
  id: 'bcc',
  label: 'Bilibili subtitles (BCC)',
  extensions: ['.bcc', '.json'],
  timed: true,
  sniff: (text) => sniffBcc(text),
  parse(text) {
    try {
      return parseBcc(text);
    } catch (error) {
      return {
        segments: [],
        issues: [{ severity: 'error', line: null, message: `Could not read the file: ${error}` }],
      };
    }
  },
  serialize: serializeBcc,
};
