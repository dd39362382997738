import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateFfmpeg } from '../services/ffmpeg';
import { decodePeaksFile } from '../services/peaks-file';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'zimu-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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

const bilingualSrt =
  '1\r\n00:00:01,000 --> 00:00:02,500\r\n欢迎来到智源大会\r\nWelcome to the BAAI Conference\r\n\r\n' +
  '2\r\n00:00:03,000 --> 00:00:04,000\r\n具身智能\r\nEmbodied AI\r\n';
const gbkSrt = join(dir, 'gbk.srt');
writeFileSync(gbkSrt, iconv.encode(bilingualSrt, 'gbk'));

describe('zimu inspect', () => {
  it('prints a GBK bilingual SRT as JSON with times in ms', async () => {
    const r = await zimu('inspect', gbkSrt);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      format: 'srt',
      encoding: 'gb18030',
      segments: [
        { start: 1000, end: 2500, text: '欢迎来到智源大会', translation: 'Welcome to the BAAI Conference' },
        { start: 3000, end: 4000, text: '具身智能', translation: 'Embodied AI' },
      ],
      warnings: [],
    });
  });

  it('reads a plain-text transcript as untimed segments', async () => {
    const seed = join(import.meta.dirname, '..', 'sample', 'seed-transcript.txt');
    const json = JSON.parse((await zimu('inspect', seed)).stdout);
    expect(json.format).toBe('txt');
    expect(json.segments[0]).toEqual({ start: null, end: null, text: '尊敬的各位领导', translation: '' });
    expect(json.segments.every((s: { start: unknown }) => s.start === null)).toBe(true);
    expect(json.segments.length).toBeGreaterThan(800);
  });

  it('reopens with a chosen encoding', async () => {
    const r = await zimu('inspect', gbkSrt, '--encoding', 'big5');
    expect(JSON.parse(r.stdout).encoding).toBe('big5');
  });

  it('fails with one line naming file and line', async () => {
    const bad = join(dir, 'bad.bcc');
    writeFileSync(
      bad,
      '{\n  "body": [\n    {"from": 1, "to": 2, "content": "a"},\n    {"from": 3, "to": 4,, "content": "b"}\n  ]\n}\n',
    );
    const r = await zimu('inspect', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toHaveLength(1);
    expect(r.stderr[0]).toMatch(new RegExp(`^zimu: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: `));
  });

  it('refuses binary and empty files cleanly', async () => {
    const bin = join(dir, 'x.srt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0xff]));
    const empty = join(dir, 'empty.srt');
    writeFileSync(empty, '');
    for (const f of [bin, empty]) {
      const r = await zimu('inspect', f);
      expect(r.code).toBe(1);
      expect(r.stderr[0]).toContain(f);
    }
  });
});

describe('zimu convert', () => {
  it('writes bilingual VTT and BCC', async () => {
    const vtt = join(dir, 'out.vtt');
    expect((await zimu('convert', gbkSrt, '--to', 'vtt', '-o', vtt)).code).toBe(0);
    const text = readFileSync(vtt, 'utf8');
    expect(text.startsWith('WEBVTT')).toBe(true);
    expect(text).toContain('00:00:01.000 --> 00:00:02.500\n欢迎来到智源大会\nWelcome to the BAAI Conference');
    const r = await zimu('convert', gbkSrt, '--to', 'bcc');
    const bcc = JSON.parse(r.stdout);
    expect(bcc.body).toEqual([
      { from: 1, to: 2.5, location: 2, content: '欢迎来到智源大会\nWelcome to the BAAI Conference' },
      { from: 3, to: 4, location: 2, content: '具身智能\nEmbodied AI' },
    ]);
  });

  it('honours layout, encoding and line endings', async () => {
    const out = join(dir, 'tr.srt');
    await zimu(
      'convert',
      gbkSrt,
      '--to',
      'srt',
      '--layout',
      'translation',
      '--encoding',
      'gb18030',
      '--line-ending',
      'crlf',
      '-o',
      out,
    );
    const text = iconv.decode(readFileSync(out), 'gb18030');
    expect(text).toContain('\r\nWelcome to the BAAI Conference\r\n');
    expect(text).not.toContain('智源');
    const bom = join(dir, 'bom.srt');
    await zimu('convert', gbkSrt, '--to', 'srt', '--encoding', 'utf8-bom', '-o', bom);
    expect([...readFileSync(bom).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('refuses a lossy encoding unless asked', async () => {
    const src = join(dir, 'emoji.srt');
    writeFileSync(src, '1\n00:00:01,000 --> 00:00:02,000\n智源😀\n');
    const r = await zimu('convert', src, '--to', 'srt', '--encoding', 'gbk', '-o', join(dir, 'lossy.srt'));
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toContain('😀');
    expect((await zimu('convert', src, '--to', 'srt', '--encoding', 'gbk', '--allow-lossy')).code).toBe(0);
  });

  it('adds a translation track matched by time', async () => {
    const zh = join(dir, 'zh.srt');
    const en = join(dir, 'en.srt');
    writeFileSync(zh, '1\n00:00:01,000 --> 00:00:03,000\n智源大会\n\n2\n00:00:03,000 --> 00:00:05,000\n具身智能\n');
    writeFileSync(
      en,
      '1\n00:00:03,100 --> 00:00:04,900\nEmbodied AI\n\n2\n00:00:01,050 --> 00:00:02,900\nBAAI Conference\n',
    );
    const r = await zimu('convert', zh, '--to', 'json', '--translation', en);
    expect(JSON.parse(r.stdout).segments.map((s: { translation: string }) => s.translation)).toEqual([
      'BAAI Conference',
      'Embodied AI',
    ]);
  });

  it('converts several files with --out-dir', async () => {
    const a = join(dir, 'a.srt');
    const b = join(dir, 'b.srt');
    writeFileSync(a, '1\n00:00:01,000 --> 00:00:02,000\n甲\n');
    writeFileSync(b, '1\n00:00:01,000 --> 00:00:02,000\n乙\n');
    const outDir = join(dir, 'batch');
    expect((await zimu('convert', a, b, '--to', 'ass', '--out-dir', outDir)).code).toBe(0);
    expect(readFileSync(join(outDir, 'a.ass'), 'utf8')).toContain('甲');
    expect(readFileSync(join(outDir, 'b.ass'), 'utf8')).toContain('乙');
  });

  it('exits 2 with usage on bad arguments', async () => {
    expect((await zimu('convert', gbkSrt)).code).toBe(2);
    expect((await zimu('convert', gbkSrt, '--to', 'docx')).code).toBe(2);
    expect((await zimu('frobnicate')).code).toBe(2);
  });
});

describe('zimu media and zimu peaks', () => {
  const ffmpeg = (...args: string[]) => execFileSync(locateFfmpeg().ffmpeg, ['-v', 'error', '-y', ...args]);
  const clip = join(dir, '开幕式 clip.mp4');
  const episode = join(dir, 'bilibili', 'c_5678');
  const profile = join(dir, 'profile');
  let savedProfile: string | undefined;

  beforeAll(() => {
    savedProfile = process.env.ZIMU_PROFILE_DIR;
    process.env.ZIMU_PROFILE_DIR = profile; // remuxes of Bilibili streams go to <profile>/cache
    ffmpeg(
      ...['-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=10:duration=3'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=3'],
      ...['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', clip],
    );
    mkdirSync(join(episode, '80'), { recursive: true });
    const entry = { title: '具身智能论坛', bvid: 'BV1uh4y1w77v', type_tag: '80', page_data: { part: '下午' } };
    writeFileSync(join(episode, 'entry.json'), JSON.stringify(entry));
    const fragmented = ['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof'];
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=160x120:rate=10:duration=2',
      '-c:v',
      'libx264',
      ...fragmented,
      join(episode, '80', 'video.m4s'),
    );
    ffmpeg(
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=300:duration=2',
      '-c:a',
      'aac',
      ...fragmented,
      join(episode, '80', 'audio.m4s'),
    );
  });

  afterAll(() => {
    if (savedProfile === undefined) delete process.env.ZIMU_PROFILE_DIR;
    else process.env.ZIMU_PROFILE_DIR = savedProfile;
  });

  it('media prints duration, tracks and video size as one JSON object', async () => {
    const r = await zimu('media', clip);
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(Object.keys(info)).toEqual(['durationMs', 'audioTracks', 'video']);
    expect(Math.abs(info.durationMs - 3000)).toBeLessThan(100);
    expect(info.audioTracks).toEqual([{ index: 0, codec: 'aac', sampleRate: 48000, channels: 1, language: 'und' }]);
    expect(info.video).toEqual({ width: 320, height: 240, codec: 'h264', frameRate: 10 });
  });

  it('media adds title, bvid and part for a Bilibili download folder', async () => {
    const info = JSON.parse((await zimu('media', episode)).stdout);
    expect(info).toMatchObject({ title: '具身智能论坛', bvid: 'BV1uh4y1w77v', part: '下午' });
    expect(info.video).toMatchObject({ width: 160, height: 120 });
    expect(info.audioTracks).toHaveLength(1);
  });

  it('peaks writes the documented file, 100 pairs per second, named after the media by default', async () => {
    const cwd = process.cwd();
    const here = mkdtempSync(join(dir, 'cwd-'));
    process.chdir(here);
    let r: Awaited<ReturnType<typeof zimu>>;
    try {
      r = await zimu('peaks', clip);
    } finally {
      process.chdir(cwd);
    }
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(2); // one line
    const line = JSON.parse(r.stdout);
    expect(Object.keys(line)).toEqual(['durationMs', 'peaksPerSecond', 'count']);
    expect(line.peaksPerSecond).toBe(100);
    expect(line.count).toBeGreaterThanOrEqual(Math.ceil(line.durationMs / 10));
    const file = decodePeaksFile(readFileSync(join(here, '开幕式 clip.zpk')));
    expect(file).toMatchObject({ peaksPerSecond: 100, sampleRate: 48000, count: line.count, level: 0, levels: 1 });
    expect(Math.max(...(file?.pairs ?? []))).toBeGreaterThan(0.1 * 32767);
  });

  it('peaks takes -o and --pps, and a Bilibili folder', async () => {
    const out = join(dir, 'episode.zpk');
    const r = await zimu('peaks', episode, '-o', out, '--pps', '50');
    expect(r.code).toBe(0);
    const line = JSON.parse(r.stdout);
    expect(line).toMatchObject({ peaksPerSecond: 50 });
    expect(line.count).toBeGreaterThanOrEqual(100);
    expect(decodePeaksFile(readFileSync(out))?.count).toBe(line.count);
  });

  it('refuses a bad --pps as a usage error and unreadable media with the file named', async () => {
    expect((await zimu('peaks', clip, '--pps', '0')).code).toBe(2);
    expect((await zimu('peaks', clip, '--pps', 'fast')).code).toBe(2);
    expect((await zimu('media')).code).toBe(2);
    const junk = join(dir, 'junk.mp4');
    writeFileSync(junk, 'not media at all');
    const r = await zimu('peaks', junk);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toContain(junk);
  });
});
