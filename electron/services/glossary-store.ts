import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseGlossaryCsv, serializeGlossaryCsv } from '../../shared/glossary/csv';
import { EMPTY_GLOSSARY, type Glossary, GlossarySchema } from '../../shared/glossary/model';
import { ZimuError } from '../../shared/ipc/errors';
import { type HostWarning, msg } from '../../shared/ipc/messages';
import { decodeBytes, encodeText } from './encoding';
import { fsError, readFileBytes, writeFileAtomic } from './files';

/**
 * The user's reusable glossary, `<profile>/glossary.json` (the same JSON shape as a project's
 * `glossary` field), and glossary CSV files for spreadsheets.
 */
export const USER_GLOSSARY_FILE = 'glossary.json';

export async function readUserGlossary(profileDir: string): Promise<Glossary> {
  const file = join(profileDir, USER_GLOSSARY_FILE);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_GLOSSARY;
    throw fsError(err, file, 'fs-action-read-glossary');
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ZimuError('parse-error', msg('glossary-invalid-json', { reason: (err as Error).message }), { file });
  }
  const parsed = GlossarySchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const damaged = msg('glossary-damaged', { path: issue?.path.join('.') ?? '', reason: issue?.message ?? '' });
    throw new ZimuError('parse-error', damaged, { file });
  }
  return parsed.data;
}

export async function writeUserGlossary(profileDir: string, glossary: Glossary): Promise<Glossary> {
  const file = join(profileDir, USER_GLOSSARY_FILE);
  await fs.mkdir(profileDir, { recursive: true }).catch((err: unknown) => {
    throw fsError(err, file, 'fs-action-save-glossary');
  });
  await writeFileAtomic(file, `${JSON.stringify(glossary, null, 2)}\n`);
  return glossary;
}

/** A glossary CSV in any encoding Zimu detects (UTF-8 with or without BOM, GB18030, UTF-16…). */
export async function readGlossaryCsv(path: string): Promise<{ glossary: Glossary; warnings: HostWarning[] }> {
  const bytes = await readFileBytes(path);
  const { glossary, problems } = parseGlossaryCsv(decodeBytes(bytes, path).text);
  if (glossary.entries.length === 0 && problems.length === 0) {
    throw new ZimuError('parse-error', msg('glossary-no-rows'), { file: path });
  }
  return { glossary, warnings: [...problems] };
}

/** UTF-8 with a BOM: Excel opens it with the Chinese intact. */
export async function writeGlossaryCsv(path: string, glossary: Glossary): Promise<{ path: string; entries: number }> {
  await writeFileAtomic(path, encodeText(serializeGlossaryCsv(glossary), 'utf8-bom'));
  return { path, entries: glossary.entries.length };
}
