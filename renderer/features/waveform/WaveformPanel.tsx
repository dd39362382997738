import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaInfo } from '../../../shared/ipc/contract';
import type { SegmentId } from '../../../shared/model/types';
import { formatTimestamp } from '../../../shared/time/timestamp';
import { editor } from '../../state/editor';
import { errorDetail } from '../../state/notices';
import { useMediaElement } from '../../state/playback';
import { reveal } from '../../state/reveal';
import { useRuntime } from '../../state/runtime';
import { useStore } from '../../state/store';
import { offerZoom } from '../../state/zoom';
import { peaksSessionFor } from './peaks-session';
import { MINIMAP_AFTER_SEC, WaveformView, type WaveformViewState } from './waveform-view';
import { ZOOM_STEP } from './zoom';
import './waveform.css';

/**
 * The waveform of the document's media, between the player bar and the segment list: peaks from
 * the host (drawn as they are decoded), the segments as regions to click, drag and resize, and
 * zoom from the whole file to 1,000 px/s.
 */
export function WaveformPanel({ media }: { media: MediaInfo }) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const element = useMediaElement();
  // biome-ignore lint/correctness/useExhaustiveDependencies: one session per media id and track, whatever object carries them.
  const session = useMemo(() => peaksSessionFor(client, media), [client, media.id, media.audioTrack]);
  const state = useStore(session.store, (s) => s);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const rulerRef = useRef<HTMLCanvasElement>(null);
  const minimapRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<WaveformView | null>(null);
  const [view, setView] = useState<WaveformViewState>({ regions: 0, zoom: 0, dense: false, dragging: null });
  const long = media.durationMs / 1000 > MINIMAP_AFTER_SEC;
  const height = (media.video ? 160 : 84) - (long ? 24 : 0);

  useEffect(() => {
    const surface = surfaceRef.current;
    const ruler = rulerRef.current;
    if (!element || !surface || !ruler) return;
    const waveform = new WaveformView({
      surface,
      ruler,
      minimap: minimapRef.current,
      media: element,
      durationMs: media.durationMs,
      session,
      editor,
      height,
      onChange: setView,
      onRegionClick: revealRow,
      onCreated: focusNewRow,
    });
    viewRef.current = waveform;
    return () => {
      viewRef.current = null;
      waveform.destroy();
    };
  }, [element, session, media.durationMs, height]);

  // The zoom commands (= and −, also with Alt in text fields) reach this panel's view; zooming out
  // stops at the whole file.
  const zoomed = view.zoom > 0;
  useEffect(
    () =>
      offerZoom((direction) => {
        if (direction === 'in') viewRef.current?.zoomBy(ZOOM_STEP);
        else if (zoomed) viewRef.current?.zoomBy(1 / ZOOM_STEP);
      }),
    [zoomed],
  );

  const percent = state.progress === null ? null : Math.round(state.progress * 100);
  return (
    <section
      className="waveform"
      aria-label={t('waveform.label')}
      data-testid="waveform"
      data-state={state.status}
      data-cached={state.cached === null ? undefined : String(state.cached)}
      data-region-count={view.regions}
      data-zoom={view.zoom}
      data-dense={view.dense}
    >
      <div className="waveform-bar">
        <WaveformStatus
          status={state.status}
          percent={percent}
          error={state.error}
          onCancel={() => void session.cancel().catch(() => {})}
          onRetry={() => session.retry()}
        />
        {view.dragging ? (
          <span className="waveform-hint dragging">
            {formatTimestamp(view.dragging.start)} – {formatTimestamp(view.dragging.end)}
          </span>
        ) : (
          <span className={`waveform-hint${view.dense ? ' dense' : ''}`}>
            {view.dense ? t('waveform.denseHint') : t('waveform.hint')}
          </span>
        )}
        <fieldset className="waveform-zoom" aria-label={t('waveform.zoom')}>
          <ZoomButton
            label={t('waveform.zoomOut')}
            testId="zoom-out"
            disabled={view.zoom === 0}
            onClick={() => viewRef.current?.zoomBy(1 / ZOOM_STEP)}
          >
            −
          </ZoomButton>
          <ZoomButton label={t('waveform.zoomIn')} testId="zoom-in" onClick={() => viewRef.current?.zoomBy(ZOOM_STEP)}>
            +
          </ZoomButton>
          <button
            type="button"
            className="waveform-fit"
            aria-pressed={view.zoom === 0}
            title={t('waveform.zoomFitHint')}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => viewRef.current?.setZoom(0)}
          >
            {t('waveform.zoomFit')}
          </button>
        </fieldset>
      </div>
      <canvas className="waveform-ruler" ref={rulerRef} />
      <div className="waveform-surface" ref={surfaceRef} style={{ minHeight: height }} />
      {long ? <div className="waveform-minimap" ref={minimapRef} /> : null}
    </section>
  );
}

function WaveformStatus({
  status,
  percent,
  error,
  onCancel,
  onRetry,
}: {
  status: string;
  percent: number | null;
  error: unknown;
  onCancel(): void;
  onRetry(): void;
}) {
  const { t } = useTranslation();
  if (status === 'loading' || status === 'decoding') {
    return (
      <div className="waveform-status" role="status">
        <span className="waveform-progress" aria-hidden="true">
          <span style={{ width: `${percent ?? 0}%` }} />
        </span>
        <span>{percent === null ? t('waveform.reading') : t('waveform.readingPercent', { percent })}</span>
        {/* The job has the session's own id: cancelling works before the decode reports. */}
        <button
          type="button"
          className="waveform-link"
          data-testid="waveform-cancel"
          onMouseDown={(event) => event.preventDefault()}
          onClick={onCancel}
        >
          {t('waveform.cancel')}
        </button>
      </div>
    );
  }
  if (status === 'cancelled' || status === 'failed') {
    return (
      <div className={`waveform-status${status === 'failed' ? ' failed' : ''}`} role="status">
        <span title={status === 'failed' ? errorDetail(error) : undefined}>
          {status === 'failed' ? t('waveform.failed') : t('waveform.cancelled')}
        </span>
        <button
          type="button"
          className="waveform-link"
          data-testid="waveform-retry"
          onMouseDown={(event) => event.preventDefault()}
          onClick={onRetry}
        >
          {status === 'failed' ? t('waveform.retry') : t('waveform.read')}
        </button>
      </div>
    );
  }
  return null;
}

function ZoomButton({
  label,
  testId,
  disabled,
  onClick,
  children,
}: {
  label: string;
  testId: string;
  disabled?: boolean;
  onClick(): void;
  children: string;
}) {
  return (
    <button
      type="button"
      className="waveform-zoom-button"
      aria-label={label}
      title={label}
      data-testid={testId}
      disabled={disabled}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** A region was clicked: bring its row into view (the click itself seeks, so the row is the playing one). */
function revealRow(id: SegmentId): void {
  reveal.request(id);
}

/** A segment was dragged out on the waveform: type its text next (the grid is virtualized: it scrolls there first). */
function focusNewRow(id: SegmentId): void {
  reveal.request(id, 'source');
}
