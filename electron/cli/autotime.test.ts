import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryErrors } from '../../shared/autotime/evaluate';
import type { Segment } from '../../shared/model/types';
import { type AutotimeSample, loadAutotimeSample } from '../services/autotime-sample';
import { SAMPLE_PROJECT } from '../services/sample';
import { runCli } from './run';

const dir = mkdtempSync(join(tmpdir(), 'zimu-cli-autotime-'));
let sample: AutotimeSample;
let transcript: string;
let savedProfile: string | undefined;

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

beforeAll(async () => {
  savedProfile = process.env.ZIMU_PROFILE_DIR;
  process.env.ZIMU_PROFILE_DIR = join(dir, 'profile'); // the waveform cache goes to <profile>/cache
  sample = await loadAutotimeSample(join(import.meta.dirname, '..', 'sample', SAMPLE_PROJECT));
  // The sample's phrases as a plain transcript, one per line, as an ASR service might hand it over.
  transcript = join(dir, 'transcript.txt');
  writeFileSync(transcript, `${sample.untimed.segments.map((s) => s.source).join('\n')}\n`);
});

afterAll(() => {
  if (savedProfile === undefined) delete process.env.ZIMU_PROFILE_DIR;
  else process.env.ZIMU_PROFILE_DIR = savedProfile;
  rmSync(dir, { recursive: true, force: true });
});

describe('zimu autotime', () => {
  it('prints SRT by default, every phrase timed in order', async () => {
    const r = await zimu('autotime', transcript, sample.mediaPath);
    expect(r.code).toBe(0);
    const cues = r.stdout.trim().split(/\n\n+/);
    expect(cues).toHaveLength(30);
    expect(cues[0]).toMatch(/^1\n00:00:00,5\d\d --> 00:00:0\d,\d{3}\n尊敬的各位领导$/);
    expect(r.stderr[0]).toBe(`zimu: placed 30 of 30 segments on ${sample.mediaPath}`);
    expect(existsSync(join(dir, 'profile', 'cache', 'peaks'))).toBe(true);
  });

  it('writes the inspect JSON with --format json, close to the true times', async () => {
    const out = join(dir, 'timed.json');
    const r = await zimu('autotime', transcript, sample.mediaPath, '-o', out);
    expect(r.code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8')) as { format: string; segments: Segment[] };
    expect(json.format).toBe('txt');
    expect(boundaryErrors(json.segments, sample.speech).median).toBeLessThan(250);
    const printed = await zimu('autotime', transcript, sample.mediaPath, '--format', 'json');
    expect(JSON.parse(printed.stdout)).toEqual(json);
  });

  it('takes the format from the output extension', async () => {
    const out = join(dir, 'timed.vtt');
    expect((await zimu('autotime', transcript, sample.mediaPath, '-o', out)).code).toBe(0);
    const vtt = readFileSync(out, 'utf8');
    expect(vtt.startsWith('WEBVTT')).toBe(true);
    expect(vtt.match(/-->/g)).toHaveLength(30);
  });

  it('exits 2 on usage mistakes and 1 with the file name on a missing media file', async () => {
    expect((await zimu('autotime', transcript)).code).toBe(2);
    expect((await zimu('autotime', transcript, sample.mediaPath, '--format', 'docx')).code).toBe(2);
    expect((await zimu('autotime', transcript, sample.mediaPath, '-o', join(dir, 'x.docx'))).code).toBe(2);
    const missing = join(dir, 'missing.opus');
    const r = await zimu('autotime', transcript, missing);
    expect(r.code).toBe(1);
    expect(r.stderr[0]).toContain(missing);
  });
});
