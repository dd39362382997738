import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishMessage } from '../../../shared/ipc/messages';
import { resolveEndpoint } from '../../../shared/translate/settings';
import { createChatClient } from './client';
import { LlmFailure, retryAfterMs, scrubSecrets } from './failure';
import { type FakeLlmServer, startFakeLlmServer } from './testing/fake-llm-server';

const KEY = 'sk-zimu-client-test-0123456789';
let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(() => server.close());

function client(
  over: { localOnly?: boolean; stallMs?: number; baseUrl?: string; resolve?: (h: string) => Promise<string[]> } = {},
) {
  const r = resolveEndpoint({
    preset: 'custom',
    baseUrl: over.baseUrl ?? server.baseUrl,
    model: 'fake-model',
    localOnly: false,
  });
  if (!r.ok) throw new Error(englishMessage(r.reason));
  return createChatClient({
    endpoint: r.endpoint,
    apiKey: KEY,
    localOnly: over.localOnly ?? true,
    stallMs: over.stallMs ?? 2000,
    ...(over.resolve ? { resolve: over.resolve } : {}),
  });
}

const messages = [
  { role: 'system' as const, content: 'You translate.' },
  { role: 'user' as const, content: JSON.stringify({ items: [{ id: 's1', text: '尊敬的各位领导，各位来宾' }] }) },
];

async function failure(promise: Promise<unknown>): Promise<LlmFailure> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LlmFailure);
  return err as LlmFailure;
}

describe('chat client (official openai package, custom base URL)', () => {
  it('streams a reply in chunks, with the usage the server reports, and the key as a bearer token', async () => {
    const chunks: number[] = [];
    const reply = await client().complete(messages, new AbortController().signal, (n) => chunks.push(n));
    expect(JSON.parse(reply.text)).toEqual({ translations: { s1: expect.stringMatching(/^[A-Z][a-z ,]+$/) } });
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(reply.text.length);
    expect(reply.estimated).toBe(false);
    expect(reply.usage.prompt).toBeGreaterThan(0);
    const request = server.requests.at(-1);
    expect(request).toMatchObject({ path: '/v1/chat/completions', authorization: `Bearer ${KEY}` });
    expect(request?.body).toMatchObject({
      model: 'fake-model',
      stream: true,
      response_format: { type: 'json_object' },
    });
    expect(await client().listModels(new AbortController().signal)).toEqual(['fake-model']);
  });

  it('sorts failures: rate limit with Retry-After, server error, refusal, stall, dropped and refused connections', async () => {
    const c = client({ stallMs: 300 });
    const signal = new AbortController().signal;
    server.script('429');
    expect(await failure(c.complete(messages, signal))).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      retryAfterMs: 1000,
    });
    server.script('500');
    expect(await failure(c.complete(messages, signal))).toMatchObject({ kind: 'server-error', status: 500 });
    server.script('401');
    const refused = await failure(c.complete(messages, signal));
    expect(refused).toMatchObject({ kind: 'refused', status: 401 });
    expect(refused.message).toMatch(/check the API key/);
    expect(refused.message).not.toContain(KEY);
    server.script('stall');
    expect(await failure(c.complete(messages, signal))).toMatchObject({
      kind: 'stalled',
      message: expect.stringMatching(/stopped sending/),
    });
    server.script('drop');
    expect(await failure(c.complete(messages, signal))).toMatchObject({ kind: 'offline', unreachable: false });
    const closed = await startFakeLlmServer();
    await closed.close();
    const gone = await failure(client({ baseUrl: closed.baseUrl }).complete(messages, signal));
    expect(gone).toMatchObject({
      kind: 'offline',
      unreachable: true,
      message: expect.stringMatching(/cannot reach .*ECONNREFUSED/),
    });
  });

  it('stops when cancelled', async () => {
    server.script('hold');
    const controller = new AbortController();
    const pending = client().complete(messages, controller.signal);
    await server.whenHolding(1);
    controller.abort();
    expect(await failure(pending)).toMatchObject({ kind: 'cancelled' });
    server.release();
  });

  it('with "local only", sends nothing to a host that resolves outside this machine', async () => {
    const before = server.requests.length;
    const sneaky = client({ baseUrl: `http://sneaky.example:${server.port}/v1`, resolve: async () => ['203.0.113.7'] });
    const refused = await failure(sneaky.complete(messages, new AbortController().signal));
    expect(refused).toMatchObject({ kind: 'refused', message: expect.stringMatching(/local only.*203\.0\.113\.7/) });
    expect(server.requests.length).toBe(before);
    const local = client({ baseUrl: `http://localhost:${server.port}/v1` });
    expect((await local.complete(messages, new AbortController().signal)).text).toMatch(/translations/);
  });
});

describe('failure helpers', () => {
  it('reads Retry-After in seconds, milliseconds and as a date', () => {
    const h = (entries: Record<string, string>) => ({ get: (n: string) => entries[n] ?? null });
    expect(retryAfterMs(h({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(h({ 'retry-after-ms': '150', 'retry-after': '2' }))).toBe(150);
    expect(
      retryAfterMs(h({ 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' }), Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')),
    ).toBe(5000);
    expect(retryAfterMs(h({}))).toBeNull();
  });

  it('scrubs keys, masked keys and bearer tokens from messages', () => {
    expect(scrubSecrets(`bad key ${KEY} (Bearer ${KEY})`, [KEY])).toBe('bad key [key] (Bearer [key])');
    expect(scrubSecrets('Incorrect API key provided: sk-proj-ab**********cdef', [])).toBe(
      'Incorrect API key provided: [key]',
    );
  });
});
