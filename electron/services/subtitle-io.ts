import { extname } from 'node:path';
import { type NodeList, parseSync, stringifySync } from 'subtitle';
import type { CallArgs } from '../../shared/ipc/contract';
import { ZimuError } from '../../shared/ipc/errors';
import { createProject } from '../../shared/model/project';
import type { Project, Segment } from '../../shared/model/types';
import { splitBilingual } from '../../shared/text/script';

export type SubtitleFormat = 'srt' | 'vtt';
export type Layout = CallArgs<'project.export'>['layout'];

export function subtitleFormatOf(path: string): SubtitleFormat | null {
  const ext = extname(path).toLowerCase();
  return ext === '.srt' ? 'srt' : ext === '.vtt' ? 'vtt' : null;
}

/** SRT/WebVTT text → project, splitting bilingual cues into source and translation. */
export function importSubtitleText(text: string, file: string, title: string): Project {
  let nodes: NodeList;
  try {
    nodes = parseSync(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new ZimuError('parse-error', `not a valid subtitle file: ${message}`, { file });
  }
  const segments = nodes.flatMap((node) => {
    if (node.type !== 'cue') return [];
    const text = node.data.text.replace(/<[^>]+>/g, '').trim();
    return [{ start: Math.round(node.data.start), end: Math.round(node.data.end), ...splitBilingual(text) }];
  });
  return createProject({ title, segments });
}

function cueText(seg: Segment, layout: Layout): string {
  const src = seg.source.trim();
  const tr = seg.translation.trim();
  switch (layout) {
    case 'source':
      return src;
    case 'translation':
      return tr;
    case 'bilingual':
      return [src, tr].filter(Boolean).join('\n');
    case 'bilingual-translation-first':
      return [tr, src].filter(Boolean).join('\n');
  }
}

/** Project → SRT/WebVTT text. Untimed and empty cues are left out (players cannot show them). */
export function exportSubtitleText(
  project: Project,
  format: SubtitleFormat,
  layout: Layout,
): { text: string; cues: number } {
  const nodes: NodeList = [];
  for (const seg of project.segments) {
    const text = cueText(seg, layout);
    if (seg.start === null || seg.end === null || text === '') continue;
    nodes.push({ type: 'cue', data: { start: seg.start, end: seg.end, text } });
  }
  const out = stringifySync(nodes, { format: format === 'srt' ? 'SRT' : 'WebVTT' });
  return { text: out, cues: nodes.length };
}
