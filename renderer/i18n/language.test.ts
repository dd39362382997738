import { describe, expect, it } from 'vitest';
import { initialLanguage, languageFromLocale } from './language';

describe('languageFromLocale', () => {
  it('maps every Chinese locale to Simplified Chinese for now', () => {
    for (const tag of ['zh', 'zh-CN', 'zh_CN.UTF-8', 'zh-TW', 'zh-HK', 'zh-Hant-HK', 'zh-Hans', 'ZH-cn', 'zh_SG'])
      expect(languageFromLocale(tag), tag).toBe('zh-CN');
  });

  it('maps everything else to English', () => {
    for (const tag of ['en', 'en-US', 'en_GB.UTF-8', 'ja-JP', 'fr', 'de-DE', 'zu', 'zha']) {
      expect(languageFromLocale(tag), tag).toBe('en');
    }
  });

  it('has no answer for missing or meaningless tags', () => {
    for (const tag of [null, undefined, '', '  ', 'C', 'POSIX', 'C.UTF-8']) expect(languageFromLocale(tag)).toBeNull();
  });
});

describe('initialLanguage', () => {
  it('prefers the saved choice over the OS locale', () => {
    expect(initialLanguage({ saved: 'en', osLocale: 'zh-CN', browserLocale: 'zh-CN' })).toBe('en');
    expect(initialLanguage({ saved: 'zh-CN', osLocale: 'en-US', browserLocale: 'en' })).toBe('zh-CN');
  });

  it('follows the OS locale when nothing is saved', () => {
    expect(initialLanguage({ saved: null, osLocale: 'zh-TW', browserLocale: 'en-US' })).toBe('zh-CN');
    expect(initialLanguage({ saved: null, osLocale: 'en-US', browserLocale: 'zh-CN' })).toBe('en');
  });

  it('falls back to the browser language, then English', () => {
    expect(initialLanguage({ saved: null, osLocale: undefined, browserLocale: 'zh-CN' })).toBe('zh-CN');
    expect(initialLanguage({ saved: undefined, osLocale: '', browserLocale: 'de' })).toBe('en');
    expect(initialLanguage({ saved: null, osLocale: null, browserLocale: null })).toBe('en');
  });
});
