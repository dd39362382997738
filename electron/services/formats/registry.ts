import { assFormat } from '../../../shared/formats/ass';
import { bccFormat } from '../../../shared/formats/bcc';
import { csvFormat, tsvFormat } from '../../../shared/formats/delimited';
import type { FormatId, SubtitleFormat } from '../../../shared/formats/format';
import { lrcFormat } from '../../../shared/formats/lrc';
import { txtFormat } from '../../../shared/formats/plain-text';
import { whisperFormat } from '../../../shared/formats/whisper';
import { srtFormat } from './srt';
import { vttFormat } from './vtt';

/**
 * The format modules, one per row of the format table (shared/formats/table.ts), which says what
 * each one is called, its extensions and whether it exports. SRT and VTT live on the Node side (they
 * wrap the `subtitle` package); every other format is a pure module in shared/formats. Adding a
 * format = a row in the table and its module here; registry.test.ts checks they agree and the
 * conformance test loops over this list. Order matters only for equal sniff scores.
 */
export const formats: readonly SubtitleFormat[] = [
  srtFormat,
  vttFormat,
  assFormat,
  bccFormat,
  lrcFormat,
  whisperFormat,
  tsvFormat,
  csvFormat,
  txtFormat,
];

export function formatById(id: string): SubtitleFormat | undefined {
  return formats.find((f) => f.id === id);
}

/** Formats that can be written. */
export const exportFormats = formats.filter((f) => f.serialize !== undefined);

const EXTENSION_BONUS = 0.05;

/**
 * The format of `text`: the best sniff score, with a small bonus for a matching extension to break
 * near-ties (a .json file may be BCC or Whisper; the content decides). Null when nothing fits.
 */
export function detectFormat(text: string, fileName: string): { format: SubtitleFormat; score: number } | null {
  const lower = fileName.toLowerCase();
  let best: { format: SubtitleFormat; score: number } | null = null;
  for (const format of formats) {
    let score = format.sniff(text);
    if (score > 0 && format.extensions.some((ext) => lower.endsWith(ext))) score += EXTENSION_BONUS;
    if (!best || score > best.score) best = { format, score };
  }
  return best && best.score >= 0.05 ? best : null;
}

export type { FormatId };
