import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autotime } from '../../shared/autotime/autotime';
import { boundaryErrors } from '../../shared/autotime/evaluate';
import { autotimeMedia, envelopeFromPairs, loadEnvelope } from './autotime';
import { type AutotimeSample, loadAutotimeSample } from './autotime-sample';
import { locateFfmpeg, type MediaProbe, probeMedia } from './ffmpeg';
import { readPeaksCache } from './peaks-cache';
import { SAMPLE_PROJECT } from './sample';

const tools = locateFfmpeg();
let cacheDir: string;
let sample: AutotimeSample;
let probe: MediaProbe;

beforeAll(async () => {
  cacheDir = await fs.mkdtemp(join(tmpdir(), 'zimu-autotime-'));
  sample = await loadAutotimeSample(join(import.meta.dirname, '..', 'sample', SAMPLE_PROJECT));
  probe = await probeMedia(tools, sample.mediaPath);
});

afterAll(async () => {
  await fs.rm(cacheDir, { recursive: true, force: true });
});

describe('autotime on the sample recording (real ffmpeg)', () => {
  it('times the 30 stripped phrases with a median boundary error under 250 ms', async () => {
    expect(sample.untimed.segments.every((s) => s.start === null)).toBe(true);
    const source = { path: sample.mediaPath, probe, track: 0 };
    const { project, timed } = await autotimeMedia(sample.untimed, source, { tools, cacheDir });
    expect(timed).toHaveLength(30);
    const errors = boundaryErrors(project.segments, sample.speech);
    // The regression guard of issue 6's target; the bench (npm run bench) prints the figures.
    expect(errors.median).toBeLessThan(250);
    expect(errors.p90).toBeLessThan(500);
    for (const s of project.segments) expect(s.flags).toEqual(['auto-timed']);
  });

  it('fills the waveform cache on a decode and reads the same envelope back from it', async () => {
    const dir = await fs.mkdtemp(join(cacheDir, 'fresh-'));
    const source = { path: sample.mediaPath, probe, track: 0 };
    let progress = 0;
    const decoded = await loadEnvelope(source, { tools, cacheDir: dir, onProgress: (done) => (progress = done) });
    expect(progress).toBe(probe.durationMs);
    const entries = await fs.readdir(join(dir, 'peaks'));
    expect(entries.length).toBeGreaterThan(0);
    // A second load never runs ffmpeg: a bogus ffmpeg would fail it otherwise.
    const cached = await loadEnvelope(source, {
      tools: { ffmpeg: '/nonexistent/ffmpeg', ffprobe: null },
      cacheDir: dir,
    });
    expect(cached.rate).toBe(100);
    expect(Array.from(cached.values)).toEqual(Array.from(decoded.values));
    expect(await readPeaksCache(dir, entries[0]?.split('.')[0] as string)).not.toBeNull();
  });

  it('refuses a track the media does not have', async () => {
    await expect(loadEnvelope({ path: sample.mediaPath, probe, track: 3 }, { tools, cacheDir: null })).rejects.toThrow(
      /no audio track 4/,
    );
  });
});

describe('envelopeFromPairs', () => {
  it('takes the larger magnitude of each (min, max) pair', () => {
    const env = envelopeFromPairs(Int16Array.from([-100, 50, -10, 32767, 0, 0]), 3, 100, 30);
    expect(Array.from(env.values, (v) => Math.round(v * 32767))).toEqual([100, 32767, 0]);
    expect(autotime(sample.untimed, env).timed).toHaveLength(30);
  });
});
