import { z } from 'zod';
import { MENU_COMMAND_IDS } from '../commands/table';
import { EXPORT_FORMAT_IDS, FILE_FILTERS, LAYOUTS } from '../formats/table';
import { GlossarySchema } from '../glossary/model';
import { ProjectPatchSchema } from '../model/patch';
import { ProjectSchema } from '../model/schema';
import {
  CostSchema,
  FuzzyMatchSchema,
  JobProblemSchema,
  KeyStatusSchema,
  TaskSchema,
  TermPairSchema,
  TmPairSchema,
  TokenCountSchema,
  TranslateBatchResultSchema,
  TranslateProgressSchema,
  TranslateScopeSchema,
  TranslationDraftSchema,
} from '../translate/schema';
import { LlmSettingsSchema } from '../translate/settings';
import { HostMessageSchema, HostWarningSchema } from './message-schema';

/**
 * The one table of everything the renderer may ask of the machine, and everything the machine may
 * tell it. Both hosts (Electron IPC and the loopback HTTP server) are generated from this table and
 * validate every argument against it before a service sees it. Adding a call = one entry here plus
 * one row in the table of electron/services/handlers.ts (calling a service function).
 */

/** Something skipped or repaired (shared/ipc/message-schema.ts). */
const Warning = HostWarningSchema;

export const MediaInfoSchema = z.object({
  /** Opaque id under which the host serves this file; only opened files get one. */
  id: z.string(),
  /** URL the renderer's media element plays (zimu-media: in Electron, /media/ on the web host). */
  url: z.string(),
  /** What the user opened: a media file, or a Bilibili cache folder. */
  path: z.string(),
  /** The file actually played: `path`, a stream inside a Bilibili folder, or a cached remux of it. */
  playPath: z.string(),
  /** True when playPath is a stream-copied MP4 made because Chromium cannot play the original container. */
  remuxed: z.boolean(),
  durationMs: z.number().int().nonnegative(),
  audioTracks: z.array(
    z.object({
      index: z.number().int(),
      codec: z.string(),
      sampleRate: z.number(),
      channels: z.number(),
      language: z.string().optional(),
    }),
  ),
  video: z
    .object({
      width: z.number().int(),
      height: z.number().int(),
      codec: z.string(),
      /** Frames per second, when the file says: a project without a frame rate takes it (QA's frame gaps). */
      frameRate: z.number().positive().optional(),
    })
    .nullable(),
  /** Audio track used for playback and the waveform (index among audio tracks). */
  audioTrack: z.number().int().nonnegative(),
  /** From Bilibili metadata (entry.json, .videoInfo), when the media came from Bilibili. */
  bilibili: z.object({ title: z.string(), bvid: z.string(), part: z.string() }).partial().nullable(),
});

/** Encodings Zimu reads (GBK/GB2312 are read as GB18030); "reopen with encoding" offers these. */
export const ReadEncodingSchema = z.enum([
  'utf-8',
  'utf-16le',
  'utf-16be',
  'gb18030',
  'big5',
  'shift_jis',
  'euc-kr',
  'windows-1252',
]);
/** Encodings Zimu writes; GBK and Big5 can lose characters, which an export check lists first. */
export const WriteEncodingSchema = z.enum(['utf8', 'utf8-bom', 'gb18030', 'gbk', 'big5']);
/** From the format table (shared/formats/table.ts): the formats that export, and the layouts. */
export const ExportFormatSchema = z.enum(EXPORT_FORMAT_IDS);
export const LayoutSchema = z.enum(LAYOUTS);
/** Scripts Chinese text can be exported in (BCP 47): Simplified, Traditional for Taiwan, Traditional for Hong Kong. */
export const ChineseScriptSchema = z.enum(['zh-Hans', 'zh-Hant-TW', 'zh-Hant-HK']);
const LineLimitsSchema = z.object({
  maxCharsPerLine: z.number().positive(),
  maxLines: z.number().int().positive(),
});
export const WrapLimitsSchema = z.object({ zh: LineLimitsSchema, en: LineLimitsSchema });

const ExportOptionsSchema = z.object({
  format: ExportFormatSchema,
  layout: LayoutSchema,
  encoding: WriteEncodingSchema.default('utf8'),
  lineEnding: z.enum(['lf', 'crlf']).default('lf'),
  /** ASS: both languages in one event (\N, two styles) or one event per language on its own layer. */
  assBilingual: z.enum(['one-event', 'two-events']).default('one-event'),
  /** Plain text: the transcript's paragraph style or one segment per line. */
  textStyle: z.enum(['paragraphs', 'lines']).default('lines'),
  /** Chinese text written as Simplified, or Traditional with Taiwan's or Hong Kong's words (OpenCC); absent: as it is. */
  script: ChineseScriptSchema.optional(),
  /**
   * Re-break lines longer than these limits (a QA profile's, per script: zh for Chinese text, en for
   * Latin-script text), Chinese at punctuation or word boundaries; absent: lines as they are.
   */
  wrap: WrapLimitsSchema.optional(),
});

export const OpenedDocumentSchema = z.object({
  /** Where Save writes without asking; null for documents imported from another format. */
  path: z.string().nullable(),
  /** The file it was read from. */
  sourcePath: z.string(),
  format: z.string(),
  /** Detected (or chosen) text encoding of an imported file; null for .zimu projects. */
  encoding: ReadEncodingSchema.nullable(),
  /** 0..1: how sure the detection is; low values deserve a "reopen with encoding" hint. */
  encodingConfidence: z.number().nullable(),
  project: ProjectSchema,
  media: MediaInfoSchema.nullable(),
  /** Parts of the file that were skipped or repaired. */
  warnings: z.array(Warning),
});

/** Quality limits the grid checks segments against (characters per second, line length, duration). */
export const QaProfileSchema = z.object({
  maxCpsSource: z.number().positive(),
  maxCpsTranslation: z.number().positive(),
  maxLineLengthSource: z.number().int().positive(),
  maxLineLengthTranslation: z.number().int().positive(),
  minDurationMs: z.number().int().nonnegative(),
  maxDurationMs: z.number().int().positive(),
});

export const SettingsSchema = z.object({
  /** UI language; null follows the system locale. */
  language: z.enum(['zh-CN', 'en']).nullable(),
  theme: z.enum(['light', 'dark', 'system']),
  /** Most recent first. */
  recentFiles: z.array(z.string()),
  /** Keyboard overrides: command id → chords (shared/commands). Absent: the table's defaults. */
  shortcuts: z.record(z.string(), z.array(z.string())).optional(),
  /** Absent: the defaults of renderer/state/preferences.ts. */
  qaProfile: QaProfileSchema.optional(),
  /** The last export's options, where the export dialog starts (each field checked when read). */
  exportOptions: z.record(z.string(), z.string()).optional(),
  /** The QA profile in force (a built-in id such as `netflix`, or a custom one's); absent: see shared/qa/profile.ts resolveProfile. */
  qaProfileId: z.string().optional(),
  /** The user's own QA profiles (a broken one is skipped when read, not the whole list). */
  qaProfiles: z.array(z.unknown()).optional(),
  /** Words the spell check counts as known. */
  userWords: z.array(z.string()).optional(),
  /** Machine translation endpoint (no key: keys are in the key store). Absent: DEFAULT_LLM_SETTINGS. */
  llm: LlmSettingsSchema.optional(),
});

/** One zoom level of a waveform: a binary peaks file the renderer fetches from `url`. */
export const PeaksLevelSchema = z.object({
  peaksPerSecond: z.number().positive(),
  /** min/max pairs in the file. */
  count: z.number().int().nonnegative(),
  /**
   * Served like media (HTTP Range works). The body is the documented peaks file: a 32-byte header
   * then `count` pairs of little-endian int16 (min, max), full scale 32767 (see electron/services/peaks-file.ts).
   */
  url: z.string(),
});

export const PeaksSchema = z.object({
  durationMs: z.number().int().nonnegative(),
  /** Finest level first, then coarser ones built once for zoomed-out views. */
  levels: z.array(PeaksLevelSchema).min(1),
  /** True when the peaks came from the on-disk cache rather than a decode. */
  cached: z.boolean(),
});

const FileFilter = z.enum(FILE_FILTERS);

const DialogResult = z.object({
  /** False when the host has no native dialogs (the web host): the renderer shows its own picker. */
  supported: z.boolean(),
  path: z.string().nullable(),
});

const none = z.object({}).strict();

/**
 * A job id the caller makes up (e.g. crypto.randomUUID()), so it can cancel with job.cancel at once,
 * before any event of the job arrived. Omitted: the host makes one (events carry it).
 */
const JobId = z.string().min(1).max(100).optional();

/**
 * How every call that changes a document answers: a patch (shared/model/patch.ts) the renderer
 * applies with applyPatch to the project as it is by then, as one undo step.
 */
const DocumentChange = z.object({ patch: ProjectPatchSchema, warnings: z.array(Warning) });

// ---- correction round trips (shared/correction, shared/reimport) ----
const CorrectionFieldSchema = z.enum(['text', 'translation']);
export const ReimportChangeSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  oldText: z.string(),
  newText: z.string(),
  /** 0..1: how sure the placement of the new text is. */
  confidence: z.number(),
  needsReview: z.boolean(),
  /** The corrected text had nothing for this segment: the old text is kept, to be looked at. */
  missing: z.boolean(),
});
export const ReimportProposalSchema = z.object({
  field: CorrectionFieldSchema,
  kind: z.enum(['tsv', 'numbered', 'paragraphs', 'lines', 'proofread']),
  mode: z.enum(['by-id', 'by-position', 'aligned']),
  changes: z.array(ReimportChangeSchema),
  segments: z.number().int(),
  warnings: z.array(Warning),
});
const PairResultSchema = z.object({
  timed: z.string(),
  text: z.string(),
  output: z.string().nullable(),
  changed: z.number().int(),
  flagged: z.number().int(),
  mode: z.enum(['by-id', 'by-position', 'aligned']).nullable(),
  /** Why the pair failed, in English (`file:line: message`), and as a message for the UI. */
  error: z.string().nullable(),
  errorMessage: HostMessageSchema.nullable(),
});

// ---- machine translation, proofreading, translation memory (shared/translate, shared/tm) ----
const LanguagesSchema = z.object({ source: z.string().min(1), translation: z.string().min(1) }).strict();
const TranslateJobArgs = z.object({
  project: ProjectSchema,
  task: TaskSchema.default('translate'),
  scope: TranslateScopeSchema,
  /** Replace existing translations (never without the user saying so). */
  overwrite: z.boolean().default(false),
  /** Fill exact translation-memory matches first (translation only). */
  useMemory: z.boolean().default(true),
  /** The glossary's term pairs (termPairs(glossary)), required in the translations. */
  glossary: z.array(TermPairSchema).default([]),
  /** The QA profile's translation line length, respected where the words allow. */
  maxLineLength: z.number().int().positive().default(42),
  maxLines: z.number().int().min(1).max(3).default(1),
});
const DestinationSchema = z.object({ origin: z.string(), host: z.string(), loopback: z.boolean() });
export const TranslatePreviewSchema = z.object({
  destination: DestinationSchema,
  model: z.string(),
  /** Segments the job would propose text for (memory and model). */
  segments: z.number().int(),
  /** Of those, filled from the translation memory without a request. */
  memoryHits: z.number().int(),
  units: z.number().int(),
  /** Requests at the configured batch size (before any retry or split). */
  requests: z.number().int(),
  estimatedTokens: TokenCountSchema,
  estimatedCost: CostSchema.nullable(),
  key: KeyStatusSchema,
});
export const TranslateResultsSchema = z.object({
  progress: TranslateProgressSchema,
  /** Translation: drafts of the finished batches from `fromBatch` on (apply each as one undo step). */
  batches: z.array(TranslateBatchResultSchema),
  /** Translation: exact translation-memory matches (origin 'memory'). */
  memory: z.array(TranslationDraftSchema),
  /** Proofreading: the fixes so far, for the reimport review dialog. */
  proofread: ReimportProposalSchema.nullable(),
  /** Batches that failed for good in this run (nothing of them is in the results). */
  problems: z.array(JobProblemSchema),
});

function call<A extends z.ZodType, R extends z.ZodType>(doc: string, args: A, result: R) {
  return { doc, args, result };
}

export const contract = {
  'app.info': call(
    'Facts about the host: name, version, which host, OS locale, whether native dialogs exist.',
    none,
    z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'web']),
      platform: z.string(),
      locale: z.string(),
    }),
  ),
  'project.initial': call(
    'The document the app was started with: a file named on the command line, else the built-in sample.',
    none,
    OpenedDocumentSchema,
  ),
  'project.open': call(
    'Open a .zimu project or a caption/transcript file (format and encoding detected, or the encoding given).',
    z.object({ path: z.string().min(1), encoding: ReadEncodingSchema.optional() }).strict(),
    OpenedDocumentSchema,
  ),
  'project.importTranslation': call(
    'Read a second caption file as the translation track of the given project, matched by time overlap. Answers with a patch setting the translations.',
    z.object({ path: z.string().min(1), project: ProjectSchema, encoding: ReadEncodingSchema.optional() }).strict(),
    DocumentChange.extend({ matched: z.number().int(), unmatchedCues: z.number().int() }),
  ),
  'project.save': call(
    'Write the project as a .zimu file, atomically (temp file + rename); media paths are stored relative.',
    z.object({ path: z.string().min(1), project: ProjectSchema }).strict(),
    z.object({ path: z.string() }),
  ),
  'project.exportCheck': call(
    'Dry run of an export: what would be left out and which characters the encoding cannot write.',
    ExportOptionsSchema.extend({ project: ProjectSchema }).strict(),
    z.object({ warnings: z.array(Warning), unencodable: z.array(z.string()) }),
  ),
  'project.export': call(
    'Write the project as a caption file, atomically. Refuses a lossy encoding unless allowLossy.',
    ExportOptionsSchema.extend({
      path: z.string().min(1),
      project: ProjectSchema,
      allowLossy: z.boolean().default(false),
    }).strict(),
    z.object({ path: z.string(), cues: z.number().int(), warnings: z.array(Warning) }),
  ),
  'project.autotime': call(
    "Time the project's untimed segments (or those among ids) on an opened media file's audio: speech and pauses from the waveform envelope (the peaks cache, else a decode reported by job.progress kind peaks). Only untimed runs are placed, between their timed neighbours; placed segments carry the auto-timed flag. Answers with a patch timing them (it applies to segments still untimed); cancel with job.cancel.",
    z
      .object({ project: ProjectSchema, mediaId: z.string().min(1), ids: z.array(z.string()).optional(), jobId: JobId })
      .strict(),
    DocumentChange.extend({ placed: z.number().int() }),
  ),
  'media.open': call(
    'Open a media file or a Bilibili cache folder: probe it (duration, tracks, video size), remux it when Chromium cannot play the container (job.progress kind remux), and allow it to be served.',
    z.object({ path: z.string().min(1), audioTrack: z.number().int().nonnegative().optional(), jobId: JobId }).strict(),
    MediaInfoSchema,
  ),
  'media.peaks': call(
    'Waveform peaks of an opened media file (cached on disk, else decoded with ffmpeg). While decoding, peaks.chunk events stream the waveform and job.progress reports progress; cancel with job.cancel.',
    z
      .object({ mediaId: z.string().min(1), audioTrack: z.number().int().nonnegative().optional(), jobId: JobId })
      .strict(),
    PeaksSchema,
  ),
  'job.cancel': call(
    'Cancel a job (waveform decode, remux, auto-timing); its call then fails with code cancelled. A job id the caller chose may be cancelled before its call started: the call then fails at once. `cancelled` says whether a running job was stopped.',
    z.object({ jobId: z.string().min(1) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  'dialog.open': call(
    'Ask the user for a file to open with the native dialog, where the host has one.',
    z.object({ filter: FileFilter }).strict(),
    DialogResult,
  ),
  'dialog.save': call(
    'Ask the user where to save, with the native dialog, where the host has one.',
    z.object({ filter: FileFilter, defaultPath: z.string() }).strict(),
    DialogResult,
  ),
  'fs.list': call(
    'List a folder for the in-app file picker (hosts without native dialogs). Omitted dir = home folder.',
    z.object({ dir: z.string().optional() }).strict(),
    z.object({
      dir: z.string(),
      parent: z.string().nullable(),
      entries: z.array(z.object({ name: z.string(), path: z.string(), kind: z.enum(['dir', 'file']) })),
    }),
  ),
  'correction.exportText': call(
    'Write the text of one field for correction: paragraphs (the seed transcript style), one segment per line, or TSV with ids.',
    z
      .object({
        path: z.string().min(1),
        project: ProjectSchema,
        style: z.enum(['paragraphs', 'lines', 'tsv']),
        field: CorrectionFieldSchema,
        encoding: WriteEncodingSchema.default('utf8'),
      })
      .strict(),
    z.object({ path: z.string(), segments: z.number().int() }),
  ),
  'correction.preview': call(
    'Read a corrected text (any encoding; paragraphs, lines, numbered lines or TSV with ids) and propose new texts for the segments of one field, to review before applying.',
    z.object({ path: z.string().min(1), project: ProjectSchema, field: CorrectionFieldSchema }).strict(),
    z.object({ proposal: ReimportProposalSchema, encoding: ReadEncodingSchema }),
  ),
  'correction.batch': call(
    'Reimport many pairs of timed file + corrected text, applying every change; writes <name>.corrected<ext> next to each timed file (or into outDir). A failed pair does not stop the others.',
    z
      .object({
        pairs: z.array(z.object({ timed: z.string().min(1), text: z.string().min(1) }).strict()).min(1),
        field: CorrectionFieldSchema,
        outDir: z.string().min(1).optional(),
      })
      .strict(),
    z.object({ results: z.array(PairResultSchema) }),
  ),
  'glossary.get': call(
    "The user's reusable glossary (term pairs and ASR fixes) from the profile folder; empty when there is none.",
    none,
    GlossarySchema,
  ),
  'glossary.set': call(
    "Replace the user's reusable glossary (written atomically to the profile folder); returns it as saved.",
    z.object({ glossary: GlossarySchema }).strict(),
    GlossarySchema,
  ),
  'glossary.importCsv': call(
    'Read a glossary CSV (RFC 4180; UTF-8 with or without BOM, or another detected encoding): columns kind, source, target, note. Bad rows are skipped and listed with their line.',
    z.object({ path: z.string().min(1) }).strict(),
    z.object({ glossary: GlossarySchema, warnings: z.array(Warning) }),
  ),
  'glossary.exportCsv': call(
    'Write a glossary as CSV (header kind,source,target,note; UTF-8 with BOM so spreadsheets read the Chinese), atomically.',
    z.object({ path: z.string().min(1), glossary: GlossarySchema }).strict(),
    z.object({ path: z.string(), entries: z.number().int() }),
  ),
  'spell.check': call(
    'English words the dictionary (Hunspell en_US through nspell) does not know, among those given (each once). The first call loads the dictionary (about half a second).',
    z.object({ words: z.array(z.string().max(100)).max(20000) }).strict(),
    z.object({ unknown: z.array(z.string()) }),
  ),
  'spell.suggest': call(
    'Spelling suggestions for one English word, best first (at most 8).',
    z.object({ word: z.string().min(1).max(100) }).strict(),
    z.object({ suggestions: z.array(z.string()) }),
  ),
  'translate.preview': call(
    'What a translation or proofreading job would do, without sending anything: where the text goes, how many segments, memory hits and requests, the estimated tokens and cost, and whether a key is there.',
    TranslateJobArgs.strict(),
    TranslatePreviewSchema,
  ),
  'translate.start': call(
    'Start a job in the background (jobId: the caller may choose it): translate sentence by sentence, or proofread the source. Answers at once with the first progress; translate.progress events follow; translate.results gives the drafts of finished batches. Existing translations are never overwritten unless overwrite.',
    TranslateJobArgs.extend({ jobId: JobId }).strict(),
    TranslateProgressSchema,
  ),
  'translate.resume': call(
    'Run a cancelled, failed or partly failed job again: finished batches are kept and skipped.',
    z.object({ jobId: z.string().min(1) }).strict(),
    TranslateProgressSchema,
  ),
  'translate.cancel': call(
    'Cancel a running job; its finished batches stay available (translate.results) and it can be resumed.',
    z.object({ jobId: z.string().min(1) }).strict(),
    z.object({ cancelled: z.boolean() }),
  ),
  'translate.results': call(
    'The proposals of a job so far: per-segment drafts of each finished batch (or, proofreading, a reimport proposal), with the progress and the problems.',
    z.object({ jobId: z.string().min(1), fromBatch: z.number().int().nonnegative().default(0) }).strict(),
    TranslateResultsSchema,
  ),
  'translate.discard': call(
    'Forget a job and its results (a running one is cancelled first).',
    z.object({ jobId: z.string().min(1) }).strict(),
    z.object({ discarded: z.boolean() }),
  ),
  'llm.check': call(
    'Try the endpoint of the given settings (else the saved ones): where the text would go, and the models it lists. Sends no text.',
    z.object({ settings: LlmSettingsSchema.optional() }).strict(),
    z.object({
      ok: z.boolean(),
      destination: DestinationSchema.nullable(),
      models: z.array(z.string()),
      /** Why not, in English (never contains a key), and as a message for the UI. */
      message: z.string().nullable(),
      hostMessage: HostMessageSchema.nullable(),
    }),
  ),
  'llm.keyStatus': call(
    "Whether a key is there for the endpoint's host (baseUrl, else the saved settings'), and where from. Never the key itself.",
    z.object({ baseUrl: z.string().optional() }).strict(),
    KeyStatusSchema,
  ),
  'llm.setKey': call(
    "Store the API key for the endpoint's host (in the OS keychain where the host has one, else a 0600 file), or forget it (null).",
    z.object({ baseUrl: z.string().optional(), key: z.string().max(4096).nullable() }).strict(),
    KeyStatusSchema,
  ),
  'tm.lookup': call(
    "The translation memory for a project's segments (ids, else every untranslated one): exact matches as drafts for untranslated segments, and fuzzy matches (at least 75 % similar, with the differences) per segment.",
    z
      .object({
        project: ProjectSchema,
        ids: z.array(z.string()).optional(),
        fuzzy: z.boolean().default(true),
        limit: z.number().int().min(1).max(10).default(3),
      })
      .strict(),
    z.object({
      drafts: z.array(TranslationDraftSchema),
      suggestions: z.array(z.object({ segmentId: z.string(), matches: z.array(FuzzyMatchSchema) })),
      size: z.number().int(),
    }),
  ),
  'tm.add': call(
    'Add confirmed pairs (source → translation) to the user-wide translation memory.',
    z.object({ pairs: z.array(TmPairSchema).min(1), languages: LanguagesSchema.optional() }).strict(),
    z.object({ added: z.number().int(), size: z.number().int() }),
  ),
  'tm.import': call(
    'Add the pairs of a TMX file (from a CAT tool) to the translation memory.',
    z.object({ path: z.string().min(1), languages: LanguagesSchema.optional() }).strict(),
    z.object({
      added: z.number().int(),
      skipped: z.number().int(),
      size: z.number().int(),
      warnings: z.array(Warning),
    }),
  ),
  'tm.export': call(
    'Write the translation memory as a TMX 1.4 file, atomically.',
    z.object({ path: z.string().min(1), languages: LanguagesSchema.optional() }).strict(),
    z.object({ path: z.string(), pairs: z.number().int() }),
  ),
  'tm.stats': call(
    'How many pairs the translation memory holds, and its file.',
    z.object({ languages: LanguagesSchema.optional() }).strict(),
    z.object({ size: z.number().int(), file: z.string() }),
  ),
  'settings.get': call('The user settings (defaults where unset).', none, SettingsSchema),
  'settings.set': call(
    'Change some settings; returns all of them as saved.',
    z.object({ patch: SettingsSchema.partial() }).strict(),
    SettingsSchema,
  ),
} as const;

/** Everything the main side pushes to the renderer, by name. */
export const events = {
  'job.progress': z.object({
    jobId: z.string(),
    kind: z.enum(['peaks', 'remux']),
    /** The media the job works on. */
    mediaId: z.string(),
    /** Work done and total, in the job's own unit (ms of media for peaks). */
    done: z.number(),
    total: z.number(),
  }),
  /** Part of a waveform being decoded, so it can be drawn before the whole file is done. */
  'peaks.chunk': z.object({
    jobId: z.string(),
    mediaId: z.string(),
    peaksPerSecond: z.number().positive(),
    /** Index of the first pair in this chunk. */
    from: z.number().int().nonnegative(),
    /** Base64 of little-endian int16 (min, max) pairs, full scale 32767. */
    data: z.string(),
  }),
  /** A menu item the renderer should run: the commands with a menu entry (Electron menus; none on the web host). */
  'app.command': z.object({ command: z.enum(MENU_COMMAND_IDS) }),
  /** A translation or proofreading job's progress: state changes, finished batches, streamed text. */
  'translate.progress': TranslateProgressSchema,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallArgs<K extends CallName> = z.input<Contract[K]['args']>;
export type CallResult<K extends CallName> = z.output<Contract[K]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type MediaInfo = z.output<typeof MediaInfoSchema>;
export type OpenedDocument = z.output<typeof OpenedDocumentSchema>;
export type Settings = z.output<typeof SettingsSchema>;
export type Peaks = z.output<typeof PeaksSchema>;

export const callNames = Object.keys(contract) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}
