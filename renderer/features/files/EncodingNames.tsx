import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { WriteEncoding } from './export-options';

const WRITE_ENCODING_NAMES: Record<Exclude<WriteEncoding, 'utf8-bom'>, string> = {
  utf8: 'UTF-8',
  gb18030: 'GB18030',
  gbk: 'GBK',
  big5: 'Big5',
};

/** "UTF-8", "GBK", "UTF-8 with BOM" (only that one is translated). */
export function writeEncodingName(t: TFunction, encoding: WriteEncoding): string {
  return encoding === 'utf8-bom' ? t('export.utf8Bom') : WRITE_ENCODING_NAMES[encoding];
}

export function useWriteEncodingName(encoding: WriteEncoding): string {
  const { t } = useTranslation();
  return writeEncodingName(t, encoding);
}

/** U+1F600 */
function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Characters that are invisible or blank on their own are shown by their code point instead. */
function visible(ch: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? ch : codePoint(ch);
}

/** Characters an encoding cannot write, each in its own box with its code point as the tooltip. */
export function CharacterList({
  characters,
  max = 80,
  testId,
}: {
  characters: readonly string[];
  max?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const shown = characters.slice(0, max);
  const more = characters.length - shown.length;
  return (
    <ul className="character-list" data-testid={testId}>
      {shown.map((ch) => (
        <li key={ch} title={codePoint(ch)} lang="zh">
          {visible(ch)}
        </li>
      ))}
      {more > 0 ? <li className="character-more">{t('export.moreCharacters', { count: more })}</li> : null}
    </ul>
  );
}
