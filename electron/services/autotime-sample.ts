import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReferenceTiming } from '../../shared/autotime/evaluate';
import type { Project } from '../../shared/model/types';
import { loadProjectFile } from './project-store';

/**
 * The built-in sample as a test of automatic timing: its project with every time taken away, and
 * the true times of its phrases from timings.json (written by scripts/make-sample.mjs).
 *
 * Reference ends are where the speech ends: timings.json's end is the end of each espeak-ng clip,
 * which closes with ESPEAK_TAIL_MS of silence. A subtitle should leave the screen when the voice
 * stops, and that is also what the audio shows; the recorded clip end is reported beside it.
 */
export const ESPEAK_TAIL_MS = 320;

export interface AutotimeSample {
  /** The sample project, every segment untimed and flagged needs-timing. */
  untimed: Project;
  mediaPath: string;
  /** True speech start and end per segment. */
  speech: ReferenceTiming[];
  /** Start and recorded clip end (speech end + ESPEAK_TAIL_MS) per segment. */
  clips: ReferenceTiming[];
}

/** `path`: the sample's .zimu file (electron/sample/bv1uh4y1w77v-p1.zimu). */
export async function loadAutotimeSample(path: string): Promise<AutotimeSample> {
  const project = await loadProjectFile(path);
  const timings = JSON.parse(readFileSync(join(path, '..', 'timings.json'), 'utf8')) as {
    phrases: { text: string; start: number; end: number }[];
  };
  const clips = timings.phrases.map(({ start, end }) => ({ start, end }));
  const untimed: Project = {
    ...project,
    segments: project.segments.map((s) => ({ ...s, start: null, end: null, flags: ['needs-timing'] })),
  };
  return {
    untimed,
    mediaPath: project.media?.path ?? join(path, '..', 'bv1uh4y1w77v-p1.opus'),
    speech: clips.map((c) => ({ start: c.start, end: c.end - ESPEAK_TAIL_MS })),
    clips,
  };
}
