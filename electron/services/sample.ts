import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** File name of the built-in sample project inside its folder. */
export const SAMPLE_PROJECT = 'bv1uh4y1w77v-p1.zimu';

/**
 * The sample's folder: ZIMU_SAMPLE_DIR, the packaged app's resources, or `electron/sample` found by
 * walking up from the running code (source files and the out/ build sit at different depths).
 */
export function findSampleProject(from: string, resourcesPath?: string): string | null {
  const candidates: string[] = [];
  if (process.env.ZIMU_SAMPLE_DIR) candidates.push(process.env.ZIMU_SAMPLE_DIR);
  if (resourcesPath) candidates.push(join(resourcesPath, 'sample'));
  for (let dir = from; ; dir = dirname(dir)) {
    candidates.push(join(dir, 'electron', 'sample'));
    if (dirname(dir) === dir) break;
  }
  for (const dir of candidates) {
    const file = join(dir, SAMPLE_PROJECT);
    if (existsSync(file)) return file;
  }
  return null;
}
