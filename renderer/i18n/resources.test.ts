import { describe, expect, it } from 'vitest';
import { en } from './en';
import { zhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  const enLeaves = new Map(leaves(en));
  const zhLeaves = new Map(leaves(zhCN));

  it('have the same keys in English and Chinese', () => {
    expect([...zhLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...enLeaves, ...zhLeaves]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of enLeaves) expect(placeholders(zhLeaves.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('come in complete plural pairs', () => {
    for (const key of enLeaves.keys()) {
      if (key.endsWith('_one')) expect(enLeaves.has(key.replace(/_one$/, '_other')), key).toBe(true);
      if (key.endsWith('_other')) expect(enLeaves.has(key.replace(/_other$/, '_one')), key).toBe(true);
    }
  });

  it('are translated: Chinese strings differ from English except names and symbols', () => {
    const same = [...enLeaves].filter(([key, text]) => zhLeaves.get(key) === text).map(([key]) => key);
    expect(same.sort()).toEqual(
      [
        'app.title',
        'export.formats.srt',
        'export.formats.vtt',
        'export.formats.ass',
        'export.formats.whisper',
        'grid.number',
        // Host messages that only join other texts: a file or JSON path, then the message.
        'hostMessages.at-path',
        'hostMessages.host-text',
        'hostMessages.in-file',
        'language.en',
        'language.zh-CN',
      ].sort(),
    );
  });

  it('use Chinese punctuation in Chinese sentences', () => {
    for (const [key, text] of zhLeaves) {
      if (/[\u4e00-\u9fff]/.test(text)) expect(text, key).not.toMatch(/[\u4e00-\u9fff][,;:?!]/);
    }
  });
});
