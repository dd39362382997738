import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import {
  englishMessage,
  hostWarning,
  isPluralCode,
  MESSAGE_CODES,
  MESSAGES,
  type MessageCode,
  msg,
  placeholders,
} from '../../shared/ipc/messages';
import { en } from './en';
import { errorText, hostText, warningText } from './host-text';
import { zhCN } from './zh-CN';

type Texts = Readonly<Record<string, string>>;

/** Codes of `codes` with no text in `texts` (plural codes need every form the language uses). */
function missingTexts(codes: readonly MessageCode[], texts: Texts, forms: readonly string[]): string[] {
  return codes.filter((code) =>
    isPluralCode(code) ? forms.some((form) => !texts[`${code}_${form}`]?.trim()) : !texts[code]?.trim(),
  );
}

/** The params a code's English uses (both forms for plurals). */
function englishPlaceholders(code: MessageCode): string[] {
  const def: { en: string | { one: string; other: string } } = MESSAGES[code];
  const texts = typeof def.en === 'string' ? [def.en] : [def.en.one, def.en.other];
  return [...new Set(texts.flatMap(placeholders))].sort();
}

describe('host messages in the UI languages', () => {
  it('every host message code has a text in English and in Chinese', () => {
    expect(missingTexts(MESSAGE_CODES, en.hostMessages, ['one', 'other'])).toEqual([]);
    expect(missingTexts(MESSAGE_CODES, zhCN.hostMessages, ['other'])).toEqual([]);
  });

  it('the check reports a language that lacks a code or a plural form', () => {
    const { 'file-empty': _, 'export-untimed-left-out_other': __, ...lacking } = zhCN.hostMessages;
    expect(missingTexts(MESSAGE_CODES, lacking, ['other'])).toEqual(['file-empty', 'export-untimed-left-out']);
  });

  it('Chinese texts use exactly the params of the English', () => {
    for (const code of MESSAGE_CODES) {
      const keys = isPluralCode(code) ? [`${code}_other`] : [code];
      for (const key of keys) {
        const zh = (zhCN.hostMessages as Texts)[key] ?? '';
        expect([...new Set(placeholders(zh))].sort(), key).toEqual(englishPlaceholders(code));
      }
    }
  });

  it('has no texts for codes that do not exist', () => {
    const known = new Set(MESSAGE_CODES.flatMap((c) => (isPluralCode(c) ? [`${c}_one`, `${c}_other`] : [c])));
    expect(Object.keys(zhCN.hostMessages).filter((k) => !known.has(k))).toEqual([]);
  });
});

describe('hostText', () => {
  const zh = i18next.createInstance();
  void zh.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: 'zh-CN',
    fallbackLng: false,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  const english = i18next.createInstance();
  void english.init({ resources: { en: { translation: en } }, lng: 'en', initAsync: false });
  const i18n = {
    exists: (key: string, options?: Record<string, unknown>) => zh.exists(key, options),
    t: (key: string, options?: Record<string, unknown>) => zh.t(key, options) as string,
  };

  it('words a message in the UI language, nested messages and plurals included', () => {
    expect(hostText(msg('file-empty'), i18n)).toBe('文件是空的');
    const skipped = msg('json-cue-skipped', { problem: msg('json-expected-number') });
    expect(hostText(skipped, i18n)).toBe('应为数字，该条字幕已跳过');
    expect(hostText(msg('export-untimed-left-out', { count: 2, segments: '#1, #3' }), i18n)).toBe(
      '2 条未定时的字幕未导出：#1, #3',
    );
  });

  it('says the English of a code the UI does not know', () => {
    expect(hostText({ code: 'from-a-newer-host', params: {}, message: 'something new' }, i18n)).toBe('something new');
  });

  it('puts the file and line of an error, and the JSON path of a warning, in front', () => {
    const error = new ZimuError('parse-error', msg('file-binary'), { file: '/a/talk.srt', line: 3 });
    expect(errorText(error, i18n)).toBe('/a/talk.srt:3: 这是二进制文件，不是文本');
    const warning = hostWarning(4, msg('time-negative'), 'body[0].from');
    expect(warningText(warning, i18n)).toBe('body[0].from: 时间为负数，已设为 0');
    expect(warning.message).toBe('body[0].from: negative time; set to 0');
  });

  it('in English reads as the command line does', () => {
    const en18n = {
      exists: (key: string, options?: Record<string, unknown>) => english.exists(key, options),
      t: (key: string, options?: Record<string, unknown>) => english.t(key, options) as string,
    };
    for (const message of [
      msg('export-untimed-left-out', { count: 1, segments: '#2' }),
      msg('export-refused', { format: 'BCC', problem: msg('bcc-zero-length', { cue: 2, time: '0:00:01.000' }) }),
    ]) {
      expect(hostText(message, en18n)).toBe(englishMessage(message));
    }
  });
});
