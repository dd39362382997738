import { describe, expect, it } from 'vitest';
import { createProject } from '../model/project';
import { exportCorrectionText, PARAGRAPH_PAUSE_MS, paragraphGroups } from './export-text';

const project = createProject({
  title: '智源大会',
  segments: [
    { start: 0, end: 1000, source: '尊敬的各位领导', translation: 'Dear leaders,' },
    { start: 1100, end: 2000, source: '各位来宾', translation: 'guests' },
    { start: 2100, end: 3000, source: '大家上午好。', translation: '' },
    { start: 3100, end: 4000, source: '', translation: 'orphan' },
    { start: 4100, end: 5000, source: '我是王仲远', translation: "I'm\nWang" },
    // A long pause before this one starts a paragraph although the previous phrase has no full stop.
    { start: 5000 + PARAGRAPH_PAUSE_MS, end: 8000, source: '具身\n智能', translation: 'Embodied AI' },
  ],
});

describe('exportCorrectionText', () => {
  it('writes the seed style: title, paragraphs of ，-joined phrases split at full stops and long pauses', () => {
    expect(exportCorrectionText(project, 'paragraphs', 'text')).toBe(
      '# 智源大会\n\n尊敬的各位领导，各位来宾，大家上午好。\n\n我是王仲远\n\n具身 智能\n',
    );
    expect(paragraphGroups(project.segments, 'text')).toEqual([[0, 1, 2], [4], [5]]);
  });

  it('leaves empty segments out of paragraphs but keeps their line in the line style', () => {
    expect(exportCorrectionText(project, 'lines', 'text')).toBe(
      '尊敬的各位领导\n各位来宾\n大家上午好。\n\n我是王仲远\n具身 智能\n',
    );
    expect(exportCorrectionText(project, 'lines', 'translation').split('\n')).toHaveLength(7);
  });

  it('writes a TSV with ids, times and escaped line breaks', () => {
    const tsv = exportCorrectionText(project, 'tsv', 'translation').split('\n');
    expect(tsv[0]).toBe('id\tstart\tend\ttranslation');
    expect(tsv[1]).toBe(`${project.segments[0]?.id}\t0:00:00.000\t0:00:01.000\tDear leaders,`);
    expect(tsv[5]).toBe(`${project.segments[4]?.id}\t0:00:04.100\t0:00:05.000\tI'm\\nWang`);
    expect(tsv).toHaveLength(project.segments.length + 2);
  });
});
