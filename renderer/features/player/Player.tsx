import { type CSSProperties, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaInfo } from '../../../shared/ipc/contract';
import { formatTimestamp } from '../../../shared/time/timestamp';
import { useEditor } from '../../state/editor';
import { notices } from '../../state/notices';
import {
  attachMediaElement,
  PLAYBACK_RATES,
  secondsToMs,
  seek,
  setDuration,
  setLoopSegment,
  setPlaybackRate,
  setPlaybackTime,
  setPlaying,
  togglePlay,
  usePlayback,
} from '../../state/playback';
import { ToolButton } from '../../ui/controls';
import { MediaIcon, PauseIcon, PlayIcon } from '../../ui/icons';
import { useFileCommands } from '../files/context';
import { AudioTrackSelect } from './AudioTrackSelect';
import { useSegmentLoop } from './useSegmentLoop';
import './player.css';

export function Player() {
  const { t } = useTranslation();
  const commands = useFileCommands();
  const hasDoc = useEditor((s) => s.doc !== null);
  const media = useEditor((s) => s.doc?.media ?? null);

  if (!hasDoc) return null;
  if (!media) {
    return (
      <section className="player player-empty" aria-label={t('player.label')}>
        <MediaIcon />
        <span className="player-note">{t('player.noMedia')}</span>
        <ToolButton label={t('player.chooseMedia')} onClick={() => void commands.linkMedia()} />
      </section>
    );
  }
  return (
    <section className="player" aria-label={t('player.label')}>
      {/* A new element per media file: no state from the last one leaks into it. A video is shown
          (and so owned) by the video preview beside the waveform: still the one element. */}
      {media.video ? null : <MediaElement key={media.id} media={media} />}
      <PlayButton />
      <TimeDisplay fallbackDurationMs={media.durationMs} />
      <Scrubber fallbackDurationMs={media.durationMs} />
      <SpeedSelect />
      <LoopToggle />
      <AudioTrackSelect media={media} />
    </section>
  );
}

/**
 * The <audio>/<video> element, wired to the playback store (timeupdate, plus every frame while
 * playing). The only one: the waveform draws over it and the video preview shows it.
 */
export function MediaElement({ media, className }: { media: MediaInfo; className?: string }) {
  const ref = useRef<HTMLMediaElement | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    attachMediaElement(element);
    setPlaying(false);
    setDuration(media.durationMs);
    setPlaybackTime(0);
    let frame = 0;
    const sync = () => setPlaybackTime(secondsToMs(element.currentTime));
    const tick = () => {
      sync();
      frame = element.paused ? 0 : requestAnimationFrame(tick);
    };
    const onPlay = () => {
      setPlaying(true);
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    const onPause = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      setPlaying(false);
      sync();
    };
    const onDuration = () => {
      if (Number.isFinite(element.duration)) setDuration(Math.round(element.duration * 1000));
    };
    const onError = () => {
      setPlaying(false);
      notices.error('playback', new Error(element.error?.message || `media error ${element.error?.code ?? ''}`));
    };
    const events: [string, () => void][] = [
      ['play', onPlay],
      ['pause', onPause],
      ['ended', onPause],
      ['timeupdate', sync],
      ['seeked', sync],
      ['durationchange', onDuration],
      ['loadedmetadata', onDuration],
      ['error', onError],
    ];
    for (const [name, fn] of events) element.addEventListener(name, fn);
    return () => {
      cancelAnimationFrame(frame);
      for (const [name, fn] of events) element.removeEventListener(name, fn);
      attachMediaElement(null);
      setPlaying(false);
    };
  }, [media.durationMs]);

  if (media.video) {
    return (
      // biome-ignore lint/a11y/useMediaCaption: the segment list beside the player is the live transcript.
      <video
        ref={(el) => {
          ref.current = el;
        }}
        className={className}
        data-testid="media"
        src={media.url}
        preload="auto"
        playsInline
      />
    );
  }
  return (
    // biome-ignore lint/a11y/useMediaCaption: the segment list beside the player is the live transcript.
    <audio
      ref={(el) => {
        ref.current = el;
      }}
      data-testid="media"
      src={media.url}
      preload="auto"
    />
  );
}

function SpeedSelect() {
  const { t } = useTranslation();
  const rate = usePlayback((s) => s.rate);
  return (
    <select
      className="player-speed"
      data-testid="playback-rate"
      aria-label={t('player.speed')}
      title={t('player.speed')}
      value={String(rate)}
      onChange={(event) => setPlaybackRate(Number(event.currentTarget.value))}
    >
      {PLAYBACK_RATES.map((r) => (
        <option key={r} value={String(r)}>
          {`${r}×`}
        </option>
      ))}
    </select>
  );
}

function LoopToggle() {
  const { t } = useTranslation();
  const on = usePlayback((s) => s.loopSegment);
  useSegmentLoop(on);
  return (
    <button
      type="button"
      className="player-loop"
      data-testid="loop-segment"
      aria-pressed={on}
      aria-label={t('player.loop')}
      title={t('player.loopHint')}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => setLoopSegment(!on)}
    >
      <LoopIcon />
      <span>{t('player.loop')}</span>
    </button>
  );
}

function LoopIcon() {
  return (
    <svg
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <path d="M3 7.5V6a2 2 0 0 1 2-2h7.5M10.5 1.8 12.7 4l-2.2 2.2M13 8.5V10a2 2 0 0 1-2 2H3.5M5.5 14.2 3.3 12l2.2-2.2" />
    </svg>
  );
}

function PlayButton() {
  const { t } = useTranslation();
  const playing = usePlayback((s) => s.playing);
  return (
    <button
      type="button"
      className="play-button"
      data-testid="play"
      aria-label={playing ? t('player.pause') : t('player.play')}
      title={`${playing ? t('player.pause') : t('player.play')} — ${t('player.spaceHint')}`}
      onClick={() => togglePlay().catch((err: unknown) => notices.error('playback', err))}
    >
      {playing ? <PauseIcon /> : <PlayIcon />}
    </button>
  );
}

function TimeDisplay({ fallbackDurationMs }: { fallbackDurationMs: number }) {
  const timeMs = usePlayback((s) => s.timeMs);
  const durationMs = usePlayback((s) => s.durationMs) || fallbackDurationMs;
  return (
    <div className="player-time">
      <span className="player-current">{formatTimestamp(timeMs)}</span>
      <span className="player-separator">/</span>
      <span className="player-duration">{formatTimestamp(durationMs)}</span>
    </div>
  );
}

function Scrubber({ fallbackDurationMs }: { fallbackDurationMs: number }) {
  const { t } = useTranslation();
  const timeMs = usePlayback((s) => s.timeMs);
  const durationMs = usePlayback((s) => s.durationMs) || fallbackDurationMs;
  const percent = durationMs > 0 ? Math.min(100, (timeMs / durationMs) * 100) : 0;
  return (
    <input
      type="range"
      className="player-scrubber"
      aria-label={t('player.position')}
      aria-valuetext={formatTimestamp(timeMs)}
      min={0}
      max={Math.max(durationMs, 1)}
      step={10}
      value={Math.min(timeMs, durationMs)}
      style={{ '--progress': `${percent}%` } as CSSProperties}
      onChange={(event) => seek(Number(event.currentTarget.value))}
    />
  );
}
