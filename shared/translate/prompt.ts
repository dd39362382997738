import { languageName } from './language';
import type { ContextText, UnitBatch } from './plan';

/**
 * The requests sent to the model. The reply is asked for as one JSON object keyed by the ids
 * given (a sentence's id is its first segment's id), so it can be checked item by item.
 */

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface TermPair {
  readonly source: string;
  readonly target: string;
}

export interface Languages {
  readonly source: string;
  readonly translation: string;
}

/** The glossary pairs whose source term occurs in the text (a long glossary must not crowd the prompt). */
export function relevantTerms(terms: readonly TermPair[], texts: readonly string[]): TermPair[] {
  const haystack = texts.join('\n').toLowerCase();
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.source.trim().toLowerCase();
    if (key === '' || t.target.trim() === '' || seen.has(key) || !haystack.includes(key)) return false;
    seen.add(key);
    return true;
  });
}

const contextJson = (c: ContextText | null) =>
  c === null ? undefined : c.translation ? { source: c.source, translation: c.translation } : { source: c.source };

export function translateSystemPrompt(languages: Languages): string {
  const from = languageName(languages.source);
  const to = languageName(languages.translation);
  return [
    `You translate ${from} subtitles of a spoken talk into ${to}.`,
    'The input is JSON: "items", each with an "id" and a "text" that is one spoken sentence (it comes from speech recognition and may contain misheard words: translate what the speaker meant).',
    `"before" and "after", where present, are the neighbouring sentences, with their existing ${to} translation when there is one: read them for context and consistency, do not translate them.`,
    `"glossary" lists required translations of terms: use exactly these ${to} terms.`,
    `Translate every item into natural, concise ${to} fit for subtitles, one translation per item, faithful to its meaning; keep names of people and organisations.`,
    `Reply with one JSON object and nothing else: {"translations": {"<id>": "<${to} translation>", ...}} with exactly the ids of the items.`,
  ].join('\n');
}

/** The user message of one translation batch. */
export function translateRequest(batch: UnitBatch, terms: readonly TermPair[]): string {
  const units = batch.units;
  const items = units.map((u, k) => {
    const prev = units[k - 1];
    const next = units[k + 1];
    const first = u.indexes[0] as number;
    const last = u.indexes[u.indexes.length - 1] as number;
    // The neighbouring item is context enough when it is the very next text.
    const adjacentBefore = prev !== undefined && (prev.indexes[prev.indexes.length - 1] as number) + 1 === first;
    const adjacentAfter = next !== undefined && (next.indexes[0] as number) === last + 1;
    return {
      id: u.id,
      text: u.text,
      ...(adjacentBefore || !u.before ? {} : { before: contextJson(u.before) }),
      ...(adjacentAfter || !u.after ? {} : { after: contextJson(u.after) }),
    };
  });
  const glossary = relevantTerms(
    terms,
    units.flatMap((u) => [u.text, u.before?.source ?? '', u.after?.source ?? '']),
  );
  return JSON.stringify({ ...(glossary.length > 0 ? { glossary } : {}), items });
}

export function translateMessages(batch: UnitBatch, terms: readonly TermPair[], languages: Languages): ChatMessage[] {
  return [
    { role: 'system', content: translateSystemPrompt(languages) },
    { role: 'user', content: translateRequest(batch, terms) },
  ];
}
