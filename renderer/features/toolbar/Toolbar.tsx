import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../app/runtime';
import { shortcutLabel } from '../../app/shortcuts';
import type { ThemeSetting } from '../../app/theme';
import { LANGUAGES, type Language } from '../../i18n/language';
import { useEditor } from '../../state/editor';
import { usePreferences } from '../../state/preferences';
import { Segmented, ToolButton } from '../../ui/controls';
import {
  ExportIcon,
  MoonIcon,
  OpenIcon,
  SaveAsIcon,
  SaveIcon,
  SunIcon,
  SystemIcon,
  TranslationIcon,
} from '../../ui/icons';
import { AutotimeButton } from '../autotime/AutotimeButton';
import './toolbar.css';

export function Toolbar() {
  const { t } = useTranslation();
  const { commands, setLanguage, setTheme } = useRuntime();
  const hasDoc = useEditor((s) => s.doc !== null);
  const language = usePreferences((s) => s.language);
  const theme = usePreferences((s) => s.theme);
  const mac = usePreferences((s) => s.info?.platform === 'darwin');
  const keys = (key: string, shift = false) => shortcutLabel(key, { mac, shift });

  return (
    <header className="toolbar">
      <div className="brand" aria-hidden="true">
        <span className="brand-mark">字</span>
        <span className="brand-name">Zimu</span>
      </div>
      <div className="toolbar-group">
        <ToolButton
          icon={<OpenIcon />}
          label={t('toolbar.open')}
          title={t('toolbar.openHint', { shortcut: keys('o') })}
          onClick={() => void commands.open()}
        />
        <ToolButton
          icon={<SaveIcon />}
          label={t('toolbar.save')}
          title={t('toolbar.saveHint', { shortcut: keys('s') })}
          disabled={!hasDoc}
          onClick={() => void commands.save()}
        />
        <ToolButton
          icon={<SaveAsIcon />}
          label={t('toolbar.saveAs')}
          title={t('toolbar.saveAsHint', { shortcut: keys('s', true) })}
          disabled={!hasDoc}
          onClick={() => void commands.saveAs()}
        />
        <span className="toolbar-divider" />
        <ToolButton
          icon={<TranslationIcon />}
          label={t('toolbar.importTranslation')}
          title={t('toolbar.importTranslationHint')}
          disabled={!hasDoc}
          onClick={() => void commands.importTranslation()}
        />
        <ToolButton
          icon={<ExportIcon />}
          label={t('toolbar.export')}
          title={t('toolbar.exportHint', { shortcut: keys('e') })}
          disabled={!hasDoc}
          onClick={() => void commands.exportCaptions()}
        />
        <AutotimeButton />
      </div>
      <div className="toolbar-spacer" />
      <Segmented<Language>
        label={t('toolbar.language')}
        value={language}
        options={LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
        onChange={(l) => void setLanguage(l)}
      />
      <Segmented<ThemeSetting>
        label={t('toolbar.theme')}
        value={theme}
        iconOnly
        options={[
          { value: 'light', label: t('toolbar.themeLight'), icon: <SunIcon /> },
          { value: 'dark', label: t('toolbar.themeDark'), icon: <MoonIcon /> },
          { value: 'system', label: t('toolbar.themeSystem'), icon: <SystemIcon /> },
        ]}
        onChange={(theme) => void setTheme(theme)}
      />
    </header>
  );
}
