import { promises as fs } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { mergeTranslationTrack } from '../../shared/align/translation-track';
import { EXPORT_FORMAT_IDS, LAYOUTS, type Layout } from '../../shared/formats/table';
import { describeError, ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import { availableProfiles, findProfile, type QaProfile, resolveProfile, wrapLimits } from '../../shared/qa/profile';
import { resolveMediaInput } from '../services/bilibili';
import { CHINESE_SCRIPTS } from '../services/chinese-script';
import { exportProject } from '../services/documents';
import { READ_ENCODINGS, WRITE_ENCODINGS, type WriteEncoding } from '../services/encoding';
import { locateFfmpeg, probeMedia } from '../services/ffmpeg';
import { writeFileAtomic } from '../services/files';
import { decodePeaks, PEAKS_PER_SECOND } from '../services/peaks';
import { encodePeaksFile, PEAKS_EXTENSION } from '../services/peaks-file';
import { defaultProfileDir } from '../services/profile';
import { createSettingsStore } from '../services/settings';
import { APP_VERSION } from '../services/version';
import { AUTOTIME_USAGE, autotimeCommand } from './autotime';
import { CORRECTION_USAGE, exportTextCommand, reimportCommand } from './correction';
import { formatInspectJson, inspectJson } from './inspect-json';
import { QA_USAGE, qaCommand } from './qa';
import { readInput } from './read-input';
import { TRANSLATE_USAGE, translateCommand } from './translate';
import { UsageError } from './usage-error';

const TARGETS = [...EXPORT_FORMAT_IDS, 'json'] as const;

const USAGE = `zimu ${APP_VERSION} — bilingual subtitle tools
usage:
  zimu inspect <file> [--encoding <label>]
      print the parsed document as JSON (times in integer ms, null when untimed)
  zimu convert <in> --to ${TARGETS.join('|')} [-o <out>] [--layout ${LAYOUTS.join('|')}]
      [--encoding ${WRITE_ENCODINGS.join('|')}] [--line-ending lf|crlf] [--translation <second-file>]
      [--ass-bilingual one-event|two-events] [--text-style paragraphs|lines] [--allow-lossy]
      [--script ${CHINESE_SCRIPTS.join('|')}] [--wrap [--profile <id-or-name>]]
      --script writes the Chinese text as Simplified or Taiwan/Hong Kong Traditional (OpenCC, regional
      words); --wrap re-breaks lines longer than the QA profile allows
  zimu convert <in>... --to <fmt> --out-dir <dir>     convert several files
  zimu media <file-or-folder>
      print duration, audio tracks and video size as JSON (a Bilibili folder: title, bvid, part too)
  zimu peaks <media-or-folder> [-o <file>] [--pps <n>] [--track <n>]
      write the waveform as a peaks file (default: <name>${PEAKS_EXTENSION} here, ${PEAKS_PER_SECOND} per second)
      and print {"durationMs","peaksPerSecond","count"}
${CORRECTION_USAGE}
${AUTOTIME_USAGE}
${QA_USAGE}
${TRANSLATE_USAGE}
  zimu --version
encodings read: ${READ_ENCODINGS.join(', ')}`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag}: expected ${allowed.join('|')}, got '${value}'`);
  return value as T;
}

const EXTENSION: Record<string, string> = { bcc: '.bcc', json: '.json', txt: '.txt', whisper: '.json' };

/** Where the CLI writes; tests pass buffers, the binary passes the process streams. */
export interface CliIo {
  stdout(data: string | Uint8Array): void;
  stderr(line: string): void;
}

async function inspect(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { encoding: { type: 'string' } },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('inspect takes one file');
  const encoding =
    values.encoding === undefined ? undefined : oneOf(values.encoding, READ_ENCODINGS, '--encoding', 'utf-8');
  const doc = await readInput(resolve(file), encoding);
  io.stdout(formatInspectJson(inspectJson(doc.format, doc.encoding, doc.project, doc.warnings)));
}

async function convert(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'out-dir': { type: 'string' },
      layout: { type: 'string' },
      encoding: { type: 'string' },
      'input-encoding': { type: 'string' },
      'line-ending': { type: 'string' },
      translation: { type: 'string' },
      'ass-bilingual': { type: 'string' },
      'text-style': { type: 'string' },
      'allow-lossy': { type: 'boolean', default: false },
      script: { type: 'string' },
      wrap: { type: 'boolean', default: false },
      profile: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('convert needs an input file');
  const script = values.script === undefined ? undefined : oneOf(values.script, CHINESE_SCRIPTS, '--script', 'zh-Hans');
  if (values.profile !== undefined && !values.wrap) throw new UsageError('--profile goes with --wrap');
  const wrap = values.wrap ? wrapLimits(await profileFor(values.profile)) : undefined;
  if (!values.to) throw new UsageError('convert needs --to <format>');
  const to = oneOf(values.to, TARGETS, '--to', 'srt');
  if (positionals.length > 1 && !values['out-dir']) throw new UsageError('several inputs need --out-dir');
  if (values.output && values['out-dir']) throw new UsageError('use -o or --out-dir, not both');
  if (values.translation && positionals.length > 1) throw new UsageError('--translation takes a single input');
  const layout: Layout = oneOf(values.layout, LAYOUTS, '--layout', 'bilingual');
  const encoding: WriteEncoding = oneOf(values.encoding, WRITE_ENCODINGS, '--encoding', 'utf8');
  const inputEncoding =
    values['input-encoding'] === undefined
      ? undefined
      : oneOf(values['input-encoding'], READ_ENCODINGS, '--input-encoding', 'utf-8');
  const lineEnding = oneOf(values['line-ending'], ['lf', 'crlf'] as const, '--line-ending', 'lf');
  const assBilingual = oneOf(
    values['ass-bilingual'],
    ['one-event', 'two-events'] as const,
    '--ass-bilingual',
    'one-event',
  );
  const textStyle = oneOf(values['text-style'], ['paragraphs', 'lines'] as const, '--text-style', 'lines');

  for (const input of positionals) {
    const path = resolve(input);
    const doc = await readInput(path, inputEncoding);
    let project = doc.project;
    if (values.translation) {
      const second = await readInput(resolve(values.translation));
      project = mergeTranslationTrack(project, second.project.segments).project;
    }
    let bytes: Buffer;
    if (to === 'json') {
      bytes = Buffer.from(formatInspectJson(inspectJson(doc.format, doc.encoding, project, doc.warnings)));
    } else {
      const result = exportProject(project, {
        format: to,
        layout,
        encoding,
        lineEnding,
        assBilingual,
        textStyle,
        ...(script ? { script } : {}),
        ...(wrap ? { wrap } : {}),
      });
      if (result.unencodable.length > 0 && !values['allow-lossy']) {
        const characters = result.unencodable.slice(0, 20).join(' ');
        throw new ZimuError('invalid-argument', msg('export-lossy-cli', { encoding, characters }), { file: path });
      }
      for (const w of result.warnings)
        console.error(
          `zimu: warning: ${describeError({ message: w.message, detail: { file: path, ...(w.line ? { line: w.line } : {}) } })}`,
        );
      bytes = result.bytes;
    }
    const outDir = values['out-dir'];
    const out = outDir
      ? join(resolve(outDir), basename(path, extname(path)) + (EXTENSION[to] ?? `.${to}`))
      : values.output;
    if (out) {
      if (outDir) await fs.mkdir(resolve(outDir), { recursive: true });
      await writeFileAtomic(resolve(out), bytes);
      io.stderr(`zimu: wrote ${out}`);
    } else io.stdout(bytes);
  }
}

/** A QA profile by id or name, else the one chosen in Settings. */
async function profileFor(name: string | undefined): Promise<QaProfile> {
  const settings = await createSettingsStore(defaultProfileDir()).get();
  if (name === undefined) return resolveProfile(settings);
  const found = findProfile(settings, name);
  if (!found)
    throw new UsageError(
      `--profile: no profile '${name}' (${availableProfiles(settings)
        .map((p) => p.id)
        .join(', ')})`,
    );
  return found;
}

/** A media file or Bilibili folder, made playable (remuxed into the profile's cache if need be) and probed. */
async function openMedia(input: string) {
  const tools = locateFfmpeg();
  const resolved = await resolveMediaInput(resolve(input), tools, join(defaultProfileDir(), 'cache'));
  const probe = await probeMedia(tools, resolved.playPath);
  if (probe.audioTracks.length === 0) {
    throw new ZimuError('unsupported', msg('media-no-audio'), { file: resolve(input) });
  }
  return { tools, playPath: resolved.playPath, bilibili: resolved.bilibili, probe };
}

function onePositional(args: string[], command: string, options: ParseArgsConfig['options'] = {}) {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError(`${command} takes one file or folder`);
  return { file, values };
}

function integerOption(value: unknown, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag}: expected ${min}..${max}, got '${value}'`);
  return n;
}

async function media(args: string[], io: CliIo): Promise<void> {
  const { file } = onePositional(args, 'media');
  const { probe, bilibili } = await openMedia(file);
  const info = { durationMs: probe.durationMs, audioTracks: probe.audioTracks, video: probe.video, ...bilibili };
  io.stdout(`${JSON.stringify(info, null, 2)}\n`);
}

async function peaks(args: string[], io: CliIo): Promise<void> {
  const { file, values } = onePositional(args, 'peaks', {
    output: { type: 'string', short: 'o' },
    pps: { type: 'string' },
    track: { type: 'string' },
  });
  const peaksPerSecond = integerOption(values.pps, '--pps', 1, 1000, PEAKS_PER_SECOND);
  const track = integerOption(values.track, '--track', 0, 99, 0);
  const { tools, playPath, probe } = await openMedia(file);
  const info = probe.audioTracks[track];
  if (!info) throw new ZimuError('invalid-argument', msg('media-no-such-track', { track }), { file: resolve(file) });
  const result = await decodePeaks(tools, {
    path: playPath,
    track,
    sampleRate: info.sampleRate,
    durationMs: probe.durationMs,
    format: probe.format,
    peaksPerSecond,
  });
  const out = resolve(
    typeof values.output === 'string' ? values.output : `${basename(resolve(file), extname(file))}${PEAKS_EXTENSION}`,
  );
  await writeFileAtomic(out, encodePeaksFile({ ...result, level: 0, levels: 1 }));
  io.stderr(`zimu: wrote ${out}`);
  const { durationMs, count } = result;
  io.stdout(`${JSON.stringify({ durationMs, peaksPerSecond, count })}\n`);
}

/** Run one `zimu` command; resolves to the exit status (0 ok, 1 failed or `qa` found errors, 2 usage). Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v') io.stdout(`${APP_VERSION}\n`);
    else if (command === 'inspect') await inspect(rest, io);
    else if (command === 'convert') await convert(rest, io);
    else if (command === 'media') await media(rest, io);
    else if (command === 'peaks') await peaks(rest, io);
    else if (command === 'reimport') await reimportCommand(rest, io);
    else if (command === 'export-text') await exportTextCommand(rest, io);
    else if (command === 'autotime') await autotimeCommand(rest, io, (message) => new UsageError(message));
    else if (command === 'qa') return await qaCommand(rest, io, (message) => new UsageError(message));
    else if (command === 'translate') await translateCommand(rest, io, (message) => new UsageError(message));
    else {
      io.stdout(`${USAGE}\n`);
      return command === undefined || command === '--help' || command === '-h' ? 0 : 2;
    }
    return 0;
  } catch (err) {
    const parseArgsError = err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS');
    if (err instanceof UsageError || parseArgsError) {
      io.stderr(`zimu: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    // One line, `zimu: <file>:<line>: <message>`, so editors and scripts can jump to the problem.
    const message = err instanceof ZimuError ? describeError(err) : err instanceof Error ? err.message : String(err);
    io.stderr(`zimu: ${message.split('\n')[0]}`);
    return 1;
  }
}
