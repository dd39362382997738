import { describe, expect, it } from 'vitest';
import { createProject } from '../../../shared/model/project';
import { LOOP_SLACK_MS, loopSeeked, loopTick } from './loop';

const project = createProject({
  segments: [
    { start: 1000, end: 2000, source: 'a' },
    { start: 2000, end: 4000, source: 'b' },
    { start: 5000, end: 5000, source: 'empty' },
    { source: 'untimed' },
  ],
});

describe('loop current segment', () => {
  it('targets the segment under the playhead', () => {
    expect(loopTick(project, null, 1500)).toEqual({ targetId: 's1', seekTo: null });
    expect(loopTick(project, null, 4500)).toEqual({ targetId: null, seekTo: null });
  });

  it('jumps back to the start when playback passes the end, also into the next segment', () => {
    expect(loopTick(project, 's1', 1999)).toEqual({ targetId: 's1', seekTo: null });
    expect(loopTick(project, 's1', 2000)).toEqual({ targetId: 's1', seekTo: 1000 });
    expect(loopTick(project, 's1', 2000 + LOOP_SLACK_MS - 1)).toEqual({ targetId: 's1', seekTo: 1000 });
  });

  it('lets go far past the end (a jump) and follows the new segment', () => {
    expect(loopTick(project, 's1', 2000 + LOOP_SLACK_MS + 10)).toEqual({ targetId: 's2', seekTo: null });
  });

  it('retargets after a seek, so a click on the next segment is not undone', () => {
    expect(loopSeeked(project, 2100)).toBe('s2');
    expect(loopTick(project, 's2', 2200)).toEqual({ targetId: 's2', seekTo: null });
    expect(loopSeeked(project, 4500)).toBe(null);
  });

  it('never loops an empty or vanished segment', () => {
    expect(loopTick(project, 's3', 5000)).toEqual({ targetId: null, seekTo: null });
    expect(loopTick(project, 'gone', 1500)).toEqual({ targetId: 's1', seekTo: null });
  });
});
