import type { Client } from '../../platform/client';
import type { PathPurpose } from '../files/commands';
import type { FileFilter } from '../files/paths';
import { modalUi } from '../files/requests';

/**
 * A path from the native dialog where the host has one, else the in-app picker (the browser host).
 * Null = cancelled. Throws when the dialog call fails.
 */
export async function askPath(
  client: Pick<Client, 'call'>,
  mode: 'open' | 'save',
  filter: FileFilter,
  defaultPath: string,
): Promise<string | null> {
  const answer =
    mode === 'open'
      ? await client.call('dialog.open', { filter })
      : await client.call('dialog.save', { filter, defaultPath });
  if (answer.supported) return answer.path;
  const purpose: PathPurpose = mode === 'open' ? 'open' : 'export';
  return modalUi.pickPath({ purpose, mode, filter, defaultPath });
}
