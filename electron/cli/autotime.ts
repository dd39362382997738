import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { autotime } from '../../shared/autotime/autotime';
import { EXPORT_FORMAT_IDS, type ExportFormatId, exportFormatOfExtension } from '../../shared/formats/table';
import { describeError, ZimuError } from '../../shared/ipc/errors';
import { msg } from '../../shared/ipc/messages';
import { loadEnvelope } from '../services/autotime';
import { resolveMediaInput } from '../services/bilibili';
import { exportProject } from '../services/documents';
import { locateFfmpeg, probeMedia } from '../services/ffmpeg';
import { writeFileAtomic } from '../services/files';
import { defaultProfileDir } from '../services/profile';
import { formatInspectJson, inspectJson } from './inspect-json';
import { readInput } from './read-input';
import type { CliIo } from './run';

export const AUTOTIME_FORMATS = [...EXPORT_FORMAT_IDS, 'json'] as const;

export const AUTOTIME_USAGE = `  zimu autotime <text-file> <media-or-folder> [-o <out>] [--format ${AUTOTIME_FORMATS.join('|')}]
      time a transcript's untimed segments on the media's speech (flag auto-timed); the output's
      format comes from --format, else -o's extension (.json: the inspect JSON), else SRT on stdout`;

/** The format to write: --format, else from the output's extension (.json is the inspect JSON), else SRT. */
export function autotimeFormat(
  format: string | undefined,
  output: string | undefined,
  usage: (m: string) => Error,
): ExportFormatId | 'json' {
  if (format !== undefined) {
    if (!(AUTOTIME_FORMATS as readonly string[]).includes(format))
      throw usage(`--format: expected ${AUTOTIME_FORMATS.join('|')}, got '${format}'`);
    return format as ExportFormatId | 'json';
  }
  const ext = output ? extname(output).toLowerCase() : '';
  if (!ext) return 'srt';
  if (ext === '.json') return 'json';
  const found = exportFormatOfExtension(ext);
  if (!found) throw usage(`cannot tell the format of ${output} from its extension: pass --format`);
  return found;
}

/**
 * `zimu autotime`: read a transcript (any format Zimu reads; its untimed segments are placed,
 * timed ones kept), read the media's audio envelope with ffmpeg (the waveform cache of the
 * profile is used and filled), place the segments and write the result.
 */
export async function autotimeCommand(args: string[], io: CliIo, usage: (message: string) => Error): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, format: { type: 'string' } },
  });
  if (positionals.length !== 2) throw usage('autotime takes a text file and a media file');
  const [textFile, mediaFile] = positionals.map((p) => resolve(p)) as [string, string];
  const format = autotimeFormat(values.format, values.output, usage);
  const doc = await readInput(textFile);
  const tools = locateFfmpeg();
  const cacheDir = join(defaultProfileDir(), 'cache');
  const media = await resolveMediaInput(mediaFile, tools, cacheDir);
  const probe = await probeMedia(tools, media.playPath);
  if (probe.audioTracks.length === 0) throw new ZimuError('unsupported', msg('media-no-audio'), { file: mediaFile });
  const envelope = await loadEnvelope({ path: media.playPath, probe, track: 0 }, { tools, cacheDir });
  const { project, timed } = autotime(doc.project, envelope);
  io.stderr(`zimu: placed ${timed.length} of ${project.segments.length} segments on ${mediaFile}`);

  let bytes: Uint8Array | string;
  if (format === 'json') bytes = formatInspectJson(inspectJson(doc.format, doc.encoding, project, doc.warnings));
  else {
    const options = { format, layout: 'bilingual', encoding: 'utf8', lineEnding: 'lf' } as const;
    const result = exportProject(project, options);
    for (const w of result.warnings)
      io.stderr(`zimu: warning: ${describeError({ message: w.message, detail: { file: textFile } })}`);
    bytes = result.bytes;
  }
  if (values.output) {
    await writeFileAtomic(resolve(values.output), bytes);
    io.stderr(`zimu: wrote ${values.output}`);
  } else io.stdout(bytes);
}
