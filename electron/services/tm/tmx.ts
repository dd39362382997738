import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ZimuError } from '../../../shared/ipc/errors';
import { type HostWarning, hostWarning, msg } from '../../../shared/ipc/messages';
import type { TmEntry, TmPair } from '../../../shared/tm/memory-index';
import { readFileBytes, writeFileAtomic } from '../files';
import { decodeText } from '../text-decode';
import { APP_VERSION } from '../version';
import type { LanguagePair } from './memory-store';

/**
 * TMX 1.4, the exchange format of CAT tools (Trados, memoQ, OmegaT): read with fast-xml-parser
 * (each <seg> taken raw, its inline codes — bpt, ept, ph, it, ut — dropped and the text kept),
 * written by hand (the format is small and the escaping is all there is to it).
 */

export interface TmxRead {
  readonly pairs: TmPair[];
  /** Translation units without both languages, and similar. */
  readonly skipped: number;
  readonly warnings: HostWarning[];
}

const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? '';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of a raw <seg>: inline native codes removed, other markup unwrapped, entities decoded. */
export function segText(raw: string): string {
  const noCodes = raw.replace(/<(bpt|ept|ph|it|ut)\b[^>]*?(?:\/>|>[\s\S]*?<\/\1\s*>)/gi, '');
  return decodeEntities(noCodes.replace(/<[^>]+>/g, '')).trim();
}

interface RawTuv {
  seg?: unknown;
  '@_xml:lang'?: string;
  '@_lang'?: string;
}

export function parseTmx(text: string, file: string, languages: LanguagePair): TmxRead {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ZimuError('parse-error', msg('tmx-invalid-xml', { reason: valid.err.msg }), {
      file,
      line: valid.err.line,
    });
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    stopNodes: ['*.seg'],
    isArray: (name) => name === 'tu' || name === 'tuv',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const doc = parser.parse(text) as { tmx?: { body?: { tu?: { tuv?: RawTuv[] }[] } | string } };
  if (!doc.tmx) throw new ZimuError('parse-error', msg('tmx-not-tmx'), { file });
  const body = typeof doc.tmx.body === 'object' ? doc.tmx.body : {};
  const source = primary(languages.source);
  const target = primary(languages.translation);
  const pairs: TmPair[] = [];
  let skipped = 0;
  let otherLanguages = 0;
  for (const tu of body.tu ?? []) {
    const tuvs = tu.tuv ?? [];
    const textOf = (lang: string) => {
      const tuv = tuvs.find((t) => primary(t['@_xml:lang'] ?? t['@_lang'] ?? '') === lang);
      return typeof tuv?.seg === 'string' ? segText(tuv.seg) : null;
    };
    const s = textOf(source);
    const t = textOf(target);
    if (s && t) pairs.push({ source: s, target: t });
    else {
      skipped++;
      if (tuvs.length > 0 && s === null && t === null) otherLanguages++;
    }
  }
  const warnings: TmxRead['warnings'] = [];
  if (skipped > 0) {
    const lacking = { count: skipped, source: languages.source, translation: languages.translation };
    const message =
      otherLanguages > 0
        ? msg('tmx-units-skipped-other', { ...lacking, otherLanguages })
        : msg('tmx-units-skipped', lacking);
    warnings.push(hostWarning(null, message));
  }
  return { pairs, skipped, warnings };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (text: string) => escapeXml(text).replace(/"/g, '&quot;');

/** TMX 1.4 date: YYYYMMDDThhmmssZ. */
function tmxDate(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function writeTmx(entries: Iterable<TmEntry>, languages: LanguagePair): string {
  const src = escapeAttr(languages.source);
  const tgt = escapeAttr(languages.translation);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Zimu" creationtoolversion="${escapeAttr(APP_VERSION)}" datatype="plaintext" segtype="sentence" adminlang="en" srclang="${src}" o-tmf="zimu-jsonl"/>`,
    '  <body>',
  ];
  for (const e of entries) {
    const date = e.updated > 0 ? ` changedate="${tmxDate(e.updated)}"` : '';
    out.push(
      `    <tu${date}>`,
      `      <tuv xml:lang="${src}"><seg>${escapeXml(e.source)}</seg></tuv>`,
      `      <tuv xml:lang="${tgt}"><seg>${escapeXml(e.target)}</seg></tuv>`,
      '    </tu>',
    );
  }
  out.push('  </body>', '</tmx>', '');
  return out.join('\n');
}

export async function readTmxFile(path: string, languages: LanguagePair): Promise<TmxRead> {
  return parseTmx(decodeText(await readFileBytes(path), path), path, languages);
}

export async function writeTmxFile(path: string, entries: Iterable<TmEntry>, languages: LanguagePair): Promise<void> {
  await writeFileAtomic(path, writeTmx(entries, languages));
}
