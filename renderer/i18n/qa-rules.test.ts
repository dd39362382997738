import { describe, expect, it } from 'vitest';
import { RULE_TEXT_EN } from '../../shared/qa/messages';
import { RULES } from '../../shared/qa/registry';
import { en } from './en';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1] as string);

describe('QA rule wordings', () => {
  it('exist in English and Chinese for every rule id, and only for rule ids', () => {
    const ids = RULES.map((r) => r.id).sort();
    expect(Object.keys(en.qa.rules).sort()).toEqual(ids);
    expect(Object.keys(zhCN.qa.rules).sort()).toEqual(ids);
    expect(Object.keys(RULE_TEXT_EN).sort()).toEqual(ids);
    for (const id of ids) {
      const zh = (zhCN.qa.rules as Record<string, { name: string; message: string }>)[id];
      expect(zh?.name.trim(), id).not.toBe('');
      expect(zh?.message.trim(), id).not.toBe('');
    }
  });

  it('use only the params each rule gives its problems', () => {
    for (const rule of RULES) {
      const enText = (en.qa.rules as Record<string, { message: string }>)[rule.id]?.message ?? '';
      const zhText = (zhCN.qa.rules as Record<string, { message: string }>)[rule.id]?.message ?? '';
      for (const name of [...placeholders(enText), ...placeholders(zhText)])
        expect(rule.params, rule.id).toContain(name);
    }
  });
});
