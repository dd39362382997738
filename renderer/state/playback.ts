import { editor } from './editor';
import { createStore, useStore } from './store';

/**
 * Playback position, kept apart from the editor store: it changes every animation frame while
 * playing, and only the few components showing the time should wake up for it.
 */
export interface PlaybackState {
  readonly timeMs: number;
  readonly durationMs: number;
  readonly playing: boolean;
  /** Playback speed, 1 = normal (PLAYBACK_RATES). Kept across media files. */
  readonly rate: number;
  /** Loop the current segment: at its end, playback jumps back to its start. */
  readonly loopSegment: boolean;
}

export const playback = createStore<PlaybackState>({
  timeMs: 0,
  durationMs: 0,
  playing: false,
  rate: 1,
  loopSegment: false,
});

/** The speeds the player offers. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export function usePlayback<T>(selector: (state: PlaybackState) => T): T {
  return useStore(playback, selector);
}

/**
 * Milliseconds for a media element's currentTime. Floor, not round: for integer segment bounds,
 * `floor(t) >= start` exactly when `t >= start`, so the highlight agrees with the media element.
 */
export function secondsToMs(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds * 1000) : 0;
}

export function setPlaybackTime(ms: number): void {
  const s = playback.get();
  if (s.timeMs !== ms) playback.set({ ...s, timeMs: ms });
  editor.updatePlayhead(ms);
}

export function setPlaying(playing: boolean): void {
  const s = playback.get();
  if (s.playing !== playing) playback.set({ ...s, playing });
}

export function setDuration(durationMs: number): void {
  const s = playback.get();
  if (s.durationMs !== durationMs) playback.set({ ...s, durationMs });
}

/** The media element the player shows, so other panels can seek without knowing the player. */
let mediaElement: HTMLMediaElement | null = null;
/** The same element for components that draw on it (waveform): they re-render when it changes. */
const mediaElementStore = createStore<HTMLMediaElement | null>(null);

export function attachMediaElement(element: HTMLMediaElement | null): void {
  mediaElement = element;
  if (element) applyRate(element, playback.get().rate);
  mediaElementStore.set(element);
}

/** Also the default rate: a reload of the source would otherwise fall back to 1×. */
function applyRate(element: HTMLMediaElement, rate: number): void {
  element.defaultPlaybackRate = rate;
  element.playbackRate = rate;
}

export function useMediaElement(): HTMLMediaElement | null {
  return useStore(mediaElementStore, (element) => element);
}

export function setPlaybackRate(rate: number): void {
  const s = playback.get();
  if (mediaElement) applyRate(mediaElement, rate);
  if (s.rate !== rate) playback.set({ ...s, rate });
}

export function setLoopSegment(loopSegment: boolean): void {
  const s = playback.get();
  if (s.loopSegment !== loopSegment) playback.set({ ...s, loopSegment });
}

export function hasMedia(): boolean {
  return mediaElement !== null;
}

export function seek(ms: number): void {
  if (mediaElement) mediaElement.currentTime = ms / 1000;
  setPlaybackTime(ms);
}

/** Start or pause; resolves once playback started (rejects when the media cannot play). */
export async function togglePlay(): Promise<void> {
  const media = mediaElement;
  if (!media) return;
  if (media.paused || media.ended) await media.play();
  else media.pause();
}
