/**
 * Writing SRT and WebVTT through `stringifySync`, with its timestamps checked: the package formats
 * times via a local-time `Date`, which wraps at 24 hours, so any timing line it gets wrong is
 * rewritten.
 */
import { type NodeList, stringifySync } from 'subtitle';
import {
  applyLineEnding,
  type FormatIssue,
  layoutText,
  type SerializeOptions,
  type SerializeResult,
  trimmedLines,
} from '../../../shared/formats/format';
import { noTextLeftOut, untimedLeftOut } from '../../../shared/formats/issues';
import type { Project } from '../../../shared/model/types';
import { escapeVtt } from './cue-clean';
import type { CueFormat } from './cue-read';

interface OutCue {
  start: number;
  end: number;
  text: string;
  /** VTT cue settings, '' for none. */
  settings: string;
}

function clock(ms: number, separator: ',' | '.'): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const millis = ms % 1000;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hours)}:${two(minutes)}:${two(seconds)}${separator}${String(millis).padStart(3, '0')}`;
}

function timingLine(cue: OutCue, format: CueFormat): string {
  const sep = format === 'srt' ? ',' : '.';
  return `${clock(cue.start, sep)} --> ${clock(cue.end, sep)}${cue.settings ? ` ${cue.settings}` : ''}`;
}

/** The same layout stringifySync produces; used only if its output is not shaped as expected. */
function writeOwn(header: string | null, cues: readonly OutCue[], format: CueFormat): string {
  const body = cues.map((c, i) => `${i + 1}\n${timingLine(c, format)}\n${c.text}\n`).join('\n');
  return header === null ? body : `${header}\n\n${body}`;
}

function write(header: string | null, cues: readonly OutCue[], format: CueFormat): string {
  const nodes: NodeList = [];
  if (header !== null) nodes.push({ type: 'header', data: header });
  for (const c of cues) {
    nodes.push({
      type: 'cue',
      data: { start: c.start, end: c.end, text: c.text, ...(c.settings ? { settings: c.settings } : {}) },
    });
  }
  const out = stringifySync(nodes, { format: format === 'srt' ? 'SRT' : 'WebVTT' });
  // Put our own timing lines in: `subtitle` formats times through a local-time Date, which wraps
  // at 24 hours (100 h comes out as "04:00:…"). Cue n is: number, timing, text lines, blank.
  const lines = out.split('\n');
  let i = header === null ? 0 : header.split('\n').length + 1;
  for (const [n, cue] of cues.entries()) {
    const count = cue.text.split('\n').length;
    if (lines[i] !== String(n + 1) || lines[i + 2 + count] !== '') return writeOwn(header, cues, format);
    lines[i + 1] = timingLine(cue, format);
    i += 3 + count;
  }
  return lines.join('\n');
}

/** Project → SRT or WebVTT text; untimed and empty cues are left out with a warning. */
export function serializeCueFile(project: Project, options: SerializeOptions, format: CueFormat): SerializeResult {
  const issues: FormatIssue[] = [];
  const untimed: number[] = [];
  const empty: number[] = [];
  const cues: OutCue[] = [];
  project.segments.forEach((seg, i) => {
    if (seg.start === null || seg.end === null) {
      untimed.push(i + 1);
      return;
    }
    // Trimmed lines without blank ones: a blank line would end the cue.
    const body = trimmedLines(layoutText(seg.source, seg.translation, options.layout)).join('\n');
    if (!body) {
      empty.push(i + 1);
      return;
    }
    const start = Math.max(0, Math.round(seg.start));
    const end = Math.max(start, Math.round(seg.end));
    let text: string;
    if (format === 'vtt') {
      const speaker = seg.speaker?.replace(/\s+/g, ' ').trim();
      text = (speaker ? `<v ${escapeVtt(speaker)}>` : '') + escapeVtt(body);
    } else {
      // SRT has no escaping; an arrow in the text would read as a timing line.
      text = body.replace(/-->/g, '->');
    }
    const settings = format === 'vtt' ? (seg.extras?.vtt?.settings ?? '').replace(/\s+/g, ' ').trim() : '';
    cues.push({ start, end, text, settings });
  });
  if (untimed.length > 0) {
    issues.push(untimedLeftOut(untimed));
  }
  if (empty.length > 0) {
    issues.push(noTextLeftOut(empty));
  }
  let header: string | null = null;
  if (format === 'vtt') {
    const title = project.title.replace(/\s+/g, ' ').replace(/-->/g, '->').trim();
    header = title ? `WEBVTT - ${title}` : 'WEBVTT';
  }
  const text = cues.length === 0 && header === null ? '' : write(header, cues, format);
  return { text: applyLineEnding(text, options.lineEnding), issues };
}
