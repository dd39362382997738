import { type CorrectionField, fieldText, oneLine, PHRASE_JOINER, paragraphGroups } from '../correction/export-text';
import { ZimuError } from '../ipc/errors';
import { type HostWarning, hostWarning, msg } from '../ipc/messages';
import type { Flag, Project, Segment, SegmentId } from '../model/types';
import { alignTexts } from './align';
import { type CorrectedInput, type CorrectedKind, parseCorrectedText } from './parse-input';

/**
 * A corrected text → proposed new texts for the segments of one field, to review before applying.
 * - TSV with ids: by id (an empty cell = unchanged; unknown ids are warned about).
 * - Numbered lines: by 1-based position (missing numbers = unchanged).
 * - Lines, as many as segments (or as non-empty segments): by position.
 * - Anything else (paragraphs, lines in another number): by alignment (./align.ts).
 * Segments whose placement is unsure (confidence below REVIEW_BELOW) are marked for review.
 */

export const REVIEW_BELOW = 0.6;

export type ReimportMode = 'by-id' | 'by-position' | 'aligned';

export interface ReimportChange {
  readonly id: SegmentId;
  /** Position of the segment in the project (0-based). */
  readonly index: number;
  readonly oldText: string;
  readonly newText: string;
  readonly confidence: number;
  readonly needsReview: boolean;
  /** The correction had no text for this segment: the old text is kept, to be looked at. */
  readonly missing: boolean;
}

/** A line of the corrected text that could not be used, and why. */
export type ReimportWarning = HostWarning;

export interface ReimportProposal {
  readonly field: CorrectionField;
  /** What the corrected text was; 'proofread': fixes a model proposed (shared/translate/proofread.ts). */
  readonly kind: CorrectedKind | 'proofread';
  readonly mode: ReimportMode;
  /** Segments whose text changes or that need review, in project order. */
  readonly changes: ReimportChange[];
  readonly segments: number;
  readonly warnings: ReimportWarning[];
}

interface Proposed {
  text: string;
  confidence: number;
  missing: boolean;
}

const certain = (text: string): Proposed => ({ text, confidence: 1, missing: false });

function byId(project: Project, input: Extract<CorrectedInput, { kind: 'tsv' }>, field: CorrectionField) {
  const proposed = new Map<number, Proposed>();
  const warnings: ReimportWarning[] = [];
  const index = new Map(project.segments.map((s, i) => [s.id, i]));
  for (const row of input.rows) {
    const i = index.get(row.id);
    if (i === undefined) {
      warnings.push(hostWarning(row.line, msg('correction-unknown-id', { id: row.id })));
      continue;
    }
    if (row.text !== null) proposed.set(i, certain(row.text));
    else proposed.set(i, certain(fieldText(project.segments[i] as Segment, field)));
  }
  return { proposed, warnings };
}

function byNumber(project: Project, input: Extract<CorrectedInput, { kind: 'numbered' }>) {
  const proposed = new Map<number, Proposed>();
  const warnings: ReimportWarning[] = [];
  for (const row of input.rows) {
    if (row.position < 1 || row.position > project.segments.length) {
      warnings.push(hostWarning(row.line, msg('correction-no-position', { position: row.position })));
      continue;
    }
    proposed.set(row.position - 1, certain(row.text));
  }
  return { proposed, warnings };
}

/** Indexes of the segments with text in `field`: what the paragraph and line exports carry. */
function nonEmpty(project: Project, field: CorrectionField): number[] {
  return project.segments.flatMap((s, i) => (oneLine(fieldText(s, field)) === '' ? [] : [i]));
}

const allIndexes = (project: Project) => project.segments.map((_, i) => i);
const nonBlank = (lines: readonly string[]) => lines.filter((l) => l !== '');

/** Dice coefficient of the two texts' character multisets: 1 = same characters, 0 = none shared. */
function characterOverlap(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const ch of a) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let shared = 0;
  let bLength = 0;
  for (const ch of b) {
    bLength++;
    const left = counts.get(ch) ?? 0;
    if (left > 0) {
      shared++;
      counts.set(ch, left - 1);
    }
  }
  const total = [...a].length + bLength;
  return total === 0 ? 1 : (2 * shared) / total;
}

/** Minimum overlap of every line with its segment for lines to be placed by position. */
const POSITION_OVERLAP = 0.4;

/**
 * As many lines as segments, and every line resembles its segment. Lines that merely number the
 * same (one pair merged, another line split) would shift every text in between: those are aligned.
 */
function linesMatch(project: Project, lines: readonly string[], field: CorrectionField, indexes: number[]): boolean {
  if (lines.length !== indexes.length) return false;
  return indexes.every((i, k) => {
    const old = oneLine(fieldText(project.segments[i] as Segment, field));
    const line = lines[k] as string;
    return old === line || old.length <= 2 || line === '' || characterOverlap(old, line) >= POSITION_OVERLAP;
  });
}

function aligned(project: Project, input: CorrectedInput, field: CorrectionField): Map<number, Proposed> {
  const indexes: number[] = [];
  const joiners: string[] = [];
  let body: string;
  if (input.kind === 'paragraphs') {
    const groups = paragraphGroups(project.segments, field);
    groups.forEach((group, g) => {
      group.forEach((i, k) => {
        if (indexes.length > 0) joiners.push(k === 0 && g > 0 ? '\n\n' : PHRASE_JOINER);
        indexes.push(i);
      });
    });
    body = input.body;
  } else if (input.kind === 'lines') {
    for (const i of nonEmpty(project, field)) {
      if (indexes.length > 0) joiners.push('\n');
      indexes.push(i);
    }
    body = input.lines.join('\n');
  } else throw new Error('aligned: ids and numbers are placed directly');
  const olds = indexes.map((i) => oneLine(fieldText(project.segments[i] as Segment, field)));
  const { pieces } = alignTexts(olds, joiners, body);
  const proposed = new Map<number, Proposed>();
  pieces.forEach((p, k) => {
    proposed.set(indexes[k] as number, { text: p.text, confidence: p.confidence, missing: p.kept });
  });
  return proposed;
}

/** Propose new texts for `field` from a decoded corrected text. `file` names it in errors and warnings. */
export function proposeReimport(
  project: Project,
  corrected: string,
  field: CorrectionField,
  file: string,
): ReimportProposal {
  if (project.segments.length === 0) throw new ZimuError('invalid-argument', msg('correction-no-segments'), { file });
  const input = parseCorrectedText(corrected, field, file);
  let proposed: Map<number, Proposed>;
  let warnings: ReimportWarning[] = [];
  let mode: ReimportMode;
  if (input.kind === 'tsv') {
    ({ proposed, warnings } = byId(project, input, field));
    mode = 'by-id';
  } else if (input.kind === 'numbered') {
    ({ proposed, warnings } = byNumber(project, input));
    mode = 'by-position';
  } else if (input.kind === 'lines' && linesMatch(project, input.lines, field, allIndexes(project))) {
    proposed = new Map(input.lines.map((text, i) => [i, certain(text)]));
    mode = 'by-position';
  } else if (input.kind === 'lines' && linesMatch(project, nonBlank(input.lines), field, nonEmpty(project, field))) {
    const lines = nonBlank(input.lines);
    proposed = new Map(nonEmpty(project, field).map((i, k) => [i, certain(lines[k] as string)]));
    mode = 'by-position';
  } else {
    proposed = aligned(project, input, field);
    mode = 'aligned';
    if (proposed.size === 0) {
      // Nothing to align with (e.g. an untranslated project): say so rather than drop the text.
      const code = field === 'text' ? 'correction-nothing-to-align-source' : 'correction-nothing-to-align-translation';
      warnings.push(hostWarning(null, msg(code)));
    }
  }

  const changes: ReimportChange[] = [];
  project.segments.forEach((segment, index) => {
    const p = proposed.get(index);
    if (!p) return;
    const oldText = fieldText(segment, field);
    // Unchanged apart from the line breaks the one-line styles turned into spaces.
    const newText = p.text === oneLine(oldText) ? oldText : p.text;
    const emptied = newText.trim() === '' && oldText.trim() !== '';
    const needsReview = p.missing || emptied || p.confidence < REVIEW_BELOW;
    if (newText === oldText && !needsReview) return;
    changes.push({
      id: segment.id,
      index,
      oldText,
      newText,
      confidence: p.confidence,
      needsReview,
      missing: p.missing,
    });
  });
  return { field, kind: input.kind, mode, changes, segments: project.segments.length, warnings };
}

function withFlags(flags: readonly Flag[], add: readonly Flag[]): Flag[] {
  return [...flags, ...add.filter((f) => !flags.includes(f))];
}

/**
 * The project with the accepted changes applied (all when `accepted` is omitted): new text, flag
 * 'reimported' where the text changed, 'needs-review' where the placement was unsure. Pure.
 */
export function applyReimport(
  project: Project,
  proposal: Pick<ReimportProposal, 'field' | 'changes'>,
  accepted?: ReadonlySet<SegmentId>,
): Project {
  const byId = new Map(proposal.changes.filter((c) => !accepted || accepted.has(c.id)).map((c) => [c.id, c]));
  if (byId.size === 0) return project;
  const key = proposal.field === 'text' ? 'source' : 'translation';
  return {
    ...project,
    segments: project.segments.map((s) => {
      const change = byId.get(s.id);
      if (!change) return s;
      const flags: Flag[] = [];
      if (change.newText !== s[key]) flags.push('reimported');
      if (change.needsReview) flags.push('needs-review');
      return { ...s, [key]: change.newText, flags: withFlags(s.flags, flags) };
    }),
  };
}

/** How many segments an applied proposal changed and flagged. */
export function summarize(proposal: ReimportProposal): { changed: number; flagged: number } {
  return {
    changed: proposal.changes.filter((c) => c.newText !== c.oldText).length,
    flagged: proposal.changes.filter((c) => c.needsReview).length,
  };
}
