// Waveform peaks of a 2-hour AAC talk, in one run: ffmpeg's own decode of the track (mono s16le at
// the native rate into a null sink), Zimu's whole media.peaks (two halves in parallel, levels, cache
// write), how soon the first 10 minutes can be drawn, Node's peak RSS meanwhile, and a cached reload.
// Zimu runs in a fresh Node process each time (this file, with `child`), so that its RSS is its own
// and not what the benchmarks before it left in this process's heap.
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { type FfmpegTools, locateFfmpeg } from '../../electron/services/ffmpeg';
import { createHandlers } from '../../electron/services/handlers';
import { createMediaRegistry } from '../../electron/services/media-registry';
import { createSettingsStore } from '../../electron/services/settings';

const run = promisify(execFile);
const TALK_SECONDS = 7200;
const FIRST_MINUTES = 10;
const RUNS = 3;
const devNull = process.platform === 'win32' ? 'NUL' : '/dev/null';

/** The generated talk, kept in <repo>/.cache/bench between runs (it takes about a minute to make). */
async function talk(tools: FfmpegTools): Promise<string> {
  const dir = resolve(__dirname, '..', '..', '.cache', 'bench');
  const file = join(dir, 'talk-2h.m4a');
  if (existsSync(file)) return file;
  await fs.mkdir(dir, { recursive: true });
  console.log(`peaks: generating a 2-hour AAC talk into ${file} (once; a minute or more)…`);
  const temp = `${file}.tmp`;
  await run(tools.ffmpeg, [
    ...['-v', 'error', '-nostdin', '-y'],
    ...['-f', 'lavfi', '-i', 'anoisesrc=c=pink:r=48000:a=0.2', '-f', 'lavfi', '-i', 'sine=f=220:r=48000'],
    ...['-filter_complex', 'amix', '-t', String(TALK_SECONDS), '-c:a', 'aac', '-b:a', '64k', '-f', 'mp4', temp],
  ]);
  await fs.rename(temp, file);
  return file;
}

async function ffmpegAlone(ffmpeg: string, file: string): Promise<number> {
  const t0 = performance.now();
  await run(ffmpeg, ['-v', 'error', '-nostdin', '-i', file, '-map', '0:a:0', '-ac', '1', '-f', 's16le', '-y', devNull]);
  return performance.now() - t0;
}

interface ZimuRun {
  totalMs: number;
  firstMinutesMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  chunks: number;
  levels: string;
}

function host(cacheDir: string, profile: string, onEvent: (event: string, payload: unknown) => void) {
  return createHandlers({
    host: 'web',
    version: 'bench',
    locale: 'en',
    startupFile: null,
    settings: createSettingsStore(profile),
    media: createMediaRegistry(),
    mediaUrl: (id) => `/media/${id}`,
    emit: (event, payload) => onEvent(event, payload),
    dialogs: null,
    cacheDir,
  });
}

/** One cold media.peaks: RSS sampled every 5 ms, first-10-minutes time from the streamed chunks. */
async function zimuPeaks(file: string, scratch: string, n: number): Promise<ZimuRun> {
  const { stdout } = await run(process.execPath, [...process.execArgv, __filename, 'child', file, scratch, String(n)]);
  return JSON.parse(stdout) as ZimuRun;
}

async function coldRun(file: string, scratch: string, n: number): Promise<ZimuRun> {
  const wanted = FIRST_MINUTES * 60 * 100;
  let covered = 0;
  let chunks = 0;
  let t0 = 0;
  let firstMinutesMs = Number.NaN;
  const handlers = host(join(scratch, `cache-${n}`), join(scratch, 'profile'), (event, payload) => {
    if (event !== 'peaks.chunk') return;
    chunks++;
    const c = payload as { from: number; data: string };
    // The first half streams in order from 0: follow its contiguous run.
    if (c.from === covered) covered += Buffer.byteLength(c.data, 'base64') / 4;
    if (covered >= wanted && Number.isNaN(firstMinutesMs)) firstMinutesMs = performance.now() - t0;
  });
  const media = await handlers['media.open']({ path: file });
  const rssBefore = process.memoryUsage.rss();
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 5);
  t0 = performance.now();
  const peaks = await handlers['media.peaks']({ mediaId: media.id });
  const totalMs = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  if (peaks.cached) throw new Error('expected a cold decode');
  const levels = peaks.levels.map((l) => `${l.peaksPerSecond}/s×${l.count}`).join(', ');
  return { totalMs, firstMinutesMs, rssBeforeMb: rssBefore / 2 ** 20, peakRssMb: peakRss / 2 ** 20, chunks, levels };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const line = (label: string, value: string, note = '') =>
  console.log(`${label.padEnd(52)} ${value.padStart(10)}  ${note}`);

export async function benchPeaks(): Promise<void> {
  const tools = locateFfmpeg();
  const file = await talk(tools);
  const size = (await fs.stat(file)).size;
  await fs.readFile(file); // warm the page cache, so neither side pays for the first read
  console.log(`\npeaks: ${TALK_SECONDS / 3600} h AAC 48 kHz mono 64 kb/s, ${(size / 2 ** 20).toFixed(0)} MiB`);
  console.log(`ffmpeg: ${tools.ffmpeg}`);
  console.log(
    `load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (2 cores; others' work skews the figures)`,
  );
  const scratch = await fs.mkdtemp(join(tmpdir(), 'zimu-bench-peaks-'));
  try {
    const alone: number[] = [];
    const zimu: ZimuRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      alone.push(await ffmpegAlone(tools.ffmpeg, file));
      zimu.push(await zimuPeaks(file, scratch, i));
    }
    const decodeMs = median(alone);
    const totalMs = median(zimu.map((z) => z.totalMs));
    const firstMs = median(zimu.map((z) => z.firstMinutesMs));
    const rss = Math.max(...zimu.map((z) => z.peakRssMb));
    const before = Math.min(...zimu.map((z) => z.rssBeforeMb));
    line('ffmpeg alone: decode to mono s16le, null sink', `${(decodeMs / 1000).toFixed(2)} s`, `median of ${RUNS}`);
    line('Zimu media.peaks, cold (decode, levels, cache)', `${(totalMs / 1000).toFixed(2)} s`, `median of ${RUNS}`);
    line('  ratio Zimu / ffmpeg alone', (totalMs / decodeMs).toFixed(2), 'target ≤ 1.15');
    line(`  first ${FIRST_MINUTES} minutes of waveform streamed`, `${(firstMs / 1000).toFixed(2)} s`, '');
    line('  ratio to the ffmpeg-alone decode', (firstMs / decodeMs).toFixed(2), 'target ≤ 0.20');
    line('  Node peak RSS while decoding', `${rss.toFixed(0)} MB`, `target < 150 MB (${before.toFixed(0)} MB before)`);
    line('  peaks.chunk events, levels', String(zimu[0]?.chunks), zimu[0]?.levels ?? '');

    const loads: number[] = [];
    for (let i = 0; i < 5; i++) loads.push(await cachedLoad(file, scratch));
    line('Zimu media.peaks, cached (new session)', `${median(loads).toFixed(1)} ms`, 'median of 5, target < 100 ms');

    const system = locateFfmpeg(null, null).ffmpeg;
    if (system !== tools.ffmpeg) {
      line(`for reference: ${system} alone`, `${((await ffmpegAlone(system, file)) / 1000).toFixed(2)} s`, '');
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** media.peaks answered from the cache of the first cold run, in a new session (handlers, registry). */
async function cachedLoad(file: string, scratch: string): Promise<number> {
  const again = host(join(scratch, 'cache-0'), join(scratch, 'profile'), () => {});
  const media = await again['media.open']({ path: file });
  const t0 = performance.now();
  const cached = await again['media.peaks']({ mediaId: media.id });
  if (!cached.cached) throw new Error('expected the cache');
  return performance.now() - t0;
}

if (require.main === module && process.argv[2] === 'child') {
  const [file, scratch, n] = process.argv.slice(3) as [string, string, string];
  coldRun(file, scratch, Number(n)).then(
    (result) => console.log(JSON.stringify(result)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
