import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { CallResult } from '../../shared/ipc/contract';
import { fsError } from './files';

/** One folder's entries for the in-app picker: folders first, hidden entries left out. */
export async function listFolder(dir?: string): Promise<CallResult<'fs.list'>> {
  const abs = resolve(dir ?? homedir());
  let dirents: import('node:fs').Dirent[];
  try {
    dirents = await fs.readdir(abs, { withFileTypes: true });
  } catch (err) {
    throw fsError(err, abs, 'fs-action-list-folder');
  }
  const entries = dirents
    .filter((d) => !d.name.startsWith('.') && (d.isDirectory() || d.isFile()))
    .map((d) => ({
      name: d.name,
      path: join(abs, d.name),
      kind: d.isDirectory() ? ('dir' as const) : ('file' as const),
    }))
    .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
  const parent = dirname(abs);
  return { dir: abs, parent: parent === abs ? null : parent, entries };
}
