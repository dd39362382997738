import { type HostMessage, msg } from '../ipc/messages';
import { isObject, jsonLines, syntaxErrorLine } from '../json-locate';
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
  sniffHead,
  trimmedLines,
} from './format';
import { error, failed, MAX_ISSUES, moreProblems, noTextLeftOut, untimedLeftOut, warning } from './issues';
import { safeParse } from './safe';
import { formatInfo } from './table';

/**
 * Bilibili closed captions (BCC): JSON with style fields and `body: [{from, to, location, content}]`,
 * times in seconds. Reading tolerates the extra fields of Bilibili's AI subtitles (`sid`, `music`,
 * `lang`, `type`, `version`, `stroke`/`Stroke`…) and splits two-language `content` with
 * `splitBilingual`. Problems name their JSON path (`body[3].from`) and, where it can be found, the
 * line. A cue with a bad `from`/`to`/`content` is skipped with a warning; a file that is not a BCC
 * object at all is one error.
 */

// ---- reading -------------------------------------------------------------------------------------

interface BccCue {
  from: number;
  to: number;
  content: string;
}

function cueProblem(cue: unknown): { key?: string; message: HostMessage } | null {
  if (!isObject(cue)) return { message: msg('json-expected-object') };
  for (const key of ['from', 'to'] as const) {
    const seconds = cue[key];
    if (typeof seconds !== 'number') return { key, message: msg('json-expected-number') };
    if (!Number.isSafeInteger(Math.round(seconds * 1000))) return { key, message: msg('time-out-of-range') };
  }
  if (typeof cue.content !== 'string') return { key: 'content', message: msg('json-expected-string') };
  return null;
}

function readCue(cue: BccCue, warn: (key: string, message: HostMessage) => void): SegmentInit {
  let start = Math.round(cue.from * 1000);
  let end = Math.round(cue.to * 1000);
  if (start < 0) {
    warn('from', msg('time-negative'));
    start = 0;
  }
  if (end < start) {
    warn('to', msg('time-end-before-start'));
    end = start;
  }
  return { start, end, ...splitBilingual(trimmedLines(cue.content).join('\n')) };
}

function parseBcc(input: string): ParsedDocument {
  const text = input.replace(/^\uFEFF/, '');
  if (text.trim() === '') return failed(msg('file-empty'));
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return failed(msg('json-invalid', { reason: message }), syntaxErrorLine(text, message));
  }
  // JSON.parse is fast; the locating parser runs only to place an issue.
  const { lineOf } = jsonLines(text);
  if (!isObject(doc)) return failed(msg('bcc-not-object'), 1);
  const body = doc.body;
  if (!Array.isArray(body)) {
    return failed(msg(body === undefined ? 'bcc-body-missing' : 'bcc-body-not-array'), lineOf('body') ?? 1, 'body');
  }
  const issues: FormatIssue[] = [];
  let unlisted = 0;
  const warn = (index: number, key: string | undefined, message: HostMessage) => {
    // Finding a line parses the text again: only for the issues that are listed.
    if (issues.length >= MAX_ISSUES) {
      unlisted++;
      return;
    }
    const cue = `body[${index}]`;
    const path = key === undefined ? cue : `${cue}.${key}`;
    issues.push(warning((key !== undefined ? lineOf(path) : null) ?? lineOf(cue), message, path));
  };
  const segments: SegmentInit[] = [];
  body.forEach((cue, index) => {
    const problem = cueProblem(cue);
    if (problem) warn(index, problem.key, msg('json-cue-skipped', { problem: problem.message }));
    else segments.push(readCue(cue as BccCue, (key, message) => warn(index, key, message)));
  });
  if (segments.length === 0 && body.length > 0) issues.unshift(error(null, msg('bcc-no-cues'), 'body'));
  if (unlisted > 0) issues.push(moreProblems(unlisted));
  return { segments, issues };
}

function sniffBcc(text: string): number {
  const head = sniffHead(text);
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
      issues.push(error(null, msg('bcc-zero-length', { cue: n, time: formatTimestamp(seg.start) })));
    } else cues.push({ n, start: seg.start, end: seg.end, content });
  });
  cues.sort((a, b) => a.start - b.start || a.end - b.end);
  let latest: (typeof cues)[number] | undefined;
  for (const cue of cues) {
    if (latest && cue.start < latest.end) {
      const span = (c: typeof cue) => `${formatTimestamp(c.start)}–${formatTimestamp(c.end)}`;
      const spans = { first: latest.n, firstSpan: span(latest), second: cue.n, secondSpan: span(cue) };
      issues.push(error(null, msg('bcc-overlap', spans)));
    }
    if (!latest || cue.end > latest.end) latest = cue;
  }
  if (untimed.length) issues.push(untimedLeftOut(untimed));
  if (empty.length) issues.push(noTextLeftOut(empty));
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

export const bccFormat: SubtitleFormat = {
  ...formatInfo('bcc'),
  sniff: (text) => sniffBcc(text),
  parse: safeParse('BCC', parseBcc),
  serialize: serializeBcc,
};
