import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaInfo } from '../../../shared/ipc/contract';
import { editor } from '../../state/editor';
import { notices } from '../../state/notices';
import { useRuntime } from '../../state/runtime';

/**
 * Which audio track plays and draws the waveform, for files with several (a talk with the
 * original and an interpreter's track). Switching reopens the media with that track; the project
 * remembers the choice.
 */
export function AudioTrackSelect({ media }: { media: MediaInfo }) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const [busy, setBusy] = useState(false);
  if (media.audioTracks.length < 2) return null;

  const choose = async (audioTrack: number) => {
    const { docSerial } = editor.get();
    setBusy(true);
    try {
      editor.attachMedia(docSerial, await client.call('media.open', { path: media.path, audioTrack }));
    } catch (err) {
      notices.error('media', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <select
      className="player-track"
      data-testid="audio-track"
      aria-label={t('player.audioTrack')}
      title={t('player.audioTrack')}
      disabled={busy}
      value={String(media.audioTrack)}
      onChange={(event) => void choose(Number(event.currentTarget.value))}
    >
      {media.audioTracks.map((track, i) => (
        <option key={track.index} value={String(i)}>
          {t('player.trackName', {
            n: i + 1,
            details: [
              track.language === 'und' ? '' : track.language,
              track.codec,
              t('player.channels', { count: track.channels }),
            ]
              .filter(Boolean)
              .join(' · '),
          })}
        </option>
      ))}
    </select>
  );
}
