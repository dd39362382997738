import type { Project, Segment } from '../model/types';
import type { ReimportChange, ReimportProposal } from '../reimport/reimport';
import { similarity } from '../tm/similarity';
import { languageName } from './language';
import { type TranslateScope, targetIndexes } from './plan';
import type { ChatMessage, Languages, TermPair } from './prompt';
import { joinPhrases } from './sentences';

/**
 * Proofreading the source text: the model proposes fixes of speech-recognition errors
 * (志愿大会 → 智源大会, 聚生 → 具身, skin low → scaling law) per segment, and the proposals go
 * through the reimport review dialog as a ReimportProposal of field 'text' — never applied unseen.
 */

export interface ProofreadItem {
  readonly id: string;
  readonly index: number;
  readonly text: string;
}

export interface ProofreadBatch {
  readonly index: number;
  readonly items: readonly ProofreadItem[];
  readonly before: string;
  readonly after: string;
}

const CONTEXT_SEGMENTS = 3;
export const PROOFREAD_BATCH_SEGMENTS = 30;
const PROOFREAD_BATCH_CHARS = 1200;
/** A proposal this different from the old text is a rewrite more than a fix: it is marked for review. */
const REWRITE_BELOW = 0.5;

/** Consecutive segments in scope (locked ones and empty ones left out), in batches with their context. */
export function proofreadBatches(
  project: Project,
  scope: TranslateScope,
  batchSegments = PROOFREAD_BATCH_SEGMENTS,
): ProofreadBatch[] {
  // Proofreading changes the source, so a translation is no reason to skip a segment.
  const targets = [...targetIndexes(project, scope.kind === 'untranslated' ? { kind: 'all' } : scope, true)].sort(
    (a, b) => a - b,
  );
  const segs = project.segments;
  const textOf = (i: number) => (segs[i] as Segment).source;
  const batches: ProofreadBatch[] = [];
  let items: ProofreadItem[] = [];
  let chars = 0;
  const flush = () => {
    if (items.length === 0) return;
    const first = (items[0] as ProofreadItem).index;
    const last = (items[items.length - 1] as ProofreadItem).index;
    const around = (from: number, to: number) =>
      joinPhrases(
        Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k)
          .filter((i) => i >= 0 && i < segs.length)
          .map(textOf),
      );
    batches.push({
      index: batches.length,
      items,
      before: around(first - CONTEXT_SEGMENTS, first),
      after: around(last + 1, last + 1 + CONTEXT_SEGMENTS),
    });
    items = [];
    chars = 0;
  };
  for (const i of targets) {
    const text = textOf(i);
    const previous = items[items.length - 1];
    const gap = previous !== undefined && previous.index + 1 !== i;
    if (items.length >= batchSegments || chars + text.length > PROOFREAD_BATCH_CHARS || gap) flush();
    items.push({ id: (segs[i] as Segment).id, index: i, text });
    chars += text.length;
  }
  flush();
  return batches;
}

export function proofreadSystemPrompt(languages: Languages): string {
  const lang = languageName(languages.source);
  return [
    `You proofread ${lang} subtitles produced by speech recognition.`,
    'The input is JSON: "items" (consecutive subtitle lines, each with an "id" and a "text"), with the text "before" and "after" them for context, and a "glossary" of correctly spelled terms that the talk may use.',
    'Fix only recognition errors: misheard words and homophones, wrongly recognised names and technical terms (use the glossary spelling), English terms recognised as other words. Do not rephrase, shorten, translate or restyle anything else, and keep each line a line.',
    'Reply with one JSON object and nothing else: {"fixes": {"<id>": "<the whole corrected line>"}}, listing only the lines you change ({"fixes": {}} when nothing needs fixing).',
  ].join('\n');
}

/** Glossary terms sent with each proofreading request: the correct spellings, which the text may lack. */
const MAX_PROOFREAD_TERMS = 200;

export function proofreadMessages(
  batch: ProofreadBatch,
  terms: readonly TermPair[],
  languages: Languages,
): ChatMessage[] {
  // Misheard terms are exactly the ones absent from the text: send the glossary's source terms whole.
  const glossary = [...new Set(terms.map((t) => t.source.trim()).filter((t) => t !== ''))].slice(
    0,
    MAX_PROOFREAD_TERMS,
  );
  const payload = {
    ...(glossary.length > 0 ? { glossary } : {}),
    ...(batch.before ? { before: batch.before } : {}),
    items: batch.items.map((i) => ({ id: i.id, text: i.text })),
    ...(batch.after ? { after: batch.after } : {}),
  };
  return [
    { role: 'system', content: proofreadSystemPrompt(languages) },
    { role: 'user', content: JSON.stringify(payload) },
  ];
}

/**
 * The fixes as the reimport review shows changes: by id, in project order, each with how close
 * the new text is to the old (a rewrite rather than a fix is marked for review).
 */
export function proofreadProposal(
  project: Project,
  fixes: ReadonlyMap<string, string>,
  warnings: ReimportProposal['warnings'] = [],
): ReimportProposal {
  const changes: ReimportChange[] = [];
  project.segments.forEach((s, index) => {
    const fixed = fixes.get(s.id);
    if (fixed === undefined || fixed === s.source) return;
    const confidence = similarity(s.source, fixed);
    changes.push({
      id: s.id,
      index,
      oldText: s.source,
      newText: fixed,
      confidence,
      needsReview: confidence < REWRITE_BELOW,
      missing: false,
    });
  });
  return { field: 'text', kind: 'proofread', mode: 'by-id', changes, segments: project.segments.length, warnings };
}
