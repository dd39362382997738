import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZimuError } from '../../../shared/ipc/errors';
import { msg } from '../../../shared/ipc/messages';
import { i18next } from '../../i18n';
import type { Client } from '../../platform/client';
import { notices } from '../../state/notices';
import { preferences, usePreferences } from '../../state/preferences';
import { useRuntime } from '../../state/runtime';
import { ToolButton } from '../../ui/controls';
import type { FileCommands } from '../files/commands';
import { useFileCommands } from '../files/context';
import { basename, dirname } from '../files/paths';
import { refreshSettings, saveSettings } from '../settings/save';
import { RecentIcon } from './edit-icons';

/**
 * Open a recent file. A file that is gone is reported (naming it) and dropped from the list; the
 * check lists its folder first, so a missing file never reaches the open command's own error path.
 */
export async function openRecent(
  runtime: { client: Pick<Client, 'call'>; commands: Pick<FileCommands, 'openPath'> },
  path: string,
): Promise<void> {
  let exists = false;
  try {
    const listing = await runtime.client.call('fs.list', { dir: dirname(path) });
    exists = listing.entries.some((e) => e.kind === 'file' && e.name === basename(path));
  } catch {
    exists = false;
  }
  if (!exists) {
    const missing = msg('host-text', { text: i18next.t('edit.recentMissing') });
    notices.error('open', new ZimuError('not-found', missing, { file: path }));
    const recentFiles = preferences.get().recentFiles.filter((p) => p !== path);
    await saveSettings(runtime.client, { recentFiles });
    return;
  }
  await runtime.commands.openPath(path);
  await refreshSettings(runtime.client);
}

/** The list of recent files (empty state and the toolbar menu). */
export function RecentList({ onChosen }: { onChosen?: () => void }) {
  const { t } = useTranslation();
  const { client } = useRuntime();
  const commands = useFileCommands();
  const recent = usePreferences((s) => s.recentFiles);
  useEffect(() => {
    void refreshSettings(client);
  }, [client]);
  if (recent.length === 0) return onChosen ? <p className="recent-empty">{t('edit.noRecent')}</p> : null;
  return (
    <nav className="recent-list" aria-label={t('edit.recentTitle')}>
      {onChosen ? null : <h2>{t('edit.recentTitle')}</h2>}
      <ul>
        {recent.map((path) => (
          <li key={path}>
            <button
              type="button"
              className="recent-item"
              data-testid="recent-item"
              title={path}
              onClick={() => {
                onChosen?.();
                void openRecent({ client, commands }, path);
              }}
            >
              <span className="recent-name">{basename(path)}</span>
              <span className="recent-path">{dirname(path)}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "Open recent" in the toolbar: a button and its drop-down list. */
export function RecentMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node)) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="recent-menu" ref={ref}>
      <ToolButton
        icon={<RecentIcon />}
        label={t('edit.recent')}
        iconOnly
        testId="recent-menu"
        onClick={() => setOpen((o) => !o)}
      />
      {open ? (
        <div className="recent-popover" data-testid="recent-popover">
          <RecentList onChosen={() => setOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
