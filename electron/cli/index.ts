import { basename, extname, resolve } from 'node:path';
import { describeError, ZimuError } from '../../shared/ipc/errors';
import { PROJECT_EXTENSION } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { readFileBytes } from '../services/files';
import { loadProjectFile } from '../services/project-store';
import { importSubtitleText, subtitleFormatOf } from '../services/subtitle-io';
import { decodeText } from '../services/text-decode';
import { APP_VERSION } from '../services/version';

const USAGE = `zimu ${APP_VERSION}
usage:
  zimu inspect <file>     print a project or subtitle file as JSON (times in ms)
  zimu --version`;

async function readDocument(path: string): Promise<{ format: string; project: Project }> {
  if (extname(path).toLowerCase() === PROJECT_EXTENSION)
    return { format: 'zimu', project: await loadProjectFile(path) };
  const format = subtitleFormatOf(path);
  if (!format) throw new ZimuError('unsupported', `unknown file type ${extname(path) || '(none)'}`, { file: path });
  const project = importSubtitleText(decodeText(await readFileBytes(path), path), path, basename(path));
  return { format, project };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    console.log(APP_VERSION);
    return 0;
  }
  if (command === 'inspect' && rest[0]) {
    const { format, project } = await readDocument(resolve(rest[0]));
    const segments = project.segments.map((s) => ({
      start: s.start,
      end: s.end,
      text: s.source,
      translation: s.translation,
    }));
    process.stdout.write(`${JSON.stringify({ format, encoding: 'utf-8', segments, warnings: [] }, null, 2)}\n`);
    return 0;
  }
  console.error(USAGE);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = err instanceof ZimuError ? describeError(err) : err instanceof Error ? err.message : String(err);
    console.error(`zimu: ${message}`);
    process.exit(1);
  },
);
