import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chordLabel, chordOf } from '../../../shared/commands/chords';
import { findConflicts, type ShortcutOverrides } from '../../../shared/commands/keymap';
import { COMMAND_GROUPS, COMMAND_TABLE, type CommandId, commandSpec } from '../../../shared/commands/table';
import { LANGUAGES, type Language } from '../../i18n/language';
import { DEFAULT_QA_PROFILE, type QaProfile, usePreferences } from '../../state/preferences';
import { useRuntime } from '../../state/runtime';
import type { ThemeSetting } from '../../state/theme';
import { Modal } from '../../ui/Modal';
import { writeEncodingName } from '../files/EncodingNames';
import { EXPORT_FORMATS, LAYOUTS, loadExportOptions, WRITE_ENCODINGS } from '../files/export-options';
import '../shortcuts/shortcuts.css';
import { saveSettings } from './save';

/** Settings in sections: general, keyboard, quality checks, export defaults. Saved as they change. */
export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onCancel={onClose} className="settings-dialog">
      <header className="modal-header">
        <h2 id={titleId}>{t('edit.settingsDialog.title')}</h2>
      </header>
      <div className="modal-body settings-body" data-testid="settings-dialog">
        <GeneralSection />
        <ShortcutSection />
        <QualitySection />
        <ExportSection />
      </div>
      <footer className="modal-footer">
        <button type="button" className="tool-button primary" data-testid="settings-done" onClick={onClose}>
          {t('edit.settingsDialog.done')}
        </button>
      </footer>
    </Modal>
  );
}

function GeneralSection() {
  const { t } = useTranslation();
  const { setLanguage, setTheme } = useRuntime();
  const language = usePreferences((s) => s.language);
  const theme = usePreferences((s) => s.theme);
  const id = useId();
  return (
    <section className="settings-section">
      <h3>{t('edit.settingsDialog.general')}</h3>
      <div className="form-grid settings-grid">
        <label className="form-label" htmlFor={`${id}-lang`}>
          {t('edit.settingsDialog.language')}
        </label>
        <select
          id={`${id}-lang`}
          data-autofocus
          value={language}
          onChange={(e) => void setLanguage(e.currentTarget.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`language.${l}`)}
            </option>
          ))}
        </select>
        <label className="form-label" htmlFor={`${id}-theme`}>
          {t('edit.settingsDialog.theme')}
        </label>
        <select id={`${id}-theme`} value={theme} onChange={(e) => void setTheme(e.currentTarget.value as ThemeSetting)}>
          <option value="light">{t('toolbar.themeLight')}</option>
          <option value="dark">{t('toolbar.themeDark')}</option>
          <option value="system">{t('toolbar.themeSystem')}</option>
        </select>
      </div>
    </section>
  );
}

const sameChords = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((c, i) => c === b[i]);

function ShortcutSection() {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const overrides = usePreferences((s) => s.shortcuts);
  const keymap = usePreferences((s) => s.keymap);
  const mac = usePreferences((s) => s.info?.platform === 'darwin');
  const [recording, setRecording] = useState<CommandId | null>(null);
  const conflicts = useMemo(() => findConflicts(keymap), [keymap]);

  const change = (id: CommandId, chords: readonly string[]) => {
    const next: ShortcutOverrides = { ...overrides };
    if (sameChords(commandSpec(id).defaultChords, chords)) delete next[id];
    else next[id] = chords;
    void saveSettings(client, { shortcuts: next as Record<string, string[]> });
  };

  // While recording, the next chord is the new key (Escape cancels, and must not close the dialog).
  useEffect(() => {
    if (!recording) return;
    const onKeyDown = (event: KeyboardEvent) => {
      event.preventDefault();
      event.stopPropagation();
      if (event.key === 'Escape') {
        setRecording(null);
        return;
      }
      if (event.isComposing) return;
      const chord = chordOf(event, mac);
      if (!chord) return;
      const current = keymap.get(recording) ?? [];
      if (!current.includes(chord)) change(recording, [...current, chord]);
      setRecording(null);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  });

  const names = (ids: readonly CommandId[]) => ids.map((id) => t(`edit.actions.${id}`)).join(', ');

  return (
    <section className="settings-section">
      <h3>{t('edit.settingsDialog.shortcuts')}</h3>
      <p className="form-hint">{t('edit.settingsDialog.shortcutsNote')}</p>
      {COMMAND_GROUPS.map((group) => (
        <div key={group} className="shortcut-edit-group">
          <h4>{t(`edit.groups.${group}`)}</h4>
          {COMMAND_TABLE.filter((c) => c.group === group).map(({ id: action, defaultChords }) => {
            const chords = keymap.get(action) ?? [];
            const clashes = chords.flatMap((c) => (conflicts.get(c) ?? []).filter((a) => a !== action));
            return (
              <div key={action} className="shortcut-edit" data-testid="shortcut-row" data-action={action}>
                <span className="shortcut-edit-name">{t(`edit.actions.${action}`)}</span>
                <span className="shortcut-edit-keys">
                  {chords.map((chord) => (
                    <button
                      key={chord}
                      type="button"
                      className={`chord-button${conflicts.has(chord) ? ' is-conflict' : ''}`}
                      data-testid="chord"
                      title={t('edit.settingsDialog.remove', { keys: chordLabel(chord, mac) })}
                      aria-label={t('edit.settingsDialog.remove', { keys: chordLabel(chord, mac) })}
                      onClick={() =>
                        change(
                          action,
                          chords.filter((c) => c !== chord),
                        )
                      }
                    >
                      {chordLabel(chord, mac)} ×
                    </button>
                  ))}
                  <button
                    type="button"
                    className="link-button"
                    data-testid="add-shortcut"
                    aria-pressed={recording === action}
                    onClick={() => setRecording(recording === action ? null : action)}
                  >
                    {recording === action ? t('edit.settingsDialog.press') : t('edit.settingsDialog.add')}
                  </button>
                  {overrides[action] ? (
                    <button
                      type="button"
                      className="link-button"
                      data-testid="reset-shortcut"
                      onClick={() => change(action, defaultChords)}
                    >
                      {t('edit.settingsDialog.reset')}
                    </button>
                  ) : null}
                </span>
                {clashes.length > 0 ? (
                  <span className="shortcut-conflict" data-testid="conflict" role="alert">
                    {t('edit.settingsDialog.conflict', { actions: names([...new Set(clashes)]) })}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      ))}
      {Object.keys(overrides).length > 0 ? (
        <button type="button" className="tool-button" onClick={() => void saveSettings(client, { shortcuts: {} })}>
          {t('edit.settingsDialog.resetAll')}
        </button>
      ) : null}
    </section>
  );
}

const QA_FIELDS: readonly (keyof QaProfile)[] = [
  'maxCpsSource',
  'maxCpsTranslation',
  'maxLineLengthSource',
  'maxLineLengthTranslation',
  'minDurationMs',
  'maxDurationMs',
];

function QualitySection() {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const qa = usePreferences((s) => s.qaProfile);
  const id = useId();
  const set = (field: keyof QaProfile, raw: string) => {
    const value = Number(raw);
    const integer = field !== 'maxCpsSource' && field !== 'maxCpsTranslation';
    if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) return;
    void saveSettings(client, { qaProfile: { ...qa, [field]: value } });
  };
  return (
    <section className="settings-section">
      <h3>{t('edit.settingsDialog.quality')}</h3>
      <div className="form-grid settings-grid">
        {QA_FIELDS.map((field) => (
          <QaField
            key={`${field}:${qa[field]}`}
            id={`${id}-${field}`}
            label={t(`edit.settingsDialog.${field}`)}
            value={qa[field]}
            testId={`qa-${field}`}
            onCommit={(raw) => set(field, raw)}
          />
        ))}
      </div>
      <button
        type="button"
        className="tool-button"
        onClick={() => void saveSettings(client, { qaProfile: DEFAULT_QA_PROFILE })}
      >
        {t('edit.settingsDialog.qualityReset')}
      </button>
    </section>
  );
}

/** A number committed on blur or Enter (not on every keystroke: "1" on the way to "17" is not a limit). */
function QaField(props: { id: string; label: string; value: number; testId: string; onCommit(raw: string): void }) {
  const [draft, setDraft] = useState(String(props.value));
  return (
    <>
      <label className="form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="settings-number"
        data-testid={props.testId}
        type="number"
        min={0}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={() => props.onCommit(draft)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') props.onCommit(draft);
        }}
      />
    </>
  );
}

function ExportSection() {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const saved = usePreferences((s) => s.exportOptions);
  const options = useMemo(
    () => loadExportOptions({ getItem: () => (saved ? JSON.stringify(saved) : null), setItem: () => {} }),
    [saved],
  );
  const id = useId();
  const set = (patch: Partial<Record<'format' | 'layout' | 'encoding', string>>) =>
    void saveSettings(client, { exportOptions: { ...options, ...patch } });
  return (
    <section className="settings-section">
      <h3>{t('edit.settingsDialog.exportDefaults')}</h3>
      <p className="form-hint">{t('edit.settingsDialog.exportNote')}</p>
      <div className="form-grid settings-grid">
        <label className="form-label" htmlFor={`${id}-format`}>
          {t('export.format')}
        </label>
        <select
          id={`${id}-format`}
          data-testid="default-format"
          value={options.format}
          onChange={(e) => set({ format: e.currentTarget.value })}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {t(`export.formats.${f}`)}
            </option>
          ))}
        </select>
        <label className="form-label" htmlFor={`${id}-layout`}>
          {t('export.layout')}
        </label>
        <select id={`${id}-layout`} value={options.layout} onChange={(e) => set({ layout: e.currentTarget.value })}>
          {LAYOUTS.map((l) => (
            <option key={l} value={l}>
              {t(`export.layouts.${l}`)}
            </option>
          ))}
        </select>
        <label className="form-label" htmlFor={`${id}-encoding`}>
          {t('export.encoding')}
        </label>
        <select
          id={`${id}-encoding`}
          value={options.encoding}
          onChange={(e) => set({ encoding: e.currentTarget.value })}
        >
          {WRITE_ENCODINGS.map((enc) => (
            <option key={enc} value={enc}>
              {writeEncodingName(t, enc)}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
