import { trimmedLines } from '../../../shared/formats/format';
import type { CueFormat } from './cue-read';

/**
 * The text of one SRT or WebVTT cue: voice spans, inline tags, ASS overrides that SRT files carry,
 * and WebVTT entities, read (cleanCueText) and written (escapeVtt).
 */

/** `<v Speaker>` / `<v.class Speaker>`: the annotation is everything up to `>`. */
const VOICE = /<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>/gi;
const VOICE_END = /<\/v>/gi;
/** Ruby annotations (`<rt>`, `<rp>`) are dropped with their text when tags are stripped. */
const RUBY_TEXT = /<(rt|rp)>[\s\S]*?<\/\1>/gi;
/** In WebVTT every `<` starts a tag: `<i>`, `<c.class>`, `<lang en>`, `<00:00:01.000>`, … */
const VTT_TAG = /<[^>\n]*>/g;
/** SRT has no escaping, so only the tags players know are tags. */
const SRT_TAG = /<\/?(?:i|b|u|s|em|strong|font|span|c|ruby|rt|rp|lang)\b[^>\n]*>|<\d+(?::\d{1,2}){1,2}[.,]\d{1,3}>/gi;
/** ASS override blocks that SRT files often carry: `{\an8}`, `{\i1}`. */
const ASS_OVERRIDE = /\{\\[^}\n]*\}/g;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00A0',
  quot: '"',
  apos: "'",
  lrm: '\u200E',
  rlm: '\u200F',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Clean one cue's text: voice spans become speakers (always removed from the text), other tags are
 * stripped unless `keepTags`, WebVTT entities are decoded, lines are trimmed and empty ones dropped.
 */
export function cleanCueText(raw: string, format: CueFormat, keepTags: boolean): { text: string; speakers: string[] } {
  const speakers: string[] = [];
  let text = raw.replace(VOICE, (_, annotation: string | undefined) => {
    const name = (format === 'vtt' ? decodeEntities(annotation ?? '') : (annotation ?? '')).replace(/\s+/g, ' ').trim();
    if (name) speakers.push(name);
    return '';
  });
  text = text.replace(VOICE_END, '');
  if (!keepTags) {
    text = text.replace(RUBY_TEXT, '');
    text = format === 'vtt' ? text.replace(VTT_TAG, '') : text.replace(SRT_TAG, '').replace(ASS_OVERRIDE, '');
  }
  if (format === 'vtt') text = decodeEntities(text);
  return { text: trimmedLines(text).join('\n'), speakers };
}
