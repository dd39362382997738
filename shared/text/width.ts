import type { Script } from './count';

/**
 * Full-width / half-width normalisation, as Chinese subtitle style wants it: letters and digits are
 * half-width everywhere (ＧＰＴ４ → GPT4); in Chinese text a decimal point or time colon that the
 * recogniser wrote full-width is half-width (1。8万亿 → 1.8万亿, 10：30 → 10:30), and ASCII punctuation
 * after a Chinese character is full-width (你好,世界 → 你好，世界); in English text full-width
 * punctuation becomes ASCII (Hello，world → Hello, world).
 */
export function normaliseWidth(text: string, script: Script): string {
  // Full-width letters and digits (U+FF10–FF19, FF21–FF3A, FF41–FF5A) → ASCII, on both sides.
  let out = text.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  if (script === 'cjk') return normaliseChinese(out);
  // Full-width punctuation → ASCII; sentence punctuation gets the space English puts after it.
  out = out
    .replace(/[\uff01-\uff5e\u3000。、]/g, (c: string, at: number, all: string) => {
      const ascii =
        c === '。' ? '.' : c === '、' ? ',' : c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0);
      const next = all.charAt(at + 1);
      const before = all.charAt(at - 1);
      if (/[,.!?:;)]/.test(ascii) && /[A-Za-z0-9(\uff08]/.test(next)) return `${ascii} `;
      if (ascii === '(' && /[A-Za-z0-9.,!?]/.test(before)) return ` ${ascii}`;
      return ascii;
    })
    .replace(/ {2,}/g, ' ')
    .replace(/ +$/gm, '');
  return out;
}

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const ALNUM = 'A-Za-z0-9';
const TO_FULL: Readonly<Record<string, string>> = { ',': '，', '?': '？', '!': '！', ':': '：', ';': '；', '.': '。' };

// Built once: the QA pass runs this on every Chinese line.
const DECIMAL_POINT = /(?<=\d)[。．](?=\d)/g;
const TIME_COLON = /(?<=\d)：(?=\d)/g;
const FULL_INSIDE_ALNUM = new RegExp(
  `(?<=[${ALNUM}])[\\uff02-\\uff0b\\uff0d-\\uff0f\\uff1c-\\uff1e\\uff20\\uff3b-\\uff40\\uff5b-\\uff5e](?=[${ALNUM}])`,
  'g',
);
const ASCII_AFTER_HAN = new RegExp(`(?<=[${HAN}])([,?!:;]|\\.(?![.${ALNUM}]))[ ]?`, 'g');
const BRACKETS_AROUND_HAN = new RegExp(`\\((?=[${HAN}])([^()\\n]*?)(?<=[${HAN}])\\)`, 'g');

function normaliseChinese(text: string): string {
  return (
    text
      // Decimal points and time colons between digits: 1。8 / 1．8 → 1.8, 10：30 → 10:30.
      .replace(DECIMAL_POINT, '.')
      .replace(TIME_COLON, ':')
      // Other full-width ASCII punctuation inside Latin words and numbers (GPT－4, A＆B) → ASCII.
      .replace(FULL_INSIDE_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      // ASCII punctuation right after a Chinese character → full-width, a space after it dropped
      // (a full stop only where no digit or letter follows: 悟道3.0 keeps its point).
      .replace(ASCII_AFTER_HAN, (m) => TO_FULL[m.trim()] ?? m)
      // Brackets around Chinese text → full-width.
      .replace(BRACKETS_AROUND_HAN, '（$1）')
  );
}
