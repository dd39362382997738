import { chineseWords, HAN_CHAR } from './words';

/**
 * Filler removal: 啊, 呃, 嗯 and the user's own fillers, taken out only where they stand as a word of
 * their own (never out of 啊哈 or 大家好啊, where the segmenter keeps them inside a word, nor out of an
 * exception such as 嗯哼), with the pause punctuation that went with them. Latin fillers (um, uh) are
 * matched as whole words. A line that would be left with nothing keeps its text.
 */
export interface FillerOptions {
  readonly fillers: readonly string[];
  readonly exceptions?: readonly string[];
}

const PAUSE = /^[，、,\s]+$/;
const END = /^[。！？!?.…]+$/;

export function removeFillers(text: string, options: FillerOptions): string {
  const cjk = options.fillers.filter((f) => HAN_CHAR.test(f));
  const latin = options.fillers.filter((f) => !HAN_CHAR.test(f) && f.trim() !== '');
  if (cjk.length === 0 && latin.length === 0) return text;
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

function isFillerToken(token: string, fillers: readonly string[]): boolean {
  if (fillers.includes(token)) return true;
  // 嗯嗯, 啊啊啊: one single-character filler said several times.
  const first = token.charAt(0);
  return token.length > 1 && fillers.includes(first) && [...token].every((c) => c === first);
}

function removeChineseFillers(line: string, fillers: readonly string[], exceptions: readonly string[]): string {
  // Characters covered by an exception are never removed.
  const protectedAt = new Uint8Array(line.length);
  for (const e of exceptions) {
    for (let at = line.indexOf(e); at >= 0; at = line.indexOf(e, at + 1)) protectedAt.fill(1, at, at + e.length);
  }
  const tokens = chineseWords(line);
  const drop = new Uint8Array(tokens.length);
  tokens.forEach((t, i) => {
    if (!isFillerToken(t.text, fillers) || protectedAt[t.index] === 1) return;
    drop[i] = 1;
    const after = tokens[i + 1];
    const before = tokens[i - 1];
    if (after && PAUSE.test(after.text)) drop[i + 1] = 1;
    else if (before && PAUSE.test(before.text) && (!after || END.test(after.text))) drop[i - 1] = 1;
  });
  if (!drop.includes(1)) return line;
  return tokens
    .filter((_, i) => drop[i] !== 1)
    .map((t) => t.text)
    .join('')
    .trim();
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
