import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { pairsFromFolders } from './correction';
import { loadProjectFile } from './project-store';
import { makeTestHost, rejection } from './testing/host';

const dir = mkdtempSync(join(tmpdir(), 'zimu-correction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sample = join(import.meta.dirname, '..', 'sample', 'bv1uh4y1w77v-p1.zimu');
const { handlers } = makeTestHost(dir);

describe('correction handlers', () => {
  it('exports for correction in the chosen encoding and reads it back as no change', async () => {
    const project = await loadProjectFile(sample);
    const path = join(dir, 'out.txt');
    const written = await handlers['correction.exportText']({
      path,
      project,
      style: 'paragraphs',
      field: 'text',
      encoding: 'gb18030',
    });
    expect(written).toEqual({ path, segments: 30 });
    const text = iconv.decode(readFileSync(path), 'gb18030');
    expect(text).toContain('尊敬的各位领导，各位来宾，');
    const { proposal, encoding } = await handlers['correction.preview']({ path, project, field: 'text' });
    expect(encoding).toBe('gb18030');
    expect(proposal.changes).toEqual([]);
  });

  it('reads a UTF-16 corrected text with a BOM and proposes its changes', async () => {
    const project = await loadProjectFile(sample);
    const path = join(dir, 'utf16.txt');
    const lines = project.segments.map((s) => s.source.replace('志愿', '智源'));
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(lines.join('\r\n'), 'utf-16le')]));
    const { proposal, encoding } = await handlers['correction.preview']({ path, project, field: 'text' });
    expect(encoding).toBe('utf-16le');
    expect(proposal.mode).toBe('by-position');
    expect(proposal.changes.map((c) => c.id)).toEqual(['s6', 's9']);
  });

  it('names the file of an empty corrected text', async () => {
    const project = await loadProjectFile(sample);
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    const err = await rejection(handlers['correction.preview']({ path, project, field: 'text' }));
    expect(err.detail?.file).toBe(path);
  });

  it('runs a batch: writes <name>.corrected<ext>, reports counts, and a bad pair does not stop the rest', async () => {
    const work = join(dir, 'batch');
    mkdirSync(work, { recursive: true });
    const timed = join(work, 'talk.zimu');
    copyFileSync(sample, timed);
    const text = join(work, 'talk.txt');
    writeFileSync(
      text,
      `# t\n\n${(await loadProjectFile(sample)).segments
        .map((s) => s.source)
        .join('，')
        .replaceAll('志愿', '智源')}\n`,
    );
    const { results } = await handlers['correction.batch']({
      pairs: [
        { timed: join(work, 'missing.srt'), text },
        { timed, text },
      ],
      field: 'text',
    });
    expect(results[0]?.error).toMatch(/missing\.srt|no such file|not found/i);
    expect(results[1]).toMatchObject({
      changed: 2,
      flagged: 0,
      output: join(work, 'talk.corrected.zimu'),
      error: null,
    });
    const saved = await loadProjectFile(join(work, 'talk.corrected.zimu'));
    expect(saved.segments[5]?.source).toBe('再次欢迎大家来参加今天的智源大会');
    expect(saved.segments[5]?.flags).toContain('reimported');
    // The original is untouched.
    expect((await loadProjectFile(timed)).segments[5]?.source).toBe('再次欢迎大家来参加今天的志愿大会');
  });

  it('pairs files of two folders by base name', async () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    for (const f of ['one.srt', 'two.zimu', 'three.vtt']) writeFileSync(join(a, f), '');
    for (const f of ['one.txt', 'two.tsv']) writeFileSync(join(b, f), '');
    const { pairs, unmatched } = await pairsFromFolders(a, b);
    expect(pairs).toEqual([
      { timed: join(a, 'one.srt'), text: join(b, 'one.txt') },
      { timed: join(a, 'two.zimu'), text: join(b, 'two.tsv') },
    ]);
    expect(unmatched).toEqual([join(a, 'three.vtt')]);
  });
});
