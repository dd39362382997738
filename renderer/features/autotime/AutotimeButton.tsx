import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editor, useEditor } from '../../state/editor';
import { notices } from '../../state/notices';
import { useRuntime } from '../../state/runtime';
import { ToolButton } from '../../ui/controls';
import { AutotimeIcon } from './AutotimeIcon';
import { canAutotime, runAutotime } from './run-autotime';
import './autotime.css';

/**
 * "Auto-time untimed segments": shown while the document has untimed segments and media. While it
 * runs, the button is replaced by a progress indicator (the share of the audio read, when known).
 */
export function AutotimeButton() {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const available = useEditor((s) => canAutotime(s.doc));
  const untimed = useEditor((s) => s.doc?.project.segments.filter((seg) => seg.start === null).length ?? 0);
  /** Undefined when idle; null while running with no measure of progress yet. */
  const [progress, setProgress] = useState<number | null | undefined>(undefined);
  /** Stops the running job (its id is the renderer's, so at once). */
  const stop = useRef<AbortController | null>(null);

  if (progress !== undefined) {
    const percent = progress === null ? null : Math.round(progress * 100);
    return (
      <div
        className="autotime-progress"
        role="status"
        data-testid="autotime-progress"
        title={percent === null ? t('autotime.running') : t('autotime.reading', { percent })}
      >
        <span className="autotime-spinner" aria-hidden="true" />
        <span className="autotime-label">
          {percent === null ? t('autotime.running') : t('autotime.reading', { percent })}
        </span>
        <span className="autotime-bar" aria-hidden="true">
          <span style={{ width: `${percent ?? 0}%` }} />
        </span>
        <button
          type="button"
          className="autotime-cancel"
          data-testid="autotime-cancel"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => stop.current?.abort()}
        >
          {t('autotime.cancel')}
        </button>
      </div>
    );
  }
  if (!available) return null;
  return (
    <ToolButton
      icon={<AutotimeIcon />}
      label={t('autotime.button')}
      title={t('autotime.hint', { count: untimed })}
      testId="autotime-button"
      onClick={() => {
        setProgress(null);
        const controller = new AbortController();
        stop.current = controller;
        void runAutotime({ client, editor, notices }, setProgress, controller.signal).finally(() => {
          if (stop.current === controller) stop.current = null;
          setProgress(undefined);
        });
      }}
    />
  );
}
