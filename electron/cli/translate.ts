import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FormatId } from '../../shared/formats/format';
import { describeError, ZimuError } from '../../shared/ipc/errors';
import { knownMessage, msg } from '../../shared/ipc/messages';
import { PROJECT_EXTENSION, serializeProjectFile } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { applyDrafts, type TranslationDraft } from '../../shared/translate/drafts';
import type { TranslateScope } from '../../shared/translate/plan';
import { CUSTOM_PRESET, findPreset } from '../../shared/translate/presets';
import type { TermPair } from '../../shared/translate/prompt';
import type { TranslateProgress } from '../../shared/translate/schema';
import { DEFAULT_LLM_SETTINGS, type LlmSettings, resolveEndpoint } from '../../shared/translate/settings';
import { exportProject } from '../services/documents';
import { writeFileAtomic } from '../services/files';
import { exportFormats } from '../services/formats/registry';
import { defaultProfileDir } from '../services/profile';
import { saveProjectFile } from '../services/project-store';
import { createSettingsStore } from '../services/settings';
import { openTranslationMemory } from '../services/tm/memory-store';
import { createKeyStore } from '../services/translate/key-store';
import { createLlmJob } from '../services/translate/llm-job';
import { readGlossaryCsv } from './glossary-csv';
import { formatInspectJson, inspectJson } from './inspect-json';
import { readInput } from './read-input';
import type { CliIo } from './run';

const FORMATS = [...exportFormats.map((f) => f.id), 'json', 'zimu'] as const;

export const TRANSLATE_USAGE = `  zimu translate <file> [--to en] [--base-url <url>] [--model <name>] [--preset <id>] [--local-only]
      [--glossary terms.csv] [--only-untranslated] [--no-memory] [--batch <n>] [--max-line <n>]
      [--format ${FORMATS.join('|')}] [-o <out>]
      translate sentence by sentence through an OpenAI-compatible endpoint (flags, else ZIMU_LLM_BASE_URL and
      ZIMU_LLM_MODEL, else the app's settings); the key comes from ZIMU_LLM_API_KEY or the app's key file.
      Exact translation-memory matches are used first. Translations are flagged machine-translated;
      progress goes to stderr; exit 1 when the endpoint refuses or cannot be reached`;

/** The endpoint: flags, then the environment, then the app's saved settings. */
function endpointSettings(
  values: {
    'base-url'?: string | undefined;
    model?: string | undefined;
    preset?: string | undefined;
    'local-only'?: boolean | undefined;
    batch?: string | undefined;
  },
  saved: LlmSettings,
  env: Readonly<Record<string, string | undefined>>,
  usage: (message: string) => Error,
): LlmSettings {
  const baseUrl = values['base-url'] ?? env.ZIMU_LLM_BASE_URL ?? '';
  const explicit = baseUrl !== '' || values.preset !== undefined;
  if (values.preset !== undefined && values.preset !== CUSTOM_PRESET && !findPreset(values.preset))
    throw usage(`--preset: unknown preset '${values.preset}'`);
  const preset = values.preset ?? (baseUrl ? CUSTOM_PRESET : saved.preset);
  let batchSentences = saved.batchSentences;
  if (values.batch !== undefined) {
    const n = Number(values.batch);
    if (!Number.isInteger(n) || n < 1 || n > 100) throw usage(`--batch: expected 1..100, got '${values.batch}'`);
    batchSentences = n;
  }
  return {
    ...saved,
    preset,
    baseUrl: explicit ? baseUrl : saved.baseUrl,
    model: values.model ?? env.ZIMU_LLM_MODEL ?? (explicit ? '' : saved.model),
    // A URL given here is the user's explicit choice; the app's "local only" guards the app's own settings.
    localOnly: values['local-only'] === true || (!explicit && saved.localOnly),
    ...(batchSentences !== undefined ? { batchSentences } : {}),
  };
}

function outputFormat(
  format: string | undefined,
  output: string | undefined,
  inputFormat: string,
  usage: (m: string) => Error,
) {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format))
      throw usage(`--format: expected ${FORMATS.join('|')}, got '${format}'`);
    return format;
  }
  const ext = output ? extname(output).toLowerCase() : '';
  if (ext === PROJECT_EXTENSION) return 'zimu';
  if (ext === '.json') return 'json';
  const found = ext ? exportFormats.find((f) => f.extensions.includes(ext)) : undefined;
  if (found) return found.id;
  return (FORMATS as readonly string[]).includes(inputFormat) ? inputFormat : 'srt';
}

function progressLine(p: TranslateProgress): string {
  const cost = p.cost && p.cost.amount > 0 ? `, ~${p.cost.amount.toFixed(4)} ${p.cost.currency}` : '';
  const base = `zimu: ${p.segmentsDone}/${p.segmentsTotal} segments, ${p.batchesDone}/${p.batchesTotal} batches, ${p.tokens.prompt + p.tokens.completion} tokens${cost}`;
  if (p.state === 'waiting' || p.state === 'offline') {
    const wait = p.retryAt ? ` (retrying in ${Math.max(0, Math.round((p.retryAt - Date.now()) / 1000))} s)` : '';
    return `${base} — ${p.state}: ${p.message ?? ''}${wait}`;
  }
  return p.reason && p.message ? `${base} — ${p.reason}: ${p.message}` : base;
}

export async function translateCommand(
  args: string[],
  io: CliIo,
  usage: (message: string) => Error,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      'base-url': { type: 'string' },
      model: { type: 'string' },
      preset: { type: 'string' },
      'local-only': { type: 'boolean' },
      glossary: { type: 'string' },
      'only-untranslated': { type: 'boolean', default: false },
      'no-memory': { type: 'boolean', default: false },
      batch: { type: 'string' },
      'max-line': { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  if (positionals.length !== 1) throw usage('translate takes one file');
  const input = resolve(positionals[0] as string);
  const maxLine = values['max-line'] === undefined ? 42 : Number(values['max-line']);
  if (!Number.isInteger(maxLine) || maxLine < 10 || maxLine > 200)
    throw usage(`--max-line: expected 10..200, got '${values['max-line']}'`);
  const doc = await readInput(input);
  const format = outputFormat(values.format, values.output, doc.format, usage);
  const terms: TermPair[] = values.glossary ? await readGlossaryCsv(resolve(values.glossary)) : [];

  const profileDir = defaultProfileDir();
  const saved = (await createSettingsStore(profileDir).get()).llm ?? DEFAULT_LLM_SETTINGS;
  const settings = endpointSettings(values, saved, env, usage);
  const resolved = resolveEndpoint(settings);
  if (!resolved.ok) throw new ZimuError('invalid-argument', resolved.reason);
  const endpoint = resolved.endpoint;

  let project: Project = doc.project;
  if (values.to) project = { ...project, languages: { ...project.languages, translation: values.to } };
  const scope: TranslateScope = values['only-untranslated'] ? { kind: 'untranslated' } : { kind: 'all' };
  const memory = values['no-memory'] ? null : (await openTranslationMemory(profileDir, project.languages)).index;
  const keys = createKeyStore({ profileDir, env });
  let lastLine = '';
  const job = createLlmJob({
    id: 'cli',
    project,
    task: 'translate',
    scope,
    overwrite: true,
    terms,
    distribution: { maxLineLength: maxLine, maxLines: 1 },
    memory,
    endpoint,
    localOnly: settings.localOnly,
    apiKey: await keys.get(endpoint.destination.host),
    onProgress: (p) => {
      // Streamed chunks only move receivedChars: print when something a person cares about changes.
      const line = progressLine(p);
      if (line !== lastLine) io.stderr(line);
      lastLine = line;
    },
    // A dropped network is waited out for a minute; an endpoint never reached fails at once.
    job: { maxOfflineMs: 60_000 },
  });
  const planned = job.progress();
  io.stderr(
    `zimu: translating ${planned.segmentsTotal + job.memoryDrafts.length} segments into ${project.languages.translation} ` +
      `(${job.memoryDrafts.length} from the translation memory, ${planned.batchesTotal} request${planned.batchesTotal === 1 ? '' : 's'}) with ${endpoint.model} at ${endpoint.destination.origin}`,
  );
  await job.start();
  const final = job.progress();
  if (final.state === 'failed')
    throw new ZimuError('io-error', knownMessage(final.hostMessage) ?? msg('translate-failed'));

  const drafts: TranslationDraft[] = [...job.memoryDrafts, ...job.batches().flatMap((b) => b.drafts)];
  const applied = applyDrafts(project, drafts).project;
  let bytes: string | Uint8Array;
  if (format === 'json') bytes = formatInspectJson(inspectJson(doc.format, doc.encoding, applied, doc.warnings));
  else if (format === 'zimu') bytes = serializeProjectFile(applied);
  else {
    const result = exportProject(applied, {
      format: format as FormatId,
      layout: 'bilingual',
      encoding: 'utf8',
      lineEnding: 'lf',
    });
    for (const w of result.warnings)
      io.stderr(`zimu: warning: ${describeError({ message: w.message, detail: { file: input } })}`);
    bytes = result.bytes;
  }
  if (values.output) {
    // A project stores its media path relative to itself: the project store knows how.
    if (format === 'zimu') await saveProjectFile(resolve(values.output), applied);
    else await writeFileAtomic(resolve(values.output), bytes);
    io.stderr(`zimu: wrote ${values.output}`);
  } else io.stdout(bytes);

  const problems = job.problems();
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`zimu: not translated: ${p.segmentIds.join(' ')}: ${p.message}`);
    const failed = msg('translate-segments-failed', { failed: final.segmentsFailed, total: final.segmentsTotal });
    throw new ZimuError('io-error', failed, { file: input });
  }
}
