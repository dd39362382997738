/**
 * Every message the host gives the user (errors, warnings, parser issues), by a stable code with
 * typed parameters. The English here is what the command line and logs print (and what the UI shows
 * when it does not know a code); the renderer words each code in the UI language from its own
 * resources (renderer/i18n/parts/host-messages.ts), which a test checks against this list.
 *
 * Templates use i18next's `{{name}}` placeholders; a parameter may itself be a message (worded
 * first, in the same language). Plural messages have `one` and `other` forms chosen by `count`.
 *
 * Adding a message: a row here (the params type in `m<…>()`), then its Chinese in the renderer's
 * host-messages part; build it with `msg(code, params)` where it happens.
 */

/** A message as it travels: its code and parameters. The English text travels beside it as `message`. */
export interface HostMessageData {
  readonly code: string;
  readonly params: MessageParamsBase;
}
export type MessageParam = string | number | HostMessageData;
export type MessageParamsBase = { readonly [name: string]: MessageParam };

type Plural = { readonly one: string; readonly other: string };
interface Def<P extends MessageParamsBase, K extends 'single' | 'plural'> {
  readonly kind: K;
  readonly en: K extends 'plural' ? Plural : string;
  /** Only for the type of the params. */
  readonly params?: P;
}
// biome-ignore lint/complexity/noBannedTypes: a message without parameters has the empty params object.
type None = {};
type Count = { count: number };
const m = <P extends MessageParamsBase = None>(en: string): Def<P, 'single'> => ({ kind: 'single', en });
/** A message with a form for one and one for other counts (its params have `count`). */
const plural = <P extends MessageParamsBase & Count>(one: string, other: string): Def<P, 'plural'> => ({
  kind: 'plural',
  en: { one, other },
});

type Segments = Count & { segments: string };
type Problem = { problem: HostMessageData };
type Reason = { reason: string };
type Origin = { origin: string };
type Status = { status: number };
/** A server's own words, or `llm-no-details` when it gave none. */
type Detail = { detail: string | HostMessageData };
type Ids = { ids: string };

export const MESSAGES = {
  // ---- files ----
  'file-empty': m('the file is empty'),
  'file-is-folder': m('this is a folder, not a file'),
  'file-too-large': m<{ megabytes: number }>('the file is {{megabytes}} MB, too large for a text file'),
  'file-binary': m('this is a binary file, not text'),
  'file-not-utf8': m('the file is not valid UTF-8 text'),
  'file-encoding-unknown': m("cannot tell this file's text encoding; reopen it with an encoding chosen by hand"),
  'fs-no-such-file': m<{ action: HostMessageData }>('{{action}}: no such file'),
  'fs-is-folder': m<{ action: HostMessageData }>('{{action}}: this is a folder, not a file'),
  'fs-permission': m<{ action: HostMessageData }>('{{action}}: permission denied'),
  'fs-failed': m<{ action: HostMessageData } & Reason>('{{action}}: {{reason}}'),
  'fs-action-read': m('cannot read'),
  'fs-action-open': m('cannot open'),
  'fs-action-save': m('cannot save'),
  'fs-action-save-settings': m('cannot save settings'),
  'fs-action-list-folder': m('cannot list the folder'),
  'fs-action-create-waveform-cache': m('cannot create the waveform cache'),
  'fs-action-create-remux-cache': m('cannot create the remux cache'),
  'fs-action-write-remux': m('cannot write the remuxed file'),
  'fs-action-read-glossary': m('cannot read the glossary'),
  'fs-action-save-glossary': m('cannot save the glossary'),
  'fs-action-read-memory': m('cannot read the translation memory'),
  'fs-action-save-memory': m('cannot save the translation memory'),
  'fs-action-store-key': m('cannot store the key'),

  // ---- documents ----
  'format-unknown': m('not a subtitle or transcript format Zimu knows'),
  'format-read-failed': m<{ format: string } & Reason>('could not read the file as {{format}}: {{reason}}'),
  'format-more-problems': plural<Count>('{{count}} more problem not listed', '{{count}} more problems not listed'),
  'project-invalid-json': m<Reason>('not valid JSON: {{reason}}'),
  'project-invalid': m<{ path: string } & Reason>('{{path}}: {{reason}}'),
  'startup-none': m('no document to start with'),

  // ---- export ----
  'export-unsupported': m<{ format: string }>('cannot export {{format}}'),
  'export-refused': m<{ format: string } & Problem>('cannot export {{format}}: {{problem}}'),
  'export-refused-more': m<{ format: string; more: number } & Problem>(
    'cannot export {{format}}: {{problem}} (and {{more}} more)',
  ),
  'export-lossy': m<{ encoding: string; characters: string }>('{{encoding}} cannot write: {{characters}}'),
  'export-lossy-cli': m<{ encoding: string; characters: string }>(
    '{{encoding}} cannot write {{characters}}; choose utf8 or gb18030, or pass --allow-lossy',
  ),
  'export-untimed-left-out': plural<Segments>(
    '{{count}} untimed segment left out: {{segments}}',
    '{{count}} untimed segments left out: {{segments}}',
  ),
  'export-no-text-left-out': plural<Segments>(
    '{{count}} segment has no text for this layout and was left out: {{segments}}',
    '{{count}} segments have no text for this layout and were left out: {{segments}}',
  ),
  'export-comma-splits': plural<Segments>(
    '{{count}} segment contains "，" and will read back as several segments: {{segments}}',
    '{{count}} segments contain "，" and will read back as several segments: {{segments}}',
  ),
  'export-line-break-splits': plural<Segments>(
    '{{count}} segment has line breaks and will read back as several segments: {{segments}}',
    '{{count}} segments have line breaks and will read back as several segments: {{segments}}',
  ),

  // ---- times in any format ----
  'time-end-before-start': m('ends before it starts; the end is set to the start'),
  'time-negative': m('negative time; set to 0'),
  'time-out-of-range': m('time out of range'),

  // ---- SRT and WebVTT ----
  'cue-empty-vtt-header-gap': m('no blank line between the WEBVTT header and the first cue'),
  'cue-text-of-skipped': m('text of a cue that was skipped; skipped too'),
  'cue-blank-inside': m<{ line: number }>(
    'blank line inside the text of the cue at line {{line}}; text joined to that cue',
  ),
  'cue-text-without-timing': m<{ text: string }>('text without a timing line skipped: "{{text}}"'),
  'cue-blank-after-number': m<{ number: string }>('blank line between cue number {{number}} and its timing line'),
  'cue-no-blank-before': m('no blank line before this cue'),
  'cue-unreadable-timing': m<{ text: string }>('unreadable timing line "{{text}}"; cue skipped'),
  'cue-full-width-timing': m('full-width punctuation in the timing line read as ASCII'),
  'cue-malformed-arrow': m<{ arrow: string }>('malformed arrow "{{arrow}}" in the timing line read as "-->"'),
  'cue-missing-vtt-header': m('missing "WEBVTT" header; read as WebVTT anyway'),
  'cue-vtt-header-in-srt': m('WEBVTT header in an SRT file ignored'),
  'cue-none': m('the file has no cues'),
  'cue-only-comments': m('the file has no cues, only comments'),
  'cue-none-binary': m<{ format: string }>(
    'no {{format}} cues found: this looks like binary data, not a subtitle file',
  ),
  'cue-none-readable': m<{ format: string }>('no {{format}} cues found: no line has a readable "start --> end" timing'),
  'cue-several-speakers': m<{ speakers: string; kept: string }>(
    'several speakers in one cue ({{speakers}}); kept "{{kept}}"',
  ),

  // ---- ASS/SSA ----
  'ass-format-line-incomplete': m(
    'the Events Format line lacks Start, End or a final Text column; using the standard columns',
  ),
  'ass-dialogue-fields': m<{ found: number; expected: number }>(
    'Dialogue line has {{found}} of {{expected}} fields; skipped',
  ),
  'ass-dialogue-bad-start': m<{ value: string }>('Dialogue line has an invalid start time "{{value}}"; skipped'),
  'ass-dialogue-bad-end': m<{ value: string }>('Dialogue line has an invalid end time "{{value}}"; skipped'),
  'ass-drawing-skipped': m('drawing (\\p) event skipped: it has no text'),
  'ass-no-dialogue': m('not an ASS/SSA script: no readable Dialogue events'),
  'ass-no-events': m('the script has no dialogue events'),
  'ass-escaped': m<{ segments: string }>(
    'ASS has no escapes: braces became ｛｝ and backslashes before n, N or h became ＼ in segments {{segments}}',
  ),

  // ---- LRC ----
  'lrc-bad-offset': m<{ value: string }>('invalid offset "{{value}}"; ignored'),
  'lrc-bad-length': m<{ value: string }>('invalid length "{{value}}"; ignored'),
  'lrc-bad-tag': m<{ tag: string }>('invalid time tag [{{tag}}]; line skipped'),
  'lrc-no-tag': m('line has no time tag; ignored'),
  'lrc-no-lines': m('not an LRC file: no time-tagged lines'),
  'lrc-same-start': m<{ first: number; second: number }>(
    'segments #{{first}} and #{{second}} start at the same time; LRC readers will merge them',
  ),
  'lrc-overlap': m<{ first: number; second: number }>(
    'segment #{{first}} overlaps #{{second}}; in LRC it ends where #{{second}} begins',
  ),
  'lrc-left-out': plural<Segments>(
    '{{count}} segment with no text for this layout or no length was left out: {{segments}}',
    '{{count}} segments with no text for this layout or no length were left out: {{segments}}',
  ),

  // ---- TSV and CSV ----
  'table-bad-quotes': m(
    'a quoted cell is malformed (text after the closing quote, or no closing quote); read as written',
  ),
  'table-no-text-column': m<{ kind: string }>(
    'expected a header row naming the columns (id, start, end, text, translation); this {{kind}} has no text column',
  ),
  'table-unused-columns': m<{ columns: string }>('columns not used: {{columns}}'),
  'table-extra-cells': m<{ cells: number; header: number }>(
    'the row has {{cells}} cells but the header has {{header}}; the extra cells are ignored',
  ),
  'table-extra-cells-csv': m<{ cells: number; header: number }>(
    'the row has {{cells}} cells but the header has {{header}}; the extra cells are ignored (a comma in the text that is not inside quotes?)',
  ),
  'table-bad-start': m<{ value: string }>(
    'the start time "{{value}}" is not a time (h:mm:ss.mmm, mm:ss.mmm or seconds); the segment is kept untimed',
  ),
  'table-bad-end': m<{ value: string }>(
    'the end time "{{value}}" is not a time (h:mm:ss.mmm, mm:ss.mmm or seconds); the segment is kept untimed',
  ),
  'table-one-time': m('only one of the start and end times is given; the segment is kept untimed'),

  // ---- JSON formats (BCC, Whisper) ----
  'json-invalid': m<Reason>('not valid JSON: {{reason}}'),
  'json-invalid-at': m<Reason & { line: number; column: number }>(
    'not valid JSON: {{reason}} (line {{line}}, column {{column}})',
  ),
  'json-expected-object': m('expected an object'),
  'json-expected-number': m('expected a number'),
  'json-missing-number': m('missing; expected a number'),
  'json-expected-string': m('expected a string'),
  'json-missing-string': m('missing; expected a string'),
  'json-expected-ms': m('expected a number of milliseconds'),
  'json-expected-timestamp': m('expected a time like "00:00:01,000"'),
  'json-segment-skipped': m<Problem>('{{problem}}; segment skipped'),
  'json-cue-skipped': m<Problem>('{{problem}}; cue skipped'),
  'bcc-not-object': m('not a BCC subtitle: expected a JSON object with a "body" array'),
  'bcc-body-missing': m('missing; expected an array of cues'),
  'bcc-body-not-array': m('expected an array of cues'),
  'bcc-no-cues': m('no readable cues'),
  'bcc-zero-length': m<{ cue: number; time: string }>('cue {{cue}} ({{time}}) has zero length: not written'),
  'bcc-overlap': m<{ first: number; firstSpan: string; second: number; secondSpan: string }>(
    'cue {{first}} ({{firstSpan}}) overlaps cue {{second}} ({{secondSpan}}); Bilibili shows one cue at a time',
  ),
  'whisper-missing-times': m('missing; expected {"from": ms, "to": ms} or timestamps'),
  'whisper-not-array': m('expected an array of segments'),
  'whisper-not-transcript': m(
    'not a Whisper transcript: expected a JSON object with a "segments" (or whisper.cpp "transcription") array',
  ),
  'whisper-no-segments': m('no readable segments'),

  // ---- plain text ----
  'text-control-characters': m('the file contains control characters (is it really text?); they were removed'),

  // ---- media ----
  'ffmpeg-missing': m(
    'ffmpeg was not found. Install it (Debian/Ubuntu: sudo apt-get install ffmpeg; macOS: brew install ffmpeg; Windows: winget install ffmpeg) or set ZIMU_FFMPEG to the ffmpeg binary.',
  ),
  'tool-cannot-run': m<{ tool: string }>('cannot run {{tool}}'),
  'ffmpeg-cannot-run': m<{ tool: string } & Reason>('cannot run ffmpeg ({{tool}}): {{reason}}'),
  'media-unreadable': m<Reason>('not a media file ffmpeg can read: {{reason}}'),
  'media-no-duration': m<{ tool: string }>('{{tool}} reports no duration'),
  'media-no-audio': m('this file has no audio track'),
  'media-no-such-track': m<{ track: number }>('there is no audio track {{track}}'),
  'media-not-opened': m('this media was not opened'),
  'media-no-streams': m('no audio or video stream in this file'),
  'remux-needs-reencode': m<{ codec: string }>('{{codec}} cannot be copied into MP4 without re-encoding'),
  'remux-failed': m<Reason>('ffmpeg could not remux this file: {{reason}}'),
  'audio-decode-failed': m<Reason>('ffmpeg could not decode the audio: {{reason}}'),
  'peaks-bad-rate': m<{ rate: number }>('peaks per second must be a positive integer: {{rate}}'),
  'remux-cancelled': m('remux cancelled'),
  'waveform-cancelled': m('waveform cancelled'),
  'autotime-cancelled': m('auto-timing cancelled'),
  'job-running': m<{ job: string }>('job {{job}} is already running'),
  'bilibili-several-videos': m<{ count: number; names: string }>(
    'this folder holds {{count}} videos ({{names}}): open one of them',
  ),
  'bilibili-no-media': m('no audio or video in this folder'),
  'bilibili-no-streams': m('no video.m4s, audio.m4s or .blv files in this Bilibili folder'),
  'bilibili-bad-json': m<Reason>('broken Bilibili metadata (not valid JSON: {{reason}})'),
  'bilibili-not-object': m('broken Bilibili metadata (not a JSON object)'),

  // ---- correction round trips ----
  'correction-empty': m('the corrected text is empty'),
  'correction-no-segments': m('the project has no segments'),
  'correction-row-without-id': m('this row has no segment id'),
  'correction-format-unknown': m('cannot tell which format to write from the name'),
  'correction-unknown-id': m<{ id: string }>('no segment has the id {{id}}; its text was not used'),
  'correction-no-position': m<{ position: number }>('there is no segment {{position}}; its text was not used'),
  'correction-nothing-to-align-source': m(
    'no segment has source text to align the corrected text with; use one line per segment or a TSV with ids',
  ),
  'correction-nothing-to-align-translation': m(
    'no segment has a translation to align the corrected text with; use one line per segment or a TSV with ids',
  ),
  'correction-pairs-line': m('expected: timed file<TAB>corrected text[<TAB>output]'),
  'correction-pairs-failed': m<{ failed: number; total: number }>('{{failed}} of {{total}} pairs failed'),

  // ---- glossary ----
  'glossary-invalid-json': m<Reason>('the glossary is not valid JSON: {{reason}}'),
  'glossary-damaged': m<{ path: string } & Reason>('the glossary is damaged: {{path}}: {{reason}}'),
  'glossary-no-rows': m('the file has no glossary rows'),
  'glossary-csv-unclosed-quote': m('a quoted field is never closed'),
  'glossary-csv-unknown-kind': m<{ kind: string }>("unknown kind '{{kind}}' (term or asr-fix)"),
  'glossary-csv-no-source': m('the row has no source text'),
  'glossary-pairs-unclosed-quote': m('a quoted cell is not closed'),
  'glossary-pairs-two-columns': m('expected two columns: source,target'),

  // ---- translation memory ----
  'tmx-invalid-xml': m<Reason>('not valid XML: {{reason}}'),
  'tmx-not-tmx': m('not a TMX file (no <tmx> element)'),
  'tmx-units-skipped': plural<Count & { source: string; translation: string }>(
    '{{count}} translation unit lacks {{source}} or {{translation}} text',
    '{{count}} translation units lack {{source}} or {{translation}} text',
  ),
  'tmx-units-skipped-other': plural<Count & { source: string; translation: string; otherLanguages: number }>(
    '{{count}} translation unit lacks {{source}} or {{translation}} text ({{otherLanguages}} are in other languages only)',
    '{{count}} translation units lack {{source}} or {{translation}} text ({{otherLanguages}} are in other languages only)',
  ),

  // ---- machine translation: the endpoint ----
  'llm-unknown-preset': m<{ preset: string; known: string }>('unknown preset "{{preset}}" (known: {{known}}, custom)'),
  'llm-no-base-url': m('no base URL: choose a preset or enter the URL of the endpoint'),
  'llm-no-model': m('no model: enter the name of the model to use'),
  'url-not-url': m<{ url: string }>('not a URL: "{{url}}" (expected http://host:port/v1)'),
  'url-bad-scheme': m<{ scheme: string }>('only http and https endpoints are supported, not {{scheme}}:'),
  'url-credentials': m('the URL must not contain a user name or password; enter the API key as a key'),
  'url-bad-ipv6': m<{ url: string }>('bad IPv6 address in "{{url}}"'),
  'url-bad-host': m<{ url: string }>('bad host in "{{url}}"'),
  'url-no-host': m<{ url: string }>('no usable host in "{{url}}"'),
  'url-bad-port': m<{ url: string }>('bad port in "{{url}}"'),
  'llm-local-only-remote': m<{ host: string }>(
    '"local only" is on: {{host}} is not this machine, so nothing is sent there',
  ),

  // ---- machine translation: requests (server details stay as the server wrote them) ----
  'llm-wrong-origin': m<{ url: string; endpoint: string }>('refused to send to {{url}}: the endpoint is {{endpoint}}'),
  'llm-local-only-resolves': m<{ host: string; addresses: string }>(
    '"local only" is on and {{host}} resolves to {{addresses}}',
  ),
  'llm-local-only-unresolved': m<{ host: string }>('"local only" is on and {{host}} resolves to nothing'),
  'llm-cancelled': m('cancelled'),
  'llm-no-answer': m<{ origin: string }>('{{origin}} did not answer in time'),
  'llm-unreachable': m<{ origin: string; cause: string }>('cannot reach {{origin}}: {{cause}}'),
  'llm-connection-lost': m<{ origin: string; cause: string }>('lost the connection to {{origin}}: {{cause}}'),
  'llm-rate-limited': m<Origin & Detail>('{{origin}} asks to slow down (429): {{detail}}'),
  'llm-server-failed': m<Origin & Status & Detail>('{{origin}} failed ({{status}}): {{detail}}'),
  'llm-key-refused': m<Origin & Status & Detail>(
    '{{origin}} refused the request ({{status}}): {{detail}} — check the API key',
  ),
  'llm-no-such-model': m<Origin & Detail>(
    '{{origin}} has no such model or path (404): {{detail}} — check the model and base URL',
  ),
  'llm-too-long': m<Origin & Status & Detail>('{{origin}} rejected a request as too long ({{status}}): {{detail}}'),
  'llm-server-said': m<Origin & Detail>('{{origin}}: {{detail}}'),
  'llm-request-refused': m<Origin & Status & Detail>('{{origin}} refused the request ({{status}}): {{detail}}'),
  'llm-no-details': m('no details'),
  'llm-malformed-stream': m<Origin & Reason>('{{origin}} sent a malformed stream: {{reason}}'),
  'llm-stalled': m<Origin & { seconds: number }>('{{origin}} stopped sending (no data for {{seconds}} s)'),
  'llm-unusable-reply': m<Problem>('unusable reply: {{problem}}'),
  'reply-not-json': m<{ reply: string }>('the reply is not JSON: "{{reply}}"'),
  'reply-wrong-shape': m<{ key: string }>('the reply is JSON but not {"{{key}}": {id: text}}'),
  'reply-missing-ids': m<Ids>('no translation for {{ids}}'),
  'reply-extra-ids': m<Ids>('ids that were not asked for: {{ids}}'),
  'reply-empty-translation': m<Ids>('empty translation for {{ids}}'),
  'reply-empty-text': m<Ids>('empty text for {{ids}}'),
  'reply-wrong-language': m<{ language: string; found: string }>('not in {{language}}: {{found}}'),

  // ---- machine translation: jobs ----
  'translate-no-job': m<{ job: string }>('no translation job {{job}}'),
  'translate-job-running': m<{ job: string }>('job {{job}} is running'),
  'translate-internal': m<Reason>('internal error: {{reason}}'),
  'translate-offline-too-long': m<Problem & { seconds: number }>('{{problem}} (offline for {{seconds}} s)'),
  'translate-segments-left': plural<Count>(
    '{{count}} segment could not be done; resume to try it again',
    '{{count}} segments could not be done; resume to try them again',
  ),
  'translate-failed': m('the translation failed'),
  'translate-segments-failed': m<{ failed: number; total: number }>(
    '{{failed}} of {{total}} segments could not be translated',
  ),
  'proofread-not-done': plural<Count & { first: string } & Problem>(
    '{{count}} segment was not proofread ({{first}}…): {{problem}}',
    '{{count}} segments were not proofread ({{first}}…): {{problem}}',
  ),

  // ---- the IPC itself ----
  'ipc-unknown-call': m<{ call: string }>('no such call: {{call}}'),
  'ipc-invalid-argument': m<{ call: string } & Reason>('{{call}}: {{reason}}'),
  'ipc-internal': m<{ call: string } & Reason>('internal error in {{call}}: {{reason}}'),
  'ipc-not-json': m('the request body is not JSON'),
  'ipc-starting': m('the host is starting'),
  'ipc-no-answer': m<Reason>('the Zimu host did not answer: {{reason}}'),
  'ipc-http-status': m<{ status: number }>('the host answered HTTP {{status}}'),
  'host-text': m<{ text: string }>('{{text}}'),
  'at-path': m<{ path: string } & Problem>('{{path}}: {{problem}}'),
  'in-file': m<{ file: string } & Problem>('{{file}}: {{problem}}'),
};

// Checked here rather than with `satisfies`, which would widen every row's params to the base type.
const _everyRowIsAMessage: Readonly<Record<string, Def<MessageParamsBase, 'single' | 'plural'>>> = MESSAGES;

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams<C extends MessageCode> =
  (typeof MESSAGES)[C] extends Def<infer P, 'single' | 'plural'> ? P : never;
/** Codes whose English (and translations) have one and other forms. */
export type PluralCode = { [C in MessageCode]: (typeof MESSAGES)[C]['kind'] extends 'plural' ? C : never }[MessageCode];

/** A message of a known code with the parameters that code takes. */
export type HostMessage = { [C in MessageCode]: { readonly code: C; readonly params: MessageParams<C> } }[MessageCode];

type ParamsArg<C extends MessageCode> = keyof MessageParams<C> extends never ? [] : [MessageParams<C>];

/** Build a message; the compiler checks the params against the code's. */
export function msg<C extends MessageCode>(code: C, ...params: ParamsArg<C>): HostMessage {
  return { code, params: params[0] ?? {} } as HostMessage;
}

export const MESSAGE_CODES = Object.keys(MESSAGES) as MessageCode[];

export function isMessageCode(code: unknown): code is MessageCode {
  return typeof code === 'string' && Object.hasOwn(MESSAGES, code);
}

/** Codes with `one` / `other` forms (chosen by the `count` param). */
export function isPluralCode(code: MessageCode): code is PluralCode {
  return MESSAGES[code].kind === 'plural';
}

/** The names of a template's placeholders. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1] as string);
}

/** Fill a template's placeholders; missing ones stay as they are, so a mistake shows. */
export function interpolate(template: string, values: { readonly [name: string]: string | number }): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : whole,
  );
}

/** A message's params with nested messages worded by `word`. */
export function wordedParams(
  params: MessageParamsBase,
  word: (nested: HostMessageData) => string,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'object' ? word(value) : value;
  return out;
}

/** The English of a message: what the command line prints and logs keep. Unknown codes: their params. */
export function englishMessage(message: HostMessageData): string {
  if (!isMessageCode(message.code)) return `${message.code} ${JSON.stringify(message.params)}`;
  const def: { en: string | Plural } = MESSAGES[message.code];
  const values = wordedParams(message.params, englishMessage);
  const template = typeof def.en === 'string' ? def.en : values.count === 1 ? def.en.one : def.en.other;
  return interpolate(template, values);
}

/** The same message with `fn` applied to its string params (e.g. to name a file instead of a URL). */
export function mapStringParams<T extends HostMessageData>(message: T, fn: (value: string) => string): T {
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(message.params)) {
    params[name] =
      typeof value === 'string' ? fn(value) : typeof value === 'object' ? mapStringParams(value, fn) : value;
  }
  return { ...message, params };
}

/** A message that came as data (an event, a result) when its code is one of ours; else null. */
export function knownMessage(data: HostMessageData | null | undefined): HostMessage | null {
  return data && isMessageCode(data.code) ? ({ code: data.code, params: data.params } as HostMessage) : null;
}

/** Just the code and params of something carrying a message (a warning, an issue). */
export function messageOf(carrier: HostMessage): HostMessage {
  return { code: carrier.code, params: carrier.params } as HostMessage;
}

/**
 * A warning or issue: a message with the line it concerns (and, for JSON, the path). `message` is
 * the English (with the path in front), for the command line and for a UI that does not know the code.
 */
export type HostWarning = HostMessage & {
  line: number | null;
  path?: string;
  message: string;
};

/** A warning from a message; `path` (a JSON path) is put in front of the English too. */
export function hostWarning(line: number | null, message: HostMessage, path?: string): HostWarning {
  const english = englishMessage(message);
  return {
    ...messageOf(message),
    line,
    ...(path !== undefined ? { path } : {}),
    message: path ? `${path}: ${english}` : english,
  };
}

/** A warning's message with its path in front (`body[3].from: expected a number`), as errors say it. */
export function withPath(warning: HostWarning): HostMessage {
  return warning.path ? msg('at-path', { path: warning.path, problem: messageOf(warning) }) : messageOf(warning);
}
