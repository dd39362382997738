import { z } from 'zod';
import { type HostMessage, msg } from '../ipc/messages';
import { looksLikeLanguage } from './language';

/**
 * Checking a model's reply before anything of it is used: valid JSON of the asked shape, exactly
 * the ids asked for, every text non-empty and in the right language. A reply that fails any check
 * is used not at all (the job retries or splits the batch).
 */

export type ReplyProblemKind = 'invalid-json' | 'missing-ids' | 'extra-ids' | 'empty-text' | 'wrong-language';

export interface ReplyProblem {
  readonly kind: ReplyProblemKind;
  /** What is wrong (shared/ipc/messages.ts). */
  readonly message: HostMessage;
  /** The ids concerned (missing, extra, empty or in the wrong language). */
  readonly ids: readonly string[];
}

export type ReplyCheck = { ok: true; texts: ReadonlyMap<string, string> } | { ok: false; problem: ReplyProblem };

const TextById = z.record(z.string(), z.string());
const TranslationsReply = z.union([z.object({ translations: TextById }), TextById]);
const FixesReply = z.union([z.object({ fixes: TextById }), TextById]);

/** The JSON object in a reply: fenced in ```json, or with words around it, as models sometimes send it. */
export function extractJson(reply: string): unknown {
  const text = reply.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidates = [text, fenced?.[1]?.trim() ?? '', text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)];
  for (const candidate of candidates) {
    if (!candidate.startsWith('{')) continue;
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

const shorten = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

function parseMap(reply: string, schema: typeof TranslationsReply | typeof FixesReply, key: 'translations' | 'fixes') {
  const data = extractJson(reply);
  if (data === undefined) {
    return {
      ok: false as const,
      problem: { kind: 'invalid-json' as const, message: msg('reply-not-json', { reply: shorten(reply) }), ids: [] },
    };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false as const,
      problem: { kind: 'invalid-json' as const, message: msg('reply-wrong-shape', { key }), ids: [] },
    };
  }
  const value = parsed.data as Record<string, unknown>;
  const map = (key in value && typeof value[key] === 'object' ? value[key] : value) as Record<string, string>;
  return { ok: true as const, map };
}

/** A translation reply for these ids: all of them, no others, each a non-empty text in `language`. */
export function checkTranslationReply(reply: string, ids: readonly string[], language: string): ReplyCheck {
  const parsed = parseMap(reply, TranslationsReply, 'translations');
  if (!parsed.ok) return parsed;
  const map = parsed.map;
  const asked = new Set(ids);
  const missing = ids.filter((id) => !Object.hasOwn(map, id));
  if (missing.length > 0)
    return {
      ok: false,
      problem: { kind: 'missing-ids', message: msg('reply-missing-ids', { ids: missing.join(', ') }), ids: missing },
    };
  const extra = Object.keys(map).filter((id) => !asked.has(id));
  if (extra.length > 0)
    return {
      ok: false,
      problem: { kind: 'extra-ids', message: msg('reply-extra-ids', { ids: extra.join(', ') }), ids: extra },
    };
  const empty = ids.filter((id) => (map[id] as string).trim() === '');
  if (empty.length > 0)
    return {
      ok: false,
      problem: { kind: 'empty-text', message: msg('reply-empty-translation', { ids: empty.join(', ') }), ids: empty },
    };
  const wrong = ids.filter((id) => !looksLikeLanguage(map[id] as string, language));
  if (wrong.length > 0) {
    return {
      ok: false,
      problem: {
        kind: 'wrong-language',
        message: msg('reply-wrong-language', {
          language,
          found: wrong.map((id) => `${id} "${shorten(map[id] as string)}"`).join(', '),
        }),
        ids: wrong,
      },
    };
  }
  return { ok: true, texts: new Map(ids.map((id) => [id, (map[id] as string).replace(/\s+/g, ' ').trim()])) };
}

/** A proofreading reply: fixes for some of these ids (none is fine), each still in the source language. */
export function checkFixesReply(reply: string, ids: readonly string[], language: string): ReplyCheck {
  const parsed = parseMap(reply, FixesReply, 'fixes');
  if (!parsed.ok) return parsed;
  const map = parsed.map;
  const asked = new Set(ids);
  const extra = Object.keys(map).filter((id) => !asked.has(id));
  if (extra.length > 0)
    return {
      ok: false,
      problem: { kind: 'extra-ids', message: msg('reply-extra-ids', { ids: extra.join(', ') }), ids: extra },
    };
  const given = ids.filter((id) => Object.hasOwn(map, id));
  const empty = given.filter((id) => (map[id] as string).trim() === '');
  if (empty.length > 0)
    return {
      ok: false,
      problem: { kind: 'empty-text', message: msg('reply-empty-text', { ids: empty.join(', ') }), ids: empty },
    };
  const wrong = given.filter((id) => !looksLikeLanguage(map[id] as string, language));
  if (wrong.length > 0)
    return {
      ok: false,
      problem: {
        kind: 'wrong-language',
        message: msg('reply-wrong-language', { language, found: wrong.join(', ') }),
        ids: wrong,
      },
    };
  return { ok: true, texts: new Map(given.map((id) => [id, (map[id] as string).trim()])) };
}
