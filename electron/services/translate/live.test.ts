import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../shared/ipc/messages';
import { createProject } from '../../../shared/model/project';
import { looksLikeLanguage } from '../../../shared/translate/language';
import { resolveEndpoint } from '../../../shared/translate/settings';
import { createKeyStore } from './key-store';
import { createLlmJob } from './llm-job';

/**
 * Against a real endpoint, when ZIMU_LLM_BASE_URL is set (with ZIMU_LLM_MODEL, and ZIMU_LLM_API_KEY
 * where the service needs a key): three sentences of the sample talk translated, and proofread.
 */
const baseUrl = process.env.ZIMU_LLM_BASE_URL;
const model = process.env.ZIMU_LLM_MODEL ?? '';
if (!baseUrl) {
  console.log(
    'skipped live LLM test: ZIMU_LLM_BASE_URL is not set (set it, with ZIMU_LLM_MODEL and ZIMU_LLM_API_KEY, to run it against a real endpoint)',
  );
}

const project = createProject({
  segments: [
    { source: '尊敬的各位领导', start: 500, end: 3454 },
    { source: '各位来宾', start: 3804, end: 5424 },
    { source: '大家上午好', start: 9955, end: 12110 },
    { source: '再次欢迎大家来参加今天的志愿大会', start: 12460, end: 19393 },
    { source: '我们发布了聚生智能的大模型', start: 19743, end: 24000 },
  ],
});

async function job(task: 'translate' | 'proofread') {
  const resolved = resolveEndpoint({ preset: 'custom', baseUrl: baseUrl ?? '', model, localOnly: false });
  if (!resolved.ok) throw new Error(`${englishMessage(resolved.reason)} (set ZIMU_LLM_MODEL)`);
  const keys = createKeyStore({ profileDir: join(__dirname, 'no-profile'), env: process.env });
  const j = createLlmJob({
    id: `live-${task}`,
    project,
    task,
    scope: { kind: 'all' },
    overwrite: false,
    terms: [
      { source: '智源大会', target: 'BAAI Conference' },
      { source: '具身智能', target: 'embodied AI' },
    ],
    distribution: { maxLineLength: 42, maxLines: 1 },
    memory: null,
    endpoint: resolved.endpoint,
    localOnly: false,
    apiKey: await keys.get(resolved.endpoint.destination.host),
    onProgress: (p) => {
      if (p.reason) console.log(`live ${task}: ${p.state} ${p.reason}: ${p.message}`);
    },
  });
  await j.start();
  return j;
}

describe.skipIf(!baseUrl)('a real OpenAI-compatible endpoint', () => {
  it('translates sentence by sentence into English, every segment with its part', { timeout: 180_000 }, async () => {
    const j = await job('translate');
    expect(j.progress()).toMatchObject({ state: 'done', segmentsDone: 5 });
    const drafts = j.batches().flatMap((b) => b.drafts);
    expect(drafts.map((d) => d.segmentId)).toEqual(['s1', 's2', 's3', 's4', 's5']);
    for (const d of drafts) expect(looksLikeLanguage(d.newTranslation, 'en')).toBe(true);
    console.log(drafts.map((d) => `${d.segmentId} ${d.newTranslation}`).join('\n'));
  });

  it('proposes fixes of recognition errors as a reimport proposal', { timeout: 180_000 }, async () => {
    const j = await job('proofread');
    expect(j.progress().state).toBe('done');
    const proposal = j.proofread();
    expect(proposal).toMatchObject({ field: 'text', kind: 'proofread' });
    console.log(proposal?.changes.map((c) => `${c.id} ${c.oldText} → ${c.newText}`).join('\n'));
  });
});
