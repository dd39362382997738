import { describe, expect, it } from 'vitest';
import { registryProblems } from '../../../shared/formats/registry-check';
import { FORMAT_TABLE } from '../../../shared/formats/table';
import { formats } from './registry';

describe('format registry', () => {
  it('agrees with the format table', () => {
    expect(registryProblems(formats)).toEqual([]);
    expect(formats.map((f) => f.id).sort()).toEqual(FORMAT_TABLE.map((r) => r.id).sort());
  });

  it('check reports a wrong registry: a missing row, a stray module, a twin and mismatched fields', () => {
    const srt = formats.find((f) => f.id === 'srt');
    const vtt = formats.find((f) => f.id === 'vtt');
    if (!srt || !vtt) throw new Error('srt and vtt are registered');
    const wrong = [
      ...formats.filter((f) => f.id !== 'lrc' && f.id !== 'vtt'),
      { ...vtt, label: 'Web VTT', extensions: ['.webvtt'], timed: false },
      srt,
      { ...srt, id: 'sbv' as never },
    ];
    const { serialize: _, ...importOnlyTxt } = formats.find((f) => f.id === 'txt') ?? srt;
    const problems = registryProblems([...wrong.filter((f) => f.id !== 'txt'), importOnlyTxt]);
    expect(problems).toEqual([
      'srt: registered 2 times',
      'vtt: label "Web VTT" is not the table\'s "WebVTT"',
      "vtt: extensions .webvtt are not the table's .vtt",
      'vtt: timed is false, the table says true',
      'lrc: in the format table but no format module is registered',
      'txt: the table says it exports but it has no serialize',
      'sbv: registered but not in the format table',
    ]);
  });
});
