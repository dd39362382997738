import type { SubtitleFormat } from '../../../shared/formats/format';
import { safeSniff } from '../../../shared/formats/safe';
import { formatInfo } from '../../../shared/formats/table';
import { parseCueFile, sniffCueText } from './cue-read';
import { serializeCueFile } from './cue-write';

/**
 * WebVTT (.vtt), read and written through the npm `subtitle` package behind a tolerant pre-reader
 * (see cue-read.ts). `WEBVTT - title` gives the title; NOTE, STYLE and REGION blocks are skipped;
 * cue identifiers are accepted and dropped; cue settings (`line:0 align:start`…) are kept in the
 * segment's `extras.vtt.settings` and written back on VTT export; `<v Speaker>` becomes the segment's
 * speaker; tags are stripped and entities decoded. Export writes `WEBVTT - title` when the project
 * has a title, `<v Speaker>` when a segment has a speaker, and escapes `&`, `<`, `>`.
 */
export const vttFormat: SubtitleFormat = {
  ...formatInfo('vtt'),
  sniff: safeSniff((text) => sniffCueText(text, 'vtt')),
  parse: (text, options) => parseCueFile(text, 'vtt', options),
  serialize: (project, options) => serializeCueFile(project, options, 'vtt'),
};
