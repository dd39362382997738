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
}

export const playback = createStore<PlaybackState>({ timeMs: 0, durationMs: 0, playing: false });

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

export function attachMediaElement(element: HTMLMediaElement | null): void {
  mediaElement = element;
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
