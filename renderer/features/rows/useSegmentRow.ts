import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Segment, SegmentId } from '../../../shared/model/types';
import { useEditor } from '../../state/editor';
import { useIsSelected } from '../../state/selection';
import { countRender } from './render-probe';
import { segmentOf, selectRowOnPress } from './row-shared';

/** The attributes every segment row puts on its <tr>: the list measures and finds rows by them. */
export interface SegmentRowProps {
  ref(element: HTMLElement | null): void;
  'data-index': number;
  'data-segment-id': SegmentId;
  'aria-current': 'true' | undefined;
  'aria-selected': boolean;
  onMouseDown(event: MouseEvent<HTMLElement>): void;
}

/**
 * What a row of the segment list (the grid's or the translation view's) reads and does: its own
 * segment from the store (so typing re-renders that row only), whether it is playing or selected,
 * and selection by a press outside its fields. Null segment: the row renders nothing (it was just
 * removed and the list has not caught up).
 */
export function useSegmentRow(
  id: SegmentId,
  index: number,
  measureRef: (element: HTMLElement | null) => void,
): { segment: Segment | undefined; n: number; t: ReturnType<typeof useTranslation>['t']; rowProps: SegmentRowProps } {
  countRender(`row:${id}`);
  const { t } = useTranslation();
  const segment = useEditor((s) => segmentOf(s, index, id));
  const current = useEditor((s) => s.currentId === id);
  const selected = useIsSelected(id);
  return {
    segment,
    n: index + 1,
    t,
    rowProps: {
      ref: measureRef,
      'data-index': index,
      'data-segment-id': id,
      'aria-current': current ? 'true' : undefined,
      'aria-selected': selected,
      onMouseDown: (event) => {
        if (segment) selectRowOnPress(event, segment);
      },
    },
  };
}
