import { safeStorage } from 'electron';
import type { KeyCipher } from '../services/translate/key-store';

/**
 * API keys encrypted by the OS keychain (Keychain, DPAPI, libsecret/kwallet). Where Linux has no
 * keyring, safeStorage falls back to a hard-coded password ('basic_text'): no better than the 0600
 * file, so it counts as unavailable and the key store says "file".
 */
export const safeStorageCipher: KeyCipher = {
  isAvailable: () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (data) => safeStorage.decryptString(data),
};
