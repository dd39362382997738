import type { Settings } from '../../shared/ipc/contract';

export type ThemeSetting = Settings['theme'];
export type ResolvedTheme = 'light' | 'dark';

export function resolveTheme(setting: ThemeSetting, systemPrefersDark: boolean): ResolvedTheme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
let stopFollowing: (() => void) | null = null;

/**
 * Put the theme on <html data-theme> (the CSS variables key on it). `system` follows the OS
 * setting, also when it changes while Zimu is open.
 */
export function applyTheme(setting: ThemeSetting): void {
  stopFollowing?.();
  stopFollowing = null;
  const root = document.documentElement;
  const query = window.matchMedia(DARK_QUERY);
  const apply = () => {
    root.dataset.theme = resolveTheme(setting, query.matches);
    root.dataset.themeSetting = setting;
  };
  apply();
  if (setting === 'system') {
    query.addEventListener('change', apply);
    stopFollowing = () => query.removeEventListener('change', apply);
  }
}
