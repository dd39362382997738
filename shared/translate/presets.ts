/**
 * Chat-completions endpoints Zimu knows by name: local servers (nothing leaves the machine) and
 * hosted services. All speak the OpenAI protocol; any other base URL works as "custom".
 * Prices are list prices per million tokens, as published at `PRICES_AS_OF`; they only feed the
 * estimate shown during a job, never a bill. null = not known (the job shows tokens only).
 */

export interface TokenPrices {
  /** Per million prompt tokens. */
  readonly input: number;
  /** Per million completion tokens. */
  readonly output: number;
  readonly currency: 'USD' | 'CNY';
}

/** How a server is asked for a JSON reply: some (LM Studio) refuse `json_object`; replies are validated anyway. */
export type JsonMode = 'json_object' | 'none';

export interface LlmPreset {
  readonly id: string;
  /** Shown in settings (a product name, the same in both UI languages). */
  readonly name: string;
  readonly baseUrl: string;
  readonly defaultModel: string;
  /** Runs on this machine: the text never leaves it, and no key is needed. */
  readonly local: boolean;
  readonly keyRequired: boolean;
  readonly prices: TokenPrices | null;
  readonly jsonMode: JsonMode;
  /** Requests in flight at once; local servers usually answer one at a time. */
  readonly concurrency: number;
}

export const PRICES_AS_OF = '2025-09';

const FREE: TokenPrices = { input: 0, output: 0, currency: 'USD' };

const local = (
  id: string,
  name: string,
  baseUrl: string,
  defaultModel: string,
  jsonMode: JsonMode = 'json_object',
): LlmPreset => ({
  id,
  name,
  baseUrl,
  defaultModel,
  local: true,
  keyRequired: false,
  prices: FREE,
  jsonMode,
  concurrency: 1,
});

const hosted = (
  id: string,
  name: string,
  baseUrl: string,
  defaultModel: string,
  prices: TokenPrices | null,
): LlmPreset => ({
  id,
  name,
  baseUrl,
  defaultModel,
  local: false,
  keyRequired: true,
  prices,
  jsonMode: 'json_object',
  concurrency: 4,
});

export const LLM_PRESETS: readonly LlmPreset[] = [
  local('ollama', 'Ollama', 'http://localhost:11434/v1', 'qwen2.5:7b'),
  // LM Studio accepts only json_schema response formats; the reply is validated all the same.
  local('lm-studio', 'LM Studio', 'http://localhost:1234/v1', 'qwen2.5-7b-instruct', 'none'),
  // llama-server serves whichever model it was started with and ignores the name.
  local('llama-cpp', 'llama.cpp server', 'http://localhost:8080/v1', 'default'),
  local('vllm', 'vLLM', 'http://localhost:8000/v1', 'Qwen/Qwen2.5-7B-Instruct'),
  hosted('deepseek', 'DeepSeek', 'https://api.deepseek.com/v1', 'deepseek-chat', {
    input: 0.28,
    output: 0.42,
    currency: 'USD',
  }),
  hosted('dashscope', 'Qwen (DashScope)', 'https://dashscope.aliyuncs.com/compatible-mode/v1', 'qwen-plus', {
    input: 0.8,
    output: 2,
    currency: 'CNY',
  }),
  hosted('moonshot', 'Moonshot (Kimi)', 'https://api.moonshot.cn/v1', 'moonshot-v1-8k', {
    input: 12,
    output: 12,
    currency: 'CNY',
  }),
  hosted('siliconflow', 'SiliconFlow', 'https://api.siliconflow.cn/v1', 'Qwen/Qwen2.5-7B-Instruct', FREE),
  hosted('openai', 'OpenAI', 'https://api.openai.com/v1', 'gpt-4o-mini', { input: 0.15, output: 0.6, currency: 'USD' }),
];

/** The preset id of a user-typed base URL and model. */
export const CUSTOM_PRESET = 'custom';

export function findPreset(id: string): LlmPreset | undefined {
  return LLM_PRESETS.find((p) => p.id === id);
}

/** Estimated cost of a number of tokens at these prices (null when the prices are unknown). */
export function estimateCost(
  prices: TokenPrices | null,
  tokens: { readonly prompt: number; readonly completion: number },
): { amount: number; currency: TokenPrices['currency'] } | null {
  if (!prices) return null;
  return {
    amount: (tokens.prompt * prices.input + tokens.completion * prices.output) / 1_000_000,
    currency: prices.currency,
  };
}
