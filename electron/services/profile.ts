import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where settings live: the same folder Electron's `userData` uses for an app named Zimu, so the
 * desktop app and the browser host share settings and recent files.
 */
export function defaultProfileDir(): string {
  if (process.env.ZIMU_PROFILE_DIR) return process.env.ZIMU_PROFILE_DIR;
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Zimu');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Zimu');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Zimu');
}

/** The OS locale as Node sees it (LANG/LC_ALL on Linux). */
export function systemLocale(): string {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG;
  if (env && env !== 'C' && env !== 'POSIX') return env.split('.')[0]?.replace('_', '-') ?? 'en';
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
