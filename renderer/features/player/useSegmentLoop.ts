import { useEffect } from 'react';
import type { SegmentId } from '../../../shared/model/types';
import { editor } from '../../state/editor';
import { playback, seek, useMediaElement } from '../../state/playback';
import { loopSeeked, loopTick } from './loop';

/**
 * While `enabled`, playback running past the end of the segment it was playing jumps back to that
 * segment's start. Seeks (the element is `seeking` right after one) and pauses only retarget.
 */
export function useSegmentLoop(enabled: boolean): void {
  const element = useMediaElement();
  useEffect(() => {
    if (!enabled || !element) return;
    let targetId: SegmentId | null = null;
    const onTime = () => {
      const project = editor.get().doc?.project;
      if (!project) return;
      const { playing, timeMs } = playback.get();
      if (!playing || element.seeking) {
        targetId = loopSeeked(project, timeMs);
        return;
      }
      const step = loopTick(project, targetId, timeMs);
      targetId = step.targetId;
      if (step.seekTo !== null) seek(step.seekTo);
    };
    onTime();
    return playback.subscribe(onTime);
  }, [enabled, element]);
}
