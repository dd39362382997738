import type { Project, Side } from '../model/types';
import { textChange } from '../qa/changes';
import type { TextChange } from '../qa/types';
import { compileGlossary } from './compile';
import type { Glossary, GlossaryEntry } from './model';

/**
 * The glossary at work on segments: ASR fixes proposed per segment for a review list (applied all at
 * once with applyChanges, one undo step), and the term pairs to suggest while translating a segment.
 */

/** Segments whose text an ASR fix changes, with the new text (source side unless told). */
export function proposeAsrFixes(project: Project, glossary: Glossary, side: Side = 'source'): TextChange[] {
  const g = compileGlossary(glossary);
  const out: TextChange[] = [];
  for (const seg of project.segments) {
    if (!g.hasAsrError(seg[side])) continue;
    const change = textChange(project, seg.id, side, g.fixAsr(seg[side]), 'glossary-asr-fix');
    if (change) out.push(change);
  }
  return out;
}

/** A term to suggest for a segment: where it is in the text and whether the translation has it yet. */
export interface TermSuggestion {
  readonly source: string;
  readonly target: string;
  /** UTF-16 offset of the term's first occurrence in the source text. */
  readonly index: number;
  /** The translation already uses the glossary's English. */
  readonly used: boolean;
  readonly note?: string;
}

/** The glossary's terms found in a source text, in text order, for the translation field. */
export function suggestTerms(source: string, translation: string, glossary: Glossary): TermSuggestion[] {
  const g = compileGlossary(glossary);
  const terms: GlossaryEntry[] = g.termsIn(source);
  return terms
    .map((t) => ({
      source: t.source,
      target: t.target,
      index: source.toLowerCase().indexOf(t.source.toLowerCase()),
      used: g.translationHas(translation, t.target),
      ...(t.note ? { note: t.note } : {}),
    }))
    .sort((a, b) => a.index - b.index);
}
