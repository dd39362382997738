import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/host-text';
import { notices, useNotices } from '../../state/notices';
import { CloseIcon, WarningIcon } from '../../ui/icons';
import { useFileCommands } from '../files/context';
import './status.css';

/** Failed calls, newest last, each until dismissed. Nothing here touches the document. */
export function ErrorBanner() {
  const { t } = useTranslation();
  const errors = useNotices((s) => s.errors);
  const commands = useFileCommands();
  if (errors.length === 0) return null;
  return (
    <div className="error-banners">
      {errors.map((e) => (
        <div key={e.id} className="error-banner" role="alert">
          <WarningIcon />
          <p>
            <strong>{t(`errors.${e.key}`)}</strong>
            <span className="error-detail">{errorText(e.error)}</span>
          </p>
          {e.action ? (
            <button
              type="button"
              className="button error-action"
              onClick={() => {
                const { path } = e.action ?? { path: '' };
                notices.dismiss(e.id);
                void commands.openWithEncoding(path);
              }}
            >
              {t('openEncoding.action')}
            </button>
          ) : null}
          <button
            type="button"
            className="error-dismiss"
            aria-label={t('errors.dismiss')}
            title={t('errors.dismiss')}
            onClick={() => notices.dismiss(e.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
