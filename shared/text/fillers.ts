import { chineseWordLookup, HAN_CHAR, type WordLookup } from './words';

/**
 * Filler removal: 啊, 呃, 嗯 and the user's own fillers, taken out only where they stand as a word of
 * their own (never out of 啊哈 or 大家好啊, where the segmenter keeps them inside a word, nor out of an
 * exception such as 嗯哼), with the pause punctuation that went with them. Latin fillers (um, uh) are
 * matched as whole words. A line that would be left with nothing keeps its text.
 *
 * A filler between punctuation (嗯，…) is plainly one; only a filler next to other characters asks
 * the word segmenter, and then only about the words at that place (listing a line's words costs
 * tens of microseconds, and the QA pass runs this on every line).
 */
export interface FillerOptions {
  readonly fillers: readonly string[];
  readonly exceptions?: readonly string[];
}

const PAUSE_CHAR = /[，、,\s]/;
const END_CHAR = /[。！？!?.…]/;
const BOUNDARY = /[\p{P}\s]/u;

interface Prepared {
  readonly cjk: readonly string[];
  readonly latin: readonly string[];
  /** Any filler at all, case-insensitively: most lines have none and stop here. */
  readonly any: RegExp | null;
}

/** The fillers sorted by script and one quick test for them, prepared once per filler list. */
const prepared = new WeakMap<readonly string[], Prepared>();
function prepare(fillers: readonly string[]): Prepared {
  let p = prepared.get(fillers);
  if (!p) {
    const usable = fillers.filter((f) => f.trim() !== '');
    const any = usable.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    p = {
      cjk: usable.filter((f) => HAN_CHAR.test(f)),
      latin: usable.filter((f) => !HAN_CHAR.test(f)),
      any: any === '' ? null : new RegExp(any, 'i'),
    };
    prepared.set(fillers, p);
  }
  return p;
}

export function removeFillers(text: string, options: FillerOptions): string {
  const { cjk, latin, any } = prepare(options.fillers);
  if (any === null || !any.test(text)) return text;
  const lines = text.split('\n');
  const out = lines.map((line) => {
    let next = line;
    if (cjk.length > 0 && cjk.some((f) => next.includes(f)))
      next = removeChineseFillers(next, cjk, options.exceptions ?? []);
    if (latin.length > 0) next = removeLatinFillers(next, latin);
    return next.trim() === '' || /^[\p{P}\s]*$/u.test(next) ? line : next;
  });
  return out.join('\n');
}

interface Span {
  start: number;
  end: number;
}

/** Occurrences of the fillers (a single-character filler said several times, 嗯嗯, is one), longest first. */
function occurrences(line: string, fillers: readonly string[]): Span[] {
  const sorted = [...fillers].sort((a, b) => b.length - a.length);
  const spans: Span[] = [];
  const taken = new Uint8Array(line.length);
  for (const f of sorted) {
    for (let at = line.indexOf(f); at >= 0; at = line.indexOf(f, at + 1)) {
      if (taken[at] === 1) continue;
      let end = at + f.length;
      if (f.length === 1) while (line.charAt(end) === f) end++;
      taken.fill(1, at, end);
      spans.push({ start: at, end });
      at = end - 1;
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Is line[start, end) a word of its own? Plain between punctuation; else ask the segmenter about it. */
function standsAlone(line: string, { start, end }: Span, words: () => WordLookup): boolean {
  const before = line.charAt(start - 1);
  const after = line.charAt(end);
  if ((before === '' || BOUNDARY.test(before)) && (after === '' || BOUNDARY.test(after))) return true;
  // The span must be whole words (嗯嗯, or 嗯 嗯 as two), none reaching outside it.
  let at = start;
  while (at < end) {
    const word = words().at(at);
    if (!word || word.index !== at || word.index + word.text.length > end) return false;
    at += word.text.length;
  }
  return true;
}

function removeChineseFillers(line: string, fillers: readonly string[], exceptions: readonly string[]): string {
  const protectedAt = new Uint8Array(line.length);
  for (const e of exceptions) {
    for (let at = line.indexOf(e); at >= 0; at = line.indexOf(e, at + 1)) protectedAt.fill(1, at, at + e.length);
  }
  const drop = new Uint8Array(line.length);
  let lookup: WordLookup | null = null;
  const words = () => {
    lookup ??= chineseWordLookup(line);
    return lookup;
  };
  for (const span of occurrences(line, fillers)) {
    if (protectedAt.subarray(span.start, span.end).includes(1) || !standsAlone(line, span, words)) continue;
    drop.fill(1, span.start, span.end);
    // The pause that went with it: a comma after it, else (at a sentence's end) the comma before it.
    let after = span.end;
    if (PAUSE_CHAR.test(line.charAt(after))) {
      while (PAUSE_CHAR.test(line.charAt(after))) drop[after++] = 1;
    } else if (after >= line.length || END_CHAR.test(line.charAt(after))) {
      let before = span.start - 1;
      while (before >= 0 && PAUSE_CHAR.test(line.charAt(before))) drop[before--] = 1;
    }
  }
  if (!drop.includes(1)) return line;
  let out = '';
  for (let i = 0; i < line.length; i++) if (drop[i] !== 1) out += line.charAt(i);
  return out.trim();
}

function removeLatinFillers(line: string, fillers: readonly string[]): string {
  const alternation = fillers.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const re = new RegExp(`(?<![A-Za-z0-9'])(?:${alternation})(?![A-Za-z0-9'])[,]?\\s*`, 'gi');
  if (!re.test(line)) return line;
  re.lastIndex = 0;
  return line
    .replace(re, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}
