import type { FileCommand } from '../features/files/commands';

export type ShortcutAction = FileCommand | 'toggle-play';

/** The parts of a keydown (and of where it happened) that decide its shortcut. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  isComposing: boolean;
  /** macOS uses ⌘ where other systems use Ctrl. */
  mac: boolean;
  /** Focus is in a text field, select, button or other control that uses the key itself. */
  inControl: boolean;
  /** A modal dialog is open; it owns the keyboard. */
  modalOpen: boolean;
  /** The host's menus run the file commands (Electron); the page must not run them twice. */
  menuHandlesFileKeys: boolean;
}

export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.isComposing || input.modalOpen || input.altKey) return null;
  const primary = input.mac ? input.metaKey && !input.ctrlKey : input.ctrlKey && !input.metaKey;
  if (primary) {
    if (input.menuHandlesFileKeys) return null;
    switch (input.key.toLowerCase()) {
      case 'o':
        return input.shiftKey ? null : 'open';
      case 's':
        return input.shiftKey ? 'save-as' : 'save';
      case 'e':
        return input.shiftKey ? null : 'export';
      default:
        return null;
    }
  }
  if (input.key === ' ' && !input.ctrlKey && !input.metaKey && !input.shiftKey && !input.inControl) {
    return 'toggle-play';
  }
  return null;
}

/** How a shortcut is written on this system, for tooltips: `Ctrl+S` or `⌘S`. */
export function shortcutLabel(key: string, options: { mac: boolean; shift?: boolean }): string {
  const k = key.toUpperCase();
  if (options.mac) return `${options.shift ? '⇧' : ''}⌘${k}`;
  return `Ctrl+${options.shift ? 'Shift+' : ''}${k}`;
}
