import { useTranslation } from 'react-i18next';
import { commandKeysLabel } from '../../../shared/commands/keymap';
import type { CommandId } from '../../../shared/commands/table';
import { LANGUAGES, type Language } from '../../i18n/language';
import { runCommand } from '../../state/commands';
import { useEditor } from '../../state/editor';
import { usePreferences } from '../../state/preferences';
import { useRuntime } from '../../state/runtime';
import type { ThemeSetting } from '../../state/theme';
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
import { CorrectionMenu } from '../correction/CorrectionMenu';
import { FindIcon, KeyboardIcon, RedoIcon, SettingsIcon, ShiftIcon, UndoIcon } from './edit-icons';
import { RecentMenu } from './RecentMenu';
import './toolbar.css';

export function Toolbar() {
  const { t } = useTranslation();
  const { setLanguage, setTheme } = useRuntime();
  const hasDoc = useEditor((s) => s.doc !== null);
  const language = usePreferences((s) => s.language);
  const theme = usePreferences((s) => s.theme);
  const mac = usePreferences((s) => s.info?.platform === 'darwin');
  const keymap = usePreferences((s) => s.keymap);
  const keys = (id: CommandId) => commandKeysLabel(keymap, id, mac);
  const canUndo = useEditor((s) => s.history.past.length > 0);
  const canRedo = useEditor((s) => s.history.future.length > 0);
  type HintKey =
    | 'edit.undoHint'
    | 'edit.redoHint'
    | 'edit.findHint'
    | 'edit.shiftTimesHint'
    | 'edit.shortcutsHint'
    | 'edit.settingsHint';
  const hint = (key: HintKey, id: CommandId) => t(key, { shortcut: keys(id) });
  const act = (id: CommandId) => () => runCommand(id);

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
          title={t('toolbar.openHint', { shortcut: keys('open') })}
          onClick={act('open')}
        />
        <RecentMenu />
        <ToolButton
          icon={<SaveIcon />}
          label={t('toolbar.save')}
          title={t('toolbar.saveHint', { shortcut: keys('save') })}
          disabled={!hasDoc}
          onClick={act('save')}
        />
        <ToolButton
          icon={<SaveAsIcon />}
          label={t('toolbar.saveAs')}
          title={t('toolbar.saveAsHint', { shortcut: keys('save-as') })}
          disabled={!hasDoc}
          onClick={act('save-as')}
        />
        <span className="toolbar-divider" />
        <ToolButton
          icon={<TranslationIcon />}
          label={t('toolbar.importTranslation')}
          title={t('toolbar.importTranslationHint')}
          disabled={!hasDoc}
          onClick={act('import-translation')}
        />
        <ToolButton
          icon={<ExportIcon />}
          label={t('toolbar.export')}
          title={t('toolbar.exportHint', { shortcut: keys('export') })}
          disabled={!hasDoc}
          onClick={act('export')}
        />
        <CorrectionMenu />
        <AutotimeButton />
        <span className="toolbar-divider" />
        <ToolButton
          icon={<UndoIcon />}
          label={t('edit.undo')}
          title={hint('edit.undoHint', 'undo')}
          iconOnly
          testId="undo"
          disabled={!canUndo}
          onClick={act('undo')}
        />
        <ToolButton
          icon={<RedoIcon />}
          label={t('edit.redo')}
          title={hint('edit.redoHint', 'redo')}
          iconOnly
          testId="redo"
          disabled={!canRedo}
          onClick={act('redo')}
        />
        <ToolButton
          icon={<FindIcon />}
          label={t('edit.find')}
          title={hint('edit.findHint', 'replace')}
          iconOnly
          testId="open-find"
          disabled={!hasDoc}
          onClick={act('replace')}
        />
        <ToolButton
          icon={<ShiftIcon />}
          label={t('edit.shiftTimes')}
          title={hint('edit.shiftTimesHint', 'shift-times')}
          iconOnly
          testId="shift-times"
          disabled={!hasDoc}
          onClick={act('shift-times')}
        />
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
      <ToolButton
        icon={<KeyboardIcon />}
        label={t('edit.shortcuts')}
        title={hint('edit.shortcutsHint', 'shortcuts')}
        iconOnly
        testId="open-shortcuts"
        onClick={act('shortcuts')}
      />
      <ToolButton
        icon={<SettingsIcon />}
        label={t('edit.settings')}
        title={hint('edit.settingsHint', 'settings')}
        iconOnly
        testId="open-settings"
        onClick={act('settings')}
      />
    </header>
  );
}
