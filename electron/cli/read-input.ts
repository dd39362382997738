import { extname } from 'node:path';
import { PROJECT_EXTENSION } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { type ImportedDocument, importFile } from '../services/documents';
import type { ReadEncoding } from '../services/encoding';
import { loadProjectFile } from '../services/project-store';

/** A .zimu project or any caption/transcript file, as the CLI reads it. */
export async function readInput(path: string, encoding?: ReadEncoding): Promise<ImportedDocument> {
  if (extname(path).toLowerCase() === PROJECT_EXTENSION) {
    const project: Project = await loadProjectFile(path);
    return {
      format: 'zimu' as ImportedDocument['format'],
      encoding: 'utf-8',
      encodingConfidence: 1,
      project,
      warnings: [],
    };
  }
  return importFile(path, encoding ? { encoding } : {});
}
