import { z } from 'zod';
import { type HostMessage, msg } from '../ipc/messages';
import { checkDestination, type Destination, describeDestination } from './destination';
import { CUSTOM_PRESET, findPreset, type JsonMode, LLM_PRESETS, type TokenPrices } from './presets';

/**
 * The user's choice of endpoint. Strict: an API key is not a setting and is rejected here, so it
 * cannot reach settings.json through settings.set (keys live in the key store).
 */
export const LlmSettingsSchema = z
  .object({
    /** A preset id (shared/translate/presets.ts) or 'custom'. */
    preset: z.string().min(1),
    /** '' = the preset's. */
    baseUrl: z.string(),
    /** '' = the preset's default model. */
    model: z.string(),
    /** Refuse every host that is not this machine. */
    localOnly: z.boolean(),
    /** Sentences per request (absent: DEFAULT_BATCH_SENTENCES). */
    batchSentences: z.number().int().min(1).max(100).optional(),
    /** Requests in flight (absent: the preset's). */
    concurrency: z.number().int().min(1).max(16).optional(),
    temperature: z.number().min(0).max(2).optional(),
  })
  .strict();

export type LlmSettings = z.output<typeof LlmSettingsSchema>;

/** Nothing leaves the machine until the user chooses otherwise. */
export const DEFAULT_LLM_SETTINGS: LlmSettings = { preset: 'ollama', baseUrl: '', model: '', localOnly: true };

export const DEFAULT_BATCH_SENTENCES = 15;

/** Everything a job needs to know about the endpoint, settings and preset combined. */
export interface ResolvedEndpoint {
  readonly presetId: string;
  readonly destination: Destination;
  readonly model: string;
  readonly prices: TokenPrices | null;
  readonly jsonMode: JsonMode;
  readonly concurrency: number;
  readonly batchSentences: number;
  readonly temperature: number;
  readonly keyRequired: boolean;
}

export type EndpointResolution = { ok: true; endpoint: ResolvedEndpoint } | { ok: false; reason: HostMessage };

/** Settings → endpoint; refuses what "local only" forbids and URLs that are not usable. Pure. */
export function resolveEndpoint(settings: LlmSettings): EndpointResolution {
  const preset = settings.preset === CUSTOM_PRESET ? undefined : findPreset(settings.preset);
  if (!preset && settings.preset !== CUSTOM_PRESET) {
    return {
      ok: false,
      reason: msg('llm-unknown-preset', { preset: settings.preset, known: LLM_PRESETS.map((p) => p.id).join(', ') }),
    };
  }
  const baseUrl = settings.baseUrl.trim() || preset?.baseUrl || '';
  if (baseUrl === '') return { ok: false, reason: msg('llm-no-base-url') };
  const model = settings.model.trim() || preset?.defaultModel || '';
  if (model === '') return { ok: false, reason: msg('llm-no-model') };
  const checked = checkDestination(baseUrl, settings.localOnly);
  if (!checked.ok) return checked;
  // A preset's prices hold only for its own host (a custom URL under a preset is someone else's bill).
  const presetPlace = preset ? describeDestination(preset.baseUrl) : null;
  const samePlace = presetPlace?.ok === true && presetPlace.destination.origin === checked.destination.origin;
  const free: TokenPrices = { input: 0, output: 0, currency: 'USD' };
  const prices = samePlace ? (preset?.prices ?? null) : checked.destination.loopback ? free : null;
  return {
    ok: true,
    endpoint: {
      presetId: preset?.id ?? CUSTOM_PRESET,
      destination: checked.destination,
      model,
      prices,
      jsonMode: preset?.jsonMode ?? 'json_object',
      concurrency: settings.concurrency ?? preset?.concurrency ?? (checked.destination.loopback ? 1 : 4),
      batchSentences: settings.batchSentences ?? DEFAULT_BATCH_SENTENCES,
      temperature: settings.temperature ?? 0.2,
      keyRequired: preset?.keyRequired ?? false,
    },
  };
}
