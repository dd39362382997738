/**
 * Reading SRT and WebVTT. Real files are messy, and the npm `subtitle` package throws on much of
 * what they contain, so parsing goes in three steps:
 *
 * 1. a tolerant pre-reader cuts the text into blank-line separated blocks that keep their original
 *    line numbers, recognises timing lines with a forgiving pattern, repairs or skips what it can and
 *    reports every repair or skip as a warning with its line number;
 * 2. the recognised cues are written out as one canonical document and parsed by `subtitle`'s
 *    `parseSync`, then matched back to their blocks (and so to their line numbers);
 * 3. each cue's text is cleaned (voice spans → speaker, inline tags, entities: cue-clean.ts) and
 *    split into the Chinese source and the Latin-script translation.
 *
 * Writing is in cue-write.ts.
 */
import { type NodeList, parseSync } from 'subtitle';
import { type FormatIssue, type ParsedDocument, type ParseOptions, splitLines } from '../../../shared/formats/format';
import { capIssues, error, warning } from '../../../shared/formats/issues';
import { type HostMessage, msg } from '../../../shared/ipc/messages';
import type { SegmentInit } from '../../../shared/model/project';
import { splitBilingual } from '../../../shared/text/script';
import { formatTimestamp, parseTimestamp } from '../../../shared/time/timestamp';
import { cleanCueText } from './cue-clean';

export type CueFormat = 'srt' | 'vtt';

const CUE_NAMES: Record<CueFormat, string> = { srt: 'SRT', vtt: 'WebVTT' };

/** At most this many warnings are listed; the rest are counted in one last warning. */
const MAX_ISSUES = 100;

// ---------------------------------------------------------------------------------------------
// Timing lines

/**
 * A timestamp: optional hours (any number of digits), two-digit seconds (a one-digit one is more
 * likely cut off than meant), `,` or `.` before an optional 1–3 digit fraction.
 */
const TS = String.raw`(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
/** `-->`, or a typo of it (`->`, `--->`, `—>`, `–>`, `=>`, `-- >`, `→`). Anything after the end time is cue settings. */
const TIMING = new RegExp(String.raw`^(${TS})\s*(-->|[-–—=]{1,3} ?>|→)\s*(${TS})(?:\s+(.*))?$`);
const TIME_ISH = String.raw`\d{1,3}(?:[:：]\d{1,2}){1,2}(?:[.,:，．]\d{1,4})?`;
/** What a timing line we cannot read looks like: an arrow, two times, or a lone time with a fraction. */
const TIMING_LIKE = new RegExp(
  String.raw`-->|^${TIME_ISH}\s*\S{1,4}\s*${TIME_ISH}|^\d{1,3}(?::\d{1,2}){1,2}[.,]\d{1,4}$`,
);
const FULL_WIDTH: Record<string, string> = { '：': ':', '，': ',', '．': '.' };
const NUMBER = /^\d+$/;

interface Timing {
  start: number;
  end: number;
  settings: string;
  /** The arrow was exactly `-->`. */
  strict: boolean;
  /** A fraction used `,` (SRT style). */
  comma: boolean;
  repairs: HostMessage[];
}

/** Read a timing line, tolerating typos that leave no doubt; null when it is not one. */
export function readTiming(line: string): Timing | null {
  const trimmed = line.trim();
  const ascii = trimmed.replace(/[：，．]/g, (c) => FULL_WIDTH[c] ?? c);
  const m = TIMING.exec(ascii);
  if (!m) return null;
  const [, from = '', arrow = '', to = '', settings = ''] = m;
  const start = parseTimestamp(from);
  const end = parseTimestamp(to);
  if (start === null || end === null) return null;
  const repairs: HostMessage[] = [];
  if (ascii !== trimmed) repairs.push(msg('cue-full-width-timing'));
  if (arrow !== '-->') repairs.push(msg('cue-malformed-arrow', { arrow }));
  return {
    start,
    end,
    settings: settings.trim(),
    strict: arrow === '-->',
    comma: from.includes(',') || to.includes(','),
    repairs,
  };
}

/** Could this line be meant as a timing line (readable or not)? Only asked where a timing line belongs. */
function looksLikeTiming(line: string): boolean {
  const t = line.trim();
  return readTiming(t) !== null || TIMING_LIKE.test(t);
}

/** A timing line with a proper `-->`: the only kind that may start a cue in the middle of a block. */
function isStrictTiming(line: string): boolean {
  return readTiming(line)?.strict === true;
}

// ---------------------------------------------------------------------------------------------
// Parsing

interface Line {
  readonly text: string;
  /** 1-based line number in the input. */
  readonly no: number;
}

interface RawCue {
  /** Line number of the timing line. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly settings: string;
  /** Text lines; continuation blocks are appended. */
  readonly text: string[];
}

interface CueData {
  start: number;
  end: number;
  settings: string;
  text: string;
}

function clip(text: string, max = 40): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

function readBlocks(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

const HEADER = /^WEBVTT(?=$|[\s\-–—:])(.*)$/;

/**
 * Remove the WebVTT header block (and header metadata such as `Kind: captions`) from `blocks`.
 * Returns the title the header line carries ('' when none), or null when there is no header.
 */
function takeHeader(blocks: Line[][], issues: FormatIssue[]): string | null {
  const first = blocks[0];
  const m = first ? HEADER.exec(first[0]?.text.trim() ?? '') : null;
  if (!first || !m) return null;
  const rest = first.slice(1);
  const k = rest.findIndex((l) => looksLikeTiming(l.text));
  if (k < 0) {
    blocks.shift();
  } else {
    // No blank line after the header: the cue starts at its timing line (or the id just before it).
    issues.push(warning(rest[k]?.no ?? null, msg('cue-empty-vtt-header-gap')));
    blocks[0] = rest.slice(Math.max(0, k - 1));
  }
  return (m[1] ?? '').replace(/^[\s\-–—:]+/, '').trim();
}

/** Where the cue starts in a block: a timing line first or after an id, else a strict one further down. */
function findTiming(block: readonly Line[]): number {
  if (looksLikeTiming(block[0]?.text ?? '')) return 0;
  if (block.length > 1 && looksLikeTiming(block[1]?.text ?? '')) return 1;
  for (let j = 2; j < block.length; j++) if (isStrictTiming(block[j]?.text ?? '')) return j;
  return -1;
}

/** Pre-read the file into cues with line numbers, pushing a warning for each repair or skip. */
function preRead(
  blocks: readonly Line[][],
  format: CueFormat,
  issues: FormatIssue[],
): { cues: RawCue[]; comments: number } {
  const cues: RawCue[] = [];
  let comments = 0;
  /** The cue that a block without a timing line continues ('skipped' after a cue we could not read). */
  let open: RawCue | 'skipped' | null = null;

  const attach = (lines: readonly Line[]): void => {
    const at = lines[0]?.no ?? null;
    if (open === 'skipped') {
      issues.push(warning(at, msg('cue-text-of-skipped')));
    } else if (open) {
      open.text.push(...lines.map((l) => l.text));
      issues.push(warning(at, msg('cue-blank-inside', { line: open.line })));
    } else {
      issues.push(warning(at, msg('cue-text-without-timing', { text: clip(lines[0]?.text ?? '') })));
    }
  };

  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as Line[];
    const first = block[0] as Line;
    const head = first.text.trim();
    if (format === 'vtt' && (/^NOTE(?:$|\s)/.test(head) || /^(?:STYLE|REGION)$/.test(head))) {
      // Comments, style sheets and region definitions are valid WebVTT and carry no cues.
      open = null;
      comments++;
      continue;
    }
    const next = blocks[b + 1]?.[0];
    if (block.length === 1 && NUMBER.test(head) && next && looksLikeTiming(next.text)) {
      issues.push(warning(first.no, msg('cue-blank-after-number', { number: head })));
      continue;
    }

    const k = findTiming(block);
    const idAt = k > 0 && ((format === 'vtt' && k === 1) || NUMBER.test(block[k - 1]?.text.trim() ?? '')) ? k - 1 : -1;
    const leadingEnd = k < 0 ? block.length : idAt >= 0 ? idAt : k;
    if (leadingEnd > 0) attach(block.slice(0, leadingEnd));
    if (k < 0) continue;

    // One block may hold several cues when blank lines between them are missing.
    for (let t = k; t >= 0; ) {
      let following = -1;
      for (let j = t + 1; j < block.length; j++) {
        if (isStrictTiming(block[j]?.text ?? '')) {
          following = j;
          break;
        }
      }
      let textEnd = following < 0 ? block.length : following;
      if (following > t + 1 && NUMBER.test(block[following - 1]?.text.trim() ?? '')) textEnd = following - 1;

      const timingLine = block[t] as Line;
      if (t !== k) issues.push(warning(timingLine.no, msg('cue-no-blank-before')));
      const timing = readTiming(timingLine.text);
      if (!timing) {
        issues.push(warning(timingLine.no, msg('cue-unreadable-timing', { text: clip(timingLine.text) })));
        open = 'skipped';
      } else {
        for (const repair of timing.repairs) issues.push(warning(timingLine.no, repair));
        let end = timing.end;
        if (end < timing.start) {
          issues.push(warning(timingLine.no, msg('time-end-before-start')));
          end = timing.start;
        }
        const settings = format === 'vtt' && !timing.settings.includes('-->') ? timing.settings : '';
        const cue: RawCue = {
          line: timingLine.no,
          start: timing.start,
          end,
          settings,
          text: block.slice(t + 1, textEnd).map((l) => l.text),
        };
        cues.push(cue);
        open = cue;
      }
      t = following;
    }
  }
  return { cues, comments };
}

/** Marks text lines that `subtitle` would take for a NOTE block; removed again after parsing. */
const PROTECT = '\uE000';

/**
 * Parse the pre-read cues with `subtitle`'s parseSync, from a canonical document (one numbered cue
 * per block, `h:mm:ss.mmm` times, no blank lines in text), so its i-th cue is our i-th cue. Falls
 * back to the pre-reader's own values if the package disagrees (it should not).
 */
function throughPackage(cues: readonly RawCue[]): CueData[] {
  const own = cues.map((c) => ({ start: c.start, end: c.end, settings: c.settings, text: c.text.join('\n') }));
  const canonical = own
    .map((c, i) =>
      [
        String(i + 1),
        `${formatTimestamp(c.start)} --> ${formatTimestamp(c.end)}${c.settings ? ` ${c.settings}` : ''}`,
        ...(c.text ? c.text.split('\n').map((l) => (l.startsWith('NOTE') ? PROTECT + l : l)) : []),
      ].join('\n'),
    )
    .join('\n\n');
  let nodes: NodeList;
  try {
    nodes = parseSync(`${canonical}\n`);
  } catch {
    return own;
  }
  const parsed = nodes.flatMap((node) => (node.type === 'cue' ? [node.data] : []));
  if (parsed.length !== own.length) return own;
  const result = parsed.map((d) => ({
    start: d.start,
    end: d.end,
    settings: d.settings ?? '',
    text: d.text
      .split('\n')
      .map((l) => (l.startsWith(`${PROTECT}NOTE`) ? l.slice(PROTECT.length) : l))
      .join('\n'),
  }));
  const agrees = result.every((c, i) => {
    const o = own[i] as CueData;
    return c.start === o.start && c.end === o.end && c.text === o.text;
  });
  return agrees ? result : own;
}

/** Parse SRT or WebVTT text. Never throws: problems come back as issues. */
export function parseCueFile(input: string, format: CueFormat, options: ParseOptions = {}): ParsedDocument {
  try {
    return parseTolerant(input, format, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      segments: [],
      issues: [error(null, msg('format-read-failed', { format: CUE_NAMES[format], reason: message }))],
    };
  }
}

function parseTolerant(input: string, format: CueFormat, options: ParseOptions): ParsedDocument {
  const lines: Line[] = splitLines(input).map((text, i) => ({
    text: text.replace(/\uFEFF/g, '').replace(/\s+$/u, ''),
    no: i + 1,
  }));
  if (lines.every((l) => l.text.trim() === '')) {
    return { segments: [], issues: [error(null, msg('file-empty'))] };
  }
  const issues: FormatIssue[] = [];
  const blocks = readBlocks(lines);
  const firstLine = blocks[0]?.[0]?.no ?? 1;

  const title = takeHeader(blocks, issues);
  if (format === 'vtt' && title === null) {
    issues.push(warning(firstLine, msg('cue-missing-vtt-header')));
  } else if (format === 'srt' && title !== null) {
    issues.push(warning(firstLine, msg('cue-vtt-header-in-srt')));
  }

  const { cues, comments } = preRead(blocks, format, issues);

  if (cues.length === 0) {
    if (format === 'vtt' && title !== null && issues.length === 0) {
      // A well-formed WebVTT file without cues (header, maybe comments).
      return {
        segments: [],
        issues: [warning(null, msg(comments > 0 ? 'cue-only-comments' : 'cue-none'))],
        ...(title ? { title } : {}),
      };
    }
    const message = msg(looksBinary(input) ? 'cue-none-binary' : 'cue-none-readable', { format: CUE_NAMES[format] });
    return { segments: [], issues: [error(null, message)] };
  }

  const keepTags = options.keepTags === true;
  const segments: SegmentInit[] = throughPackage(cues).map((cue, i) => {
    const { text, speakers } = cleanCueText(cue.text, format, keepTags);
    const [speaker] = speakers;
    if (new Set(speakers).size > 1) {
      issues.push(
        warning(
          cues[i]?.line ?? null,
          msg('cue-several-speakers', { speakers: speakers.join(', '), kept: speaker ?? '' }),
        ),
      );
    }
    return {
      start: cue.start,
      end: cue.end,
      ...splitBilingual(text),
      ...(speaker ? { speaker } : {}),
      // VTT cue settings (position, line, align…) are kept and written back on VTT export.
      ...(format === 'vtt' && cue.settings ? { extras: { vtt: { settings: cue.settings } } } : {}),
    };
  });

  issues.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    segments,
    issues: capIssues(issues, { max: MAX_ISSUES }),
    ...(format === 'vtt' && title ? { title } : {}),
  };
}

/** Control characters other than tab, line feed, form feed and carriage return: not text. */
function looksBinary(input: string): boolean {
  const head = input.slice(0, 4096);
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Sniffing

/** How sure we are that `text` is SRT or WebVTT; looks at the first 4 KB only. */
export function sniffCueText(text: string, format: CueFormat): number {
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '');
  const lines = splitLines(head)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 40);
  const first = lines[0];
  if (first === undefined) return 0;
  if (HEADER.test(first)) {
    if (format === 'srt') return 0.1;
    return head.startsWith('WEBVTT') ? 1 : 0.95;
  }
  const at = lines.findIndex((l) => readTiming(l) !== null);
  if (at < 0) return 0;
  const timing = readTiming(lines[at] as string) as Timing;
  const numbered = at === 1 && NUMBER.test(first);
  if (format === 'srt') {
    if (numbered) return timing.comma ? 0.95 : 0.7;
    return timing.comma ? 0.75 : 0.45;
  }
  return timing.comma ? 0.2 : 0.5;
}
