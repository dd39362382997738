import { useTranslation } from 'react-i18next';
import type { MediaInfo } from '../../../shared/ipc/contract';
import { getSegment } from '../../../shared/model/project';
import { useEditor } from '../../state/editor';
import { createStore, useStore } from '../../state/store';
import { MediaElement } from '../player/Player';
import './video.css';

/** Which subtitle lines the preview shows; kept while the app runs. */
const lines = createStore({ source: true, translation: true });

/**
 * The video, 16:9, with the current segment over it as a viewer would see it: the source line
 * and the translation under it. The <video> here is the player's one media element.
 */
export function VideoPreview({ media }: { media: MediaInfo }) {
  const { t } = useTranslation();
  const show = useStore(lines, (s) => s);
  return (
    <section className="video-preview" aria-label={t('video.label')} data-testid="video-preview">
      <div className="video-box">
        <MediaElement key={media.id} media={media} className="video-element" />
        <SubtitleOverlay source={show.source} translation={show.translation} />
        <div className="video-toggles">
          <LineToggle
            label={t('video.source')}
            title={t('video.sourceHint')}
            testId="overlay-toggle-source"
            on={show.source}
            onToggle={() => lines.set({ ...lines.get(), source: !show.source })}
          />
          <LineToggle
            label={t('video.translation')}
            title={t('video.translationHint')}
            testId="overlay-toggle-translation"
            on={show.translation}
            onToggle={() => lines.set({ ...lines.get(), translation: !show.translation })}
          />
        </div>
      </div>
    </section>
  );
}

function SubtitleOverlay({ source, translation }: { source: boolean; translation: boolean }) {
  const segment = useEditor((s) => (s.doc && s.currentId ? getSegment(s.doc.project, s.currentId) : undefined));
  const sourceLang = useEditor((s) => s.doc?.project.languages.source ?? 'zh-CN');
  const translationLang = useEditor((s) => s.doc?.project.languages.translation ?? 'en');
  const sourceText = source ? segment?.source.trim() : '';
  const translationText = translation ? segment?.translation.trim() : '';
  return (
    <div className="video-overlay" data-testid="video-overlay">
      {sourceText ? (
        <p className="overlay-line overlay-source" lang={sourceLang} data-testid="overlay-source">
          <span>{sourceText}</span>
        </p>
      ) : null}
      {translationText ? (
        <p className="overlay-line overlay-translation" lang={translationLang} data-testid="overlay-translation">
          <span>{translationText}</span>
        </p>
      ) : null}
    </div>
  );
}

function LineToggle(props: { label: string; title: string; testId: string; on: boolean; onToggle(): void }) {
  return (
    <button
      type="button"
      className="video-toggle"
      aria-pressed={props.on}
      title={props.title}
      data-testid={props.testId}
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onToggle}
    >
      {props.label}
    </button>
  );
}
