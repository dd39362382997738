import type { FileFilter } from '../../../shared/formats/table';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { MediaRegistry } from '../media-registry';
import type { SettingsStore } from '../settings';
import type { KeyCipher } from '../translate/key-store';

export type DialogFilter = FileFilter;

/** Native file dialogs, where the host has them (Electron). */
export interface NativeDialogs {
  open(filter: DialogFilter): Promise<string | null>;
  save(filter: DialogFilter, defaultPath: string): Promise<string | null>;
}

/** What a host supplies to the services: the only things that differ between Electron and the web. */
export interface HostDeps {
  host: 'electron' | 'web';
  version: string;
  locale: string;
  /** The file to show at start: one named on the command line, else the sample; null = empty editor. */
  startupFile: string | null;
  /** Media named on the command line, opened with the startup document (or alone, in a new project). */
  startupMedia?: string | null;
  settings: SettingsStore;
  media: MediaRegistry;
  /** The URL under which this host serves a registered media id. */
  mediaUrl(id: string): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  dialogs: NativeDialogs | null;
  /** Explicit ffmpeg location (tests, settings); otherwise ZIMU_FFMPEG, the bundled one, or PATH. */
  ffmpegPath?: string;
  /** Derived files kept between sessions (waveform peaks, remuxes): `<profileDir>/cache`. */
  cacheDir: string;
  /** Where the user glossary lives; absent: the folder that holds cacheDir. */
  profileDir?: string;
  /** Encrypts API keys with the OS keychain (Electron's safeStorage); absent: a 0600 file. */
  keyCipher?: KeyCipher | null;
}
