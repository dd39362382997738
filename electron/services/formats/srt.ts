import type { SubtitleFormat } from '../../../shared/formats/format';
import { parseCueFile, serializeCueFile, sniffCueText } from './cue-text';

/**
 * SubRip (.srt), read and written through the npm `subtitle` package behind a tolerant pre-reader
 * (see cue-text.ts): BOM, CR/CRLF, missing or wrong cue numbers, `,` or `.` before 1–3 digit
 * fractions, hours above 99, arrow typos, blank lines inside cue text; tags and `{\an8}` stripped.
 */
export const srtFormat: SubtitleFormat = {
  id: 'srt',
  label: 'SubRip (SRT)',
  extensions: ['.srt'],
  timed: true,
  sniff(text) {
    try {
      return sniffCueText(text, 'srt');
    } catch {
      return 0;
    }
  },
  parse(text, options) {
    return parseCueFile(text, 'srt', options);
  },
  serialize(project, options) {
    return serializeCueFile(project, options, 'srt');
  },
};
