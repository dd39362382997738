// Automatic timing of the sample: the 30 phrases of electron/sample with their times taken away,
// placed on the espeak-ng recording, then compared boundary by boundary with the true times
// (timings.json). Prints the median and 90th-percentile error (target: median < 250 ms) against
// speech ends and against the recorded clip ends, and how long it took (envelope decode and placing).
// For comparison, the same placement on RMS energy per 10 ms from a separate decode.
import { execFile, execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { loadEnvelope } from '../../electron/services/autotime';
import { loadAutotimeSample } from '../../electron/services/autotime-sample';
import { locateFfmpeg, probeMedia } from '../../electron/services/ffmpeg';
import { runPcm } from '../../electron/services/pcm-stream';
import { SAMPLE_PROJECT } from '../../electron/services/sample';
import { autotime } from '../../shared/autotime/autotime';
import type { ReferenceTiming } from '../../shared/autotime/evaluate';
import { boundaryErrors } from '../../shared/autotime/evaluate';
import type { Envelope } from '../../shared/autotime/speech';
import { type Piece, random, synthesize } from '../../shared/autotime/testing/synth';
import { createProject } from '../../shared/model/project';
import type { Project } from '../../shared/model/types';

const SAMPLE = resolve(__dirname, '..', '..', 'electron', 'sample', SAMPLE_PROJECT);

/** RMS of each 10 ms of the track, full scale 1 (mono, 16 kHz): the finer pass the peaks are compared with. */
async function rmsEnvelope(ffmpeg: string, path: string, durationMs: number): Promise<Envelope> {
  const rate = 16000;
  const frame = rate / 100;
  const values: number[] = [];
  let sum = 0;
  let n = 0;
  let carry: number | null = null;
  const run = runPcm(
    ffmpeg,
    [
      '-v',
      'error',
      '-nostdin',
      '-i',
      path,
      '-map',
      '0:a:0',
      '-ac',
      '1',
      '-ar',
      String(rate),
      '-af',
      'aresample=async=1:first_pts=0',
      '-f',
      's16le',
      'pipe:1',
    ],
    (bytes) => {
      let at = 0;
      if (carry !== null && bytes.length > 0) {
        const s = ((bytes[0] as number) << 8) | carry;
        const v = s >= 0x8000 ? s - 0x10000 : s;
        sum += v * v;
        n++;
        carry = null;
        at = 1;
      }
      for (; at + 1 < bytes.length; at += 2) {
        const v = bytes.readInt16LE(at);
        sum += v * v;
        if (++n === frame) {
          values.push(Math.sqrt(sum / n) / 32767);
          sum = 0;
          n = 0;
        }
      }
      if (at < bytes.length) carry = bytes[at] as number;
    },
  );
  const { code, stderr } = await run.done;
  if (code !== 0) throw new Error(`ffmpeg failed: ${stderr}`);
  if (n > 0) values.push(Math.sqrt(sum / n) / 32767);
  return { values, rate: 100, durationMs };
}

/**
 * A harder recording than the sample: the same phrases spoken by espeak-ng at random speeds
 * (140–220 words per minute) with random gaps of 80–980 ms (some too short to be pauses), each clip
 * trimmed to its speech so the reference times are exact. Null when espeak-ng is not installed.
 */
function variedRecording(
  ffmpeg: string,
  project: Project,
  dir: string,
): { path: string; reference: ReferenceTiming[] } | null {
  const rate = 22050;
  const rand = random(7);
  const silence = (ms: number) => Buffer.alloc(Math.round((ms * rate) / 1000) * 2);
  const parts: Buffer[] = [silence(700)];
  const reference: ReferenceTiming[] = [];
  let t = 700;
  for (const segment of project.segments) {
    const wav = join(dir, 'phrase.wav');
    const speed = String(140 + Math.round(rand() * 80));
    try {
      execFileSync('espeak-ng', ['-v', 'cmn', '-s', speed, '-w', wav, segment.source], { stdio: 'ignore' });
    } catch {
      return null;
    }
    const raw = execFileSync(ffmpeg, [
      '-v',
      'error',
      '-i',
      wav,
      '-ac',
      '1',
      '-ar',
      String(rate),
      '-f',
      's16le',
      'pipe:1',
    ]);
    const v = new Int16Array(raw.buffer, raw.byteOffset, raw.length >> 1);
    let a = 0;
    while (a < v.length && Math.abs(v[a] as number) < 200) a++;
    let b = v.length - 1;
    while (b > a && Math.abs(v[b] as number) < 200) b--;
    const clip = Buffer.from(v.slice(a, b + 1).buffer);
    const ms = (clip.length / 2 / rate) * 1000;
    reference.push({ start: Math.round(t), end: Math.round(t + ms) });
    const gap = 80 + rand() * 900;
    parts.push(clip, silence(gap));
    t += ms + gap;
  }
  const pcm = join(dir, 'varied.raw');
  writeFileSync(pcm, Buffer.concat(parts));
  const path = join(dir, 'varied.flac');
  execFileSync(ffmpeg, ['-v', 'error', '-y', '-f', 's16le', '-ar', String(rate), '-ac', '1', '-i', pcm, path]);
  return { path, reference };
}

export async function benchAutotime(): Promise<void> {
  const tools = locateFfmpeg();
  const sample = await loadAutotimeSample(SAMPLE);
  const probe = await probeMedia(tools, sample.mediaPath);
  const source = { path: sample.mediaPath, probe, track: 0 };

  const t0 = performance.now();
  const envelope = await loadEnvelope(source, { tools, cacheDir: null });
  const t1 = performance.now();
  const { project } = autotime(sample.untimed, envelope);
  const t2 = performance.now();
  const speech = boundaryErrors(project.segments, sample.speech);
  const clips = boundaryErrors(project.segments, sample.clips);
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(
    `autotime: sample (${sample.untimed.segments.length} segments, ${(probe.durationMs / 1000).toFixed(1)} s), peaks envelope:`,
  );
  console.log(
    `  boundary error vs speech ends: median ${ms(speech.median)}, p90 ${ms(speech.p90)}, max ${ms(speech.max)} (target: median < 250 ms)`,
  );
  console.log(`  boundary error vs recorded clip ends: median ${ms(clips.median)}, p90 ${ms(clips.p90)}`);
  console.log(`  run time: envelope (ffmpeg decode, no cache) ${ms(t1 - t0)}, placing ${ms(t2 - t1)}`);

  const t3 = performance.now();
  const rms = await rmsEnvelope(tools.ffmpeg, sample.mediaPath, probe.durationMs);
  const t4 = performance.now();
  const byRms = boundaryErrors(autotime(sample.untimed, rms).project.segments, sample.speech);
  console.log(
    `  for comparison, RMS per 10 ms (separate decode ${ms(t4 - t3)}): median ${ms(byRms.median)}, p90 ${ms(byRms.p90)}`,
  );

  // Fewer segments than pauses: the phrases joined in pairs, so every other pause lies inside a segment.
  const pairs = sample.untimed.segments.flatMap((s, k, all) =>
    k % 2 === 0 ? [{ ...s, source: s.source + (all[k + 1]?.source ?? '') }] : [],
  );
  const pairTruth = sample.speech.flatMap((r, k, all) =>
    k % 2 === 0 ? [{ start: r.start, end: (all[k + 1] ?? r).end }] : [],
  );
  const joined = boundaryErrors(autotime({ ...sample.untimed, segments: pairs }, envelope).project.segments, pairTruth);
  console.log(`  phrases joined in pairs (15 segments, 29 pauses): median ${ms(joined.median)}, p90 ${ms(joined.p90)}`);

  // Scale: a synthetic 2-hour talk envelope of 2,000 phrases (no audio: placing alone).
  const syllables = Array.from({ length: 2000 }, (_, k) => 3 + ((k * 37) % 17));
  const pieces: Piece[] = [{ quiet: 1000 }];
  syllables.forEach((n, k) => {
    if (k > 0) pieces.push({ quiet: 250 + ((k * 53) % 700) });
    pieces.push({ speech: n * (180 + ((k * 29) % 60)) });
  });
  const long = synthesize(pieces, { noise: 0.01 });
  const talk = createProject({ segments: syllables.map((n) => ({ source: '的'.repeat(n), flags: ['needs-timing'] })) });
  const t5 = performance.now();
  const placedLong = autotime(talk, long.envelope).project.segments;
  const t6 = performance.now();
  const longErr = boundaryErrors(placedLong, long.bursts);
  console.log(
    `  synthetic ${(long.envelope.durationMs / 3_600_000).toFixed(1)} h talk, 2000 segments: placing ${ms(t6 - t5)}, median ${ms(longErr.median)}, p90 ${ms(longErr.p90)}`,
  );

  // Robustness: the same recording under steady pink noise (a noisy room), at falling signal-to-noise
  // ratios (amix halves each input; volume=2 restores the speech level; ffmpeg 4.1 has no normalize=0).
  const dir = await mkdtemp(join(tmpdir(), 'zimu-bench-autotime-'));
  try {
    for (const amplitude of [0.01, 0.03, 0.06, 0.12]) {
      const noisy = join(dir, `noisy-${amplitude}.flac`);
      await promisify(execFile)(tools.ffmpeg, [
        ...['-v', 'error', '-nostdin', '-y', '-i', sample.mediaPath],
        ...['-f', 'lavfi', '-i', `anoisesrc=c=pink:r=48000:a=${amplitude}:d=${probe.durationMs / 1000}`],
        ...['-filter_complex', '[0:a][1:a]amix=inputs=2:duration=first,volume=2', '-ac', '1', noisy],
      ]);
      const noisyProbe = await probeMedia(tools, noisy);
      const env = await loadEnvelope({ path: noisy, probe: noisyProbe, track: 0 }, { tools, cacheDir: null });
      const e = boundaryErrors(autotime(sample.untimed, env).project.segments, sample.speech);
      const noiseDb = Math.round(20 * Math.log10(amplitude));
      console.log(`  under pink noise of amplitude ${noiseDb} dBFS: median ${ms(e.median)}, p90 ${ms(e.p90)}`);
    }
    const varied = variedRecording(tools.ffmpeg, sample.untimed, dir);
    if (!varied) console.log('  varied speeds and gaps: skipped (espeak-ng is not installed)');
    else {
      const variedProbe = await probeMedia(tools, varied.path);
      const env = await loadEnvelope({ path: varied.path, probe: variedProbe, track: 0 }, { tools, cacheDir: null });
      const e = boundaryErrors(autotime(sample.untimed, env).project.segments, varied.reference);
      console.log(
        `  espeak-ng at random speeds with random 80–980 ms gaps: median ${ms(e.median)}, p90 ${ms(e.p90)}, max ${ms(e.max)}`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && join(process.argv[1]) === join(__filename)) {
  benchAutotime().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
