import type { Project, Segment } from '../model/types';
import { formatTimestamp } from '../time/timestamp';

/**
 * The text of a project as it goes out for correction. Three styles:
 * - 'paragraphs': the seed transcript's style: `# title`, a blank line, then paragraphs separated by
 *   blank lines whose phrases (one per segment) are joined by `，`. A paragraph ends after a segment
 *   whose text ends in sentence punctuation, before a long pause, or after 20 phrases. Empty
 *   segments are left out (the reimport aligns, so nothing depends on phrase positions).
 * - 'lines': one segment per line, empty segments as empty lines, so line n is segment n.
 * - 'tsv': a header `id, start, end, text` then one row per segment; `\`, tab and line breaks in
 *   the text are written as `\\`, `\t`, `\n` (as the TSV caption format does).
 * Line breaks inside a segment become spaces in the first two styles.
 */

export type CorrectionStyle = 'paragraphs' | 'lines' | 'tsv';
export type CorrectionField = 'text' | 'translation';

export const CORRECTION_STYLES: readonly CorrectionStyle[] = ['paragraphs', 'lines', 'tsv'];
export const CORRECTION_FIELDS: readonly CorrectionField[] = ['text', 'translation'];

/** The joining comma between phrases of the paragraph style. */
export const PHRASE_JOINER = '，';
/** A pause this long between two segments starts a new paragraph. */
export const PARAGRAPH_PAUSE_MS = 1500;
export const MAX_PHRASES_PER_PARAGRAPH = 20;
const SENTENCE_END = /[。！？!?.…]["'”’」』）)]*$/;

export function fieldText(segment: Segment, field: CorrectionField): string {
  return field === 'text' ? segment.source : segment.translation;
}

/** A segment's text as one line: inner line breaks become spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Which segments go together in one paragraph, as lists of segment indexes. Used by the export and
 * by the reimport, which rebuilds the exported text to align against.
 */
export function paragraphGroups(segments: readonly Segment[], field: CorrectionField): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let lastEnd: number | null = null;
  segments.forEach((segment, i) => {
    const text = oneLine(fieldText(segment, field));
    if (text === '') return;
    const pause = lastEnd !== null && segment.start !== null ? segment.start - lastEnd : 0;
    if (current.length > 0 && pause >= PARAGRAPH_PAUSE_MS) {
      groups.push(current);
      current = [];
    }
    current.push(i);
    lastEnd = segment.end;
    if (SENTENCE_END.test(text) || current.length >= MAX_PHRASES_PER_PARAGRAPH) {
      groups.push(current);
      current = [];
    }
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\r?\n/g, '\\n');
}

/** The correction text of `project` in `style`, with LF line endings. */
export function exportCorrectionText(project: Project, style: CorrectionStyle, field: CorrectionField): string {
  const { segments } = project;
  if (style === 'tsv') {
    const rows = segments.map((s) =>
      [
        s.id,
        s.start === null ? '' : formatTimestamp(s.start),
        s.end === null ? '' : formatTimestamp(s.end),
        escapeCell(fieldText(s, field)),
      ].join('\t'),
    );
    return `${['id', 'start', 'end', field].join('\t')}\n${rows.map((r) => `${r}\n`).join('')}`;
  }
  if (style === 'lines') return segments.map((s) => `${oneLine(fieldText(s, field))}\n`).join('');
  const title = oneLine(project.title);
  const head = title ? `# ${title}\n\n` : '';
  const body = paragraphGroups(segments, field)
    .map((g) => g.map((i) => oneLine(fieldText(segments[i] as Segment, field))).join(PHRASE_JOINER))
    .join('\n\n');
  return `${head}${body}${body ? '\n' : ''}`;
}
