import { promises as fs } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZimuError } from '../../../shared/ipc/errors';
import { memoryFile, openTranslationMemory } from './memory-store';
import { parseTmx, readTmxFile, segText, writeTmx, writeTmxFile } from './tmx';

const zhEn = { source: 'zh-CN', translation: 'en' };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zimu-tm-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the translation memory file', () => {
  it('persists pairs across opens; the newest translation of a source wins; damaged lines are skipped', async () => {
    const m = await openTranslationMemory(dir, zhEn);
    expect(
      await m.add([
        { source: '各位来宾', target: 'guests' },
        { source: '各位专家', target: 'experts' },
      ]),
    ).toBe(2);
    expect(await m.add([{ source: '各位来宾', target: 'guests' }])).toBe(0);
    expect(await m.add([{ source: '各位来宾', target: 'honoured guests' }])).toBe(1);
    await fs.appendFile(m.file, 'garbage\n');
    const again = await openTranslationMemory(dir, zhEn);
    expect(again.index.size).toBe(2);
    expect(again.index.exact('各位来宾')?.target).toBe('honoured guests');
    expect(again.skippedLines).toBe(1);
    expect(m.file).toBe(memoryFile(dir, zhEn));
    expect((await openTranslationMemory(dir, { source: 'zh-CN', translation: 'ja' })).index.size).toBe(0);
  });

  it('rewrites the file when superseded lines dominate', async () => {
    const m = await openTranslationMemory(dir, zhEn);
    for (let i = 0; i < 1100; i++) await m.add([{ source: '同一句', target: `version ${i}` }]);
    const lines = (await fs.readFile(m.file, 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThan(1100);
    expect((await openTranslationMemory(dir, zhEn)).index.exact('同一句')?.target).toBe('version 1099');
  });
});

describe('TMX', () => {
  it('round-trips the memory through a TMX file', async () => {
    const m = await openTranslationMemory(dir, zhEn);
    await m.add([
      { source: '欢迎大家来参加 <今天> 的智源大会 & 论坛', target: 'Welcome to "today\'s" BAAI Conference & forum' },
      { source: '各位来宾', target: 'Honoured guests' },
      { source: '第一行\n第二行', target: 'Line one\nline two' },
    ]);
    const file = join(dir, 'out.tmx');
    await writeTmxFile(file, m.index.all(), zhEn);
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('<tmx version="1.4">');
    expect(text).toContain('&lt;今天&gt;');
    const read = await readTmxFile(file, zhEn);
    expect(read.pairs).toEqual([...m.index.all()].map(({ source, target }) => ({ source, target })));
    expect(read.skipped).toBe(0);
    const other = await openTranslationMemory(join(dir, 'other'), zhEn);
    expect(await other.add(read.pairs)).toBe(3);
  });

  it('reads CAT-tool TMX: TMX 1.1 lang attributes, regional tags, inline codes, other languages skipped', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4"><header srclang="ZH-CN" creationtool="memoQ" creationtoolversion="9" datatype="plaintext" segtype="sentence" adminlang="en-us" o-tmf="x"/>
<body>
  <tu tuid="1"><tuv xml:lang="zh-CN"><seg>具身<bpt i="1">&lt;b&gt;</bpt>智能<ept i="1">&lt;/b&gt;</ept></seg></tuv>
    <tuv xml:lang="en-US"><seg>embodied <ph x="1"/>intelligence &amp; more</seg></tuv></tu>
  <tu><tuv lang="ZH"><seg>缩放定律</seg></tuv><tuv lang="EN"><seg>scaling law</seg></tuv></tu>
  <tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Bonjour</seg></tuv></tu>
  <tu><tuv xml:lang="zh-CN"><seg>只有中文</seg></tuv></tu>
</body></tmx>`;
    const read = parseTmx(xml, 'mem.tmx', zhEn);
    expect(read.pairs).toEqual([
      { source: '具身智能', target: 'embodied intelligence & more' },
      { source: '缩放定律', target: 'scaling law' },
    ]);
    expect(read.skipped).toBe(2);
    expect(read.warnings[0]).toMatchObject({
      code: 'tmx-units-skipped-other',
      params: { count: 2, source: 'zh-CN', translation: 'en', otherLanguages: 1 },
    });
    expect(read.warnings[0]?.message).toMatch(
      /2 translation units lack zh-CN or en text \(1 are in other languages only\)/,
    );
    expect(segText('a <hi>b</hi> &#x4e2d;&#25991;')).toBe('a b 中文');
  });

  it('says where broken XML breaks', () => {
    const err = (() => {
      try {
        parseTmx('<tmx version="1.4">\n<body>\n<tu><tuv></tu>\n</body></tmx>', 'bad.tmx', zhEn);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ZimuError);
    expect(err).toMatchObject({ code: 'parse-error', detail: { file: 'bad.tmx', line: 3 } });
    expect(() => parseTmx('<html></html>', 'x.tmx', zhEn)).toThrow(/not a TMX file/);
  });

  it('writes an empty memory as a valid TMX', () => {
    expect(parseTmx(writeTmx([], zhEn), 'empty.tmx', zhEn).pairs).toEqual([]);
  });
});
