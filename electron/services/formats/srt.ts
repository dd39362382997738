import type { SubtitleFormat } from '../../../shared/formats/format';
import { safeSniff } from '../../../shared/formats/safe';
import { formatInfo } from '../../../shared/formats/table';
import { parseCueFile, sniffCueText } from './cue-read';
import { serializeCueFile } from './cue-write';

/**
 * SubRip (.srt), read and written through the npm `subtitle` package behind a tolerant pre-reader
 * (see cue-read.ts): BOM, CR/CRLF, missing or wrong cue numbers, `,` or `.` before 1–3 digit
 * fractions, hours above 99, arrow typos, blank lines inside cue text; tags and `{\an8}` stripped.
 */
export const srtFormat: SubtitleFormat = {
  ...formatInfo('srt'),
  sniff: safeSniff((text) => sniffCueText(text, 'srt')),
  parse: (text, options) => parseCueFile(text, 'srt', options),
  serialize: (project, options) => serializeCueFile(project, options, 'srt'),
};
