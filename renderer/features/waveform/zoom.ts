/**
 * Waveform zoom, in CSS pixels per second of media. 0 means "the whole file fits the width"
 * (wavesurfer's minPxPerSec 0); zooming in goes up to MAX_PX_PER_SEC, where 10 ms is 10 px.
 */

export const MAX_PX_PER_SEC = 1000;
/** One key press or button click: this factor in or out. */
export const ZOOM_STEP = 1.5;

/** Pixels per second when the whole file fits `widthPx`. */
export function fitPxPerSec(widthPx: number, durationSec: number): number {
  return durationSec > 0 && widthPx > 0 ? widthPx / durationSec : 0;
}

/** The pixels per second a zoom value shows. */
export function effectivePxPerSec(zoom: number, fit: number): number {
  return zoom > 0 ? Math.max(zoom, fit) : fit;
}

/**
 * Zoom by `factor` (>1 in, <1 out) from `zoom`; anything at or below the fit width is 0 (fit), and
 * it never goes past MAX_PX_PER_SEC.
 */
export function zoomBy(zoom: number, factor: number, fit: number): number {
  const next = Math.min(MAX_PX_PER_SEC, effectivePxPerSec(zoom, fit) * factor);
  if (next <= fit * 1.001 || !Number.isFinite(next)) return 0;
  return Math.round(next * 1000) / 1000;
}

/** The zoom factor of one Ctrl+wheel event (deltaY in pixels; a mouse notch is about 100). */
export function wheelFactor(deltaY: number): number {
  return Math.exp(-Math.max(-400, Math.min(400, deltaY)) * 0.0025);
}

/** The scroll offset that keeps `anchorSec` at `anchorPx` from the left edge of the view. */
export function scrollForAnchor(anchorSec: number, anchorPx: number, pxPerSec: number): number {
  return Math.max(0, anchorSec * pxPerSec - anchorPx);
}
