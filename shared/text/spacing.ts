/**
 * A space between Chinese and Latin letters or digits (智源BAAI发布 → 智源 BAAI 发布), as house styles
 * that follow pangu.js ask for. pangu itself also spaces around brackets, quotes and colons, which
 * Chinese subtitles do not want, so this does only the one thing.
 */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const HAN_THEN_LATIN = new RegExp(`([${HAN}])([A-Za-z0-9@#$])`, 'g');
const LATIN_THEN_HAN = new RegExp(`([A-Za-z0-9%])([${HAN}])`, 'g');

export function spaceCjkLatin(text: string): string {
  return text.replace(HAN_THEN_LATIN, '$1 $2').replace(LATIN_THEN_HAN, '$1 $2');
}
