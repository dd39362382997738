/** A way to zoom the waveform, offered by the panel while it is on screen. */
export type Zoomer = (direction: 'in' | 'out') => void;

let current: Zoomer | null = null;

/** The waveform panel offers its zoom while mounted (there is none without media). Returns the withdrawal. */
export function offerZoom(zoomer: Zoomer): () => void {
  current = zoomer;
  return () => {
    if (current === zoomer) current = null;
  };
}

/** Zoom the waveform in or out, if one is on screen. */
export function zoomWaveform(direction: 'in' | 'out'): void {
  current?.(direction);
}
