import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'zimu-cli-correction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const evalDir = join(import.meta.dirname, '..', '..', 'shared', 'reimport', 'eval');
const original = join(evalDir, 'original.zimu');

async function zimu(...argv: string[]) {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runCli(argv, {
    stdout: (d) => {
      stdout += typeof d === 'string' ? d : Buffer.from(d).toString('utf8');
    },
    stderr: (l) => stderr.push(l),
  });
  return { code, stdout, stderr };
}

describe('zimu export-text', () => {
  it('prints the paragraph style by default and writes the TSV style to a file', async () => {
    const paragraphs = await zimu('export-text', original);
    expect(paragraphs.code).toBe(0);
    expect(paragraphs.stdout).toMatch(/^# 2024北京智源大会/);
    expect(paragraphs.stdout).toContain('尊敬的各位领导，各位来宾，');
    const out = join(dir, 'x.tsv');
    const tsv = await zimu('export-text', original, '--style', 'tsv', '--field', 'translation', '-o', out);
    expect(tsv.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('s1\t0:00:00.500\t0:00:03.454\tDistinguished leaders,');
  });

  it('refuses an unknown style as a usage error', async () => {
    const r = await zimu('export-text', original, '--style', 'docx');
    expect(r.code).toBe(2);
    expect(r.stderr[0]).toMatch(/--style: expected paragraphs\|lines\|tsv/);
  });
});

describe('zimu reimport', () => {
  it('writes the corrected document in the format of -o and prints the counts', async () => {
    const out = join(dir, 'merged.srt');
    const r = await zimu('reimport', original, join(evalDir, 'cases', 'merged.txt'), '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${original}\t21 changed\t0 flagged\t${out}\n`);
    const srt = readFileSync(out, 'utf8');
    expect(srt).toContain('00:00:00,500 --> 00:00:03,454\n尊敬的各位领导、\nDistinguished leaders,');
  });

  it('writes the inspect JSON with --format json', async () => {
    const r = await zimu('reimport', original, join(evalDir, 'cases', 'spreadsheet.tsv'), '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.segments[18].text).toBe('智源大厦位于海淀区"成府路150号"');
    expect(json.segments[0].text).toBe('尊敬的各位领导');
    expect(r.stderr.join('\n')).toMatch(/6 changed 0 flagged/);
  });

  it('runs the pairs of a --pairs file and of two folders', async () => {
    const work = join(dir, 'pairs');
    mkdirSync(join(work, 'timed'), { recursive: true });
    mkdirSync(join(work, 'text'), { recursive: true });
    copyFileSync(original, join(work, 'timed', 'a.zimu'));
    copyFileSync(original, join(work, 'timed', 'b.zimu'));
    copyFileSync(join(evalDir, 'cases', 'asr-fixes.txt'), join(work, 'text', 'a.txt'));
    copyFileSync(join(evalDir, 'cases', 'missing-paragraph.txt'), join(work, 'text', 'b.txt'));
    writeFileSync(join(work, 'pairs.tsv'), 'timed/a.zimu\ttext/a.txt\tout/a.zimu\n# comment\n');
    const listed = await zimu('reimport', '--pairs', join(work, 'pairs.tsv'));
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe(
      `${join(work, 'timed', 'a.zimu')}\t6 changed\t0 flagged\t${join(work, 'out', 'a.zimu')}\n`,
    );
    const folders = await zimu(
      'reimport',
      '--dir',
      join(work, 'timed'),
      '--text-dir',
      join(work, 'text'),
      '--out-dir',
      join(work, 'o'),
    );
    expect(folders.code).toBe(0);
    expect(folders.stdout.trim().split('\n')).toEqual([
      `${join(work, 'timed', 'a.zimu')}\t6 changed\t0 flagged\t${join(work, 'o', 'a.corrected.zimu')}`,
      `${join(work, 'timed', 'b.zimu')}\t5 changed\t6 flagged\t${join(work, 'o', 'b.corrected.zimu')}`,
    ]);
    const b = JSON.parse(readFileSync(join(work, 'o', 'b.corrected.zimu'), 'utf8'));
    expect(b.segments[10].flags).toEqual(['needs-review']);
  });

  it('fails with the file name when a pair cannot be read, after running the others', async () => {
    const pairs = join(dir, 'bad-pairs.tsv');
    writeFileSync(pairs, `${original}\t${join(dir, 'nope.txt')}\n`);
    const r = await zimu('reimport', '--pairs', pairs);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('failed:');
    expect(r.stdout).toContain('nope.txt');
  });

  it('wants two files or a batch option', async () => {
    expect((await zimu('reimport', original)).code).toBe(2);
    expect((await zimu('reimport', '--dir', dir)).code).toBe(2);
  });
});
