import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { MemoryIndex, type TmEntry, type TmPair } from '../../../shared/tm/memory-index';
import { fsError, writeFileAtomic } from '../files';

/**
 * The user-wide translation memory of one language pair: a plain append-only file of JSON lines
 * (`<profile>/memory/zh-CN_en.jsonl`, one {"s","t","u"} per pair, the last line of a source
 * winning) loaded into a MemoryIndex. Chosen over SQLite after measuring (docs/ARCHITECTURE.md, "Translation help"):
 * fuzzy lookup needs the in-memory index either way, a JSON-lines file loads faster than reading
 * the same rows back from SQLite, and it needs no native module (libsql, better-sqlite3), so it
 * runs unchanged in Electron, the browser host and the CLI. Appends are single writes of whole
 * lines; the file is rewritten (atomically) when superseded lines outnumber the live ones.
 */

export interface LanguagePair {
  readonly source: string;
  readonly translation: string;
}

export interface TranslationMemory {
  readonly file: string;
  readonly index: MemoryIndex;
  /** Lines that could not be read when loading (a damaged line does not cost the others). */
  readonly skippedLines: number;
  /** Add or update pairs; returns how many changed. Persisted before it resolves. */
  add(pairs: readonly TmPair[]): Promise<number>;
}

const safeTag = (tag: string) => tag.replace(/[^A-Za-z0-9-]/g, '_') || 'und';

export function memoryFile(profileDir: string, languages: LanguagePair): string {
  return join(profileDir, 'memory', `${safeTag(languages.source)}_${safeTag(languages.translation)}.jsonl`);
}

const line = (e: TmEntry) => `${JSON.stringify({ s: e.source, t: e.target, u: e.updated })}\n`;

export async function openTranslationMemory(profileDir: string, languages: LanguagePair): Promise<TranslationMemory> {
  const file = memoryFile(profileDir, languages);
  const index = new MemoryIndex();
  let lines = 0;
  let skippedLines = 0;
  let text = '';
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw fsError(err, file, 'fs-action-read-memory');
  }
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === '') continue;
    lines++;
    try {
      const row = JSON.parse(raw) as { s?: unknown; t?: unknown; u?: unknown };
      if (typeof row.s !== 'string' || typeof row.t !== 'string') throw new Error('not a pair');
      index.add({ source: row.s, target: row.t }, typeof row.u === 'number' ? row.u : 0);
    } catch {
      skippedLines++;
    }
  }

  let written = lines;
  async function compact(): Promise<void> {
    const body = [...index.all()].map(line).join('');
    await writeFileAtomic(file, body);
    written = index.size;
  }
  // Superseded lines (updated pairs) and damaged ones pile up: rewrite when they dominate.
  if (lines > 2 * index.size + 1000) await compact();

  return {
    file,
    index,
    skippedLines,
    async add(pairs) {
      const now = Date.now();
      const changed: TmEntry[] = [];
      for (const pair of pairs) {
        if (index.add(pair, now)) {
          const entry = index.exact(pair.source);
          if (entry) changed.push(entry);
        }
      }
      if (changed.length === 0) return 0;
      await fs.mkdir(join(profileDir, 'memory'), { recursive: true }).catch((err: unknown) => {
        throw fsError(err, file, 'fs-action-save-memory');
      });
      await fs.appendFile(file, changed.map(line).join('')).catch((err: unknown) => {
        throw fsError(err, file, 'fs-action-save-memory');
      });
      written += changed.length;
      if (written > 2 * index.size + 1000) await compact();
      return changed.length;
    },
  };
}
