// Automatic timing of the sample: the 30 phrases of electron/sample with their times taken away,
// placed on the espeak-ng recording, then compared boundary by boundary with the true times
// (timings.json). Prints the median and 90th-percentile error (target: median < 250 ms) against
// speech ends and against the recorded clip ends, and how long it took (envelope decode and placing).
// For comparison, the same placement on RMS energy per 10 ms from a separate decode.
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadEnvelope } from '../../electron/services/autotime';
import { loadAutotimeSample } from '../../electron/services/autotime-sample';
import { locateFfmpeg, probeMedia } from '../../electron/services/ffmpeg';
import { runPcm } from '../../electron/services/pcm-stream';
import { SAMPLE_PROJECT } from '../../electron/services/sample';
import { autotime } from '../../shared/autotime/autotime';
import { boundaryErrors } from '../../shared/autotime/evaluate';
import type { Envelope } from '../../shared/autotime/speech';

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
}

if (process.argv[1] && join(process.argv[1]) === join(__filename)) {
  benchAutotime().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
