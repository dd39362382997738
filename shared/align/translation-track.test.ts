import { describe, expect, it } from 'vitest';
import { createProject } from '../model/project';
import { mergeTranslationTrack } from './translation-track';

const project = createProject({
  segments: [
    { start: 0, end: 2000, source: '尊敬的各位领导' },
    { start: 2000, end: 3500, source: '各位来宾' },
    { source: '未定时' },
    { start: 4000, end: 6000, source: '大家上午好' },
  ],
});

describe('mergeTranslationTrack', () => {
  it('matches by time overlap, not by index', () => {
    const cues = [
      { start: 2100, end: 3400, source: 'Dear guests' },
      { start: 50, end: 1900, source: 'Distinguished leaders' },
      { start: 4100, end: 5000, source: 'Good morning,' },
      { start: 5000, end: 5900, source: 'everyone' },
    ];
    const r = mergeTranslationTrack(project, cues);
    expect(r.project.segments.map((s) => s.translation)).toEqual([
      'Distinguished leaders',
      'Dear guests',
      '',
      'Good morning,\neveryone',
    ]);
    expect(r.matched).toBe(3);
    expect(r.unmatchedCues).toBe(0);
  });

  it('gives a cue spanning two segments to the one it overlaps most', () => {
    const r = mergeTranslationTrack(project, [{ start: 1500, end: 3300, source: 'Guests' }]);
    expect(r.project.segments[1]?.translation).toBe('Guests');
    expect(r.project.segments[0]?.translation).toBe('');
  });

  it('counts cues that overlap nothing and leaves text untouched', () => {
    const r = mergeTranslationTrack(project, [{ start: 9000, end: 9500, source: 'Applause' }, { source: 'untimed' }]);
    expect(r.unmatchedCues).toBe(1);
    expect(r.project.segments).toEqual(project.segments);
  });
});
