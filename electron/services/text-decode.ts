import { ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';

/**
 * Decode a text file's bytes. UTF-8 (with or without BOM) and UTF-16 with BOM for now;
 * anything else is refused with a clear error rather than shown as mojibake.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.indexOf(0) >= 0) throw new ZimuError('unreadable', msg('file-binary'), { file });
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ZimuError('unreadable', msg('file-not-utf8'), { file });
  }
}
