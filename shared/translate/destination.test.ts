import { describe, expect, it } from 'vitest';
import { englishMessage, msg } from '../ipc/messages';
import { checkDestination, describeDestination, isLoopbackHost } from './destination';
import { LLM_PRESETS } from './presets';
import { resolveEndpoint } from './settings';

describe('describeDestination', () => {
  it('names the exact host, port and origin the text goes to', () => {
    const d = describeDestination('https://api.deepseek.com/v1/');
    expect(d).toEqual({
      ok: true,
      destination: {
        origin: 'https://api.deepseek.com',
        scheme: 'https',
        host: 'api.deepseek.com',
        port: 443,
        baseUrl: 'https://api.deepseek.com/v1',
        loopback: false,
      },
    });
    const local = describeDestination('http://LOCALHOST:11434/v1');
    expect(local.ok && local.destination).toMatchObject({ host: 'localhost', port: 11434, loopback: true });
    const v6 = describeDestination('http://[::1]:8000/v1');
    expect(v6.ok && v6.destination).toMatchObject({ host: '::1', origin: 'http://[::1]:8000', loopback: true });
  });

  it('is not fooled into calling a remote host local', () => {
    for (const url of [
      'http://127.0.0.1.evil.com/v1',
      'http://localhost.evil.com/v1',
      'http://evil.com\\@localhost/v1',
      'http://evil.com#@localhost',
      'http://10.0.0.5:11434/v1',
      'http://[::ffff:8.8.8.8]/v1',
    ]) {
      const d = describeDestination(url);
      expect(d.ok ? d.destination.loopback : false, url).toBe(false);
    }
    expect(describeDestination('http://evil.com\\@localhost/v1')).toMatchObject({ destination: { host: 'evil.com' } });
  });

  it('refuses credentials in the URL, other schemes and bad ports, saying why', () => {
    expect(describeDestination('http://user:sk-secret@localhost:1234/v1')).toEqual({
      ok: false,
      reason: msg('url-credentials'),
    });
    expect(describeDestination('ftp://localhost/v1')).toEqual({
      ok: false,
      reason: msg('url-bad-scheme', { scheme: 'ftp' }),
    });
    expect(describeDestination('http://localhost:99999/v1')).toEqual({
      ok: false,
      reason: msg('url-bad-port', { url: 'http://localhost:99999/v1' }),
    });
    const notUrl = describeDestination('localhost:11434');
    expect(!notUrl.ok && englishMessage(notUrl.reason)).toBe(
      'not a URL: "localhost:11434" (expected http://host:port/v1)',
    );
  });

  it('knows loopback addresses', () => {
    expect(['localhost', 'a.localhost', '127.0.0.1', '127.255.0.9', '::1'].every(isLoopbackHost)).toBe(true);
    expect(['0.0.0.0', '128.0.0.1', '127.0.0.256', 'localhost.', 'example.com'].some(isLoopbackHost)).toBe(false);
  });
});

describe('local only', () => {
  it('refuses every non-loopback host and lets local servers through', () => {
    const remote = checkDestination('https://api.openai.com/v1', true);
    expect(remote).toEqual({ ok: false, reason: msg('llm-local-only-remote', { host: 'api.openai.com' }) });
    expect(!remote.ok && englishMessage(remote.reason)).toMatch(
      /"local only" is on: api\.openai\.com is not this machine/,
    );
    expect(checkDestination('http://127.0.0.1:8080/v1', true).ok).toBe(true);
    expect(checkDestination('https://api.openai.com/v1', false).ok).toBe(true);
  });

  it('every local preset passes it and no hosted one does', () => {
    for (const preset of LLM_PRESETS) {
      const r = resolveEndpoint({ preset: preset.id, baseUrl: '', model: '', localOnly: true });
      expect(r.ok, preset.id).toBe(preset.local);
    }
  });
});

describe('resolveEndpoint', () => {
  it('fills the preset URL and model and keeps its prices only for its own host', () => {
    const deepseek = resolveEndpoint({ preset: 'deepseek', baseUrl: '', model: '', localOnly: false });
    expect(deepseek.ok && deepseek.endpoint).toMatchObject({
      model: 'deepseek-chat',
      prices: { currency: 'USD' },
      destination: { host: 'api.deepseek.com' },
      keyRequired: true,
    });
    const moved = resolveEndpoint({
      preset: 'deepseek',
      baseUrl: 'https://proxy.example/v1',
      model: '',
      localOnly: false,
    });
    expect(moved.ok && moved.endpoint.prices).toBeNull();
    const custom = resolveEndpoint({ preset: 'custom', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', localOnly: true });
    expect(custom.ok && custom.endpoint).toMatchObject({ prices: { input: 0, output: 0 }, concurrency: 1 });
  });

  it('says what is missing', () => {
    expect(resolveEndpoint({ preset: 'custom', baseUrl: '', model: 'm', localOnly: false })).toMatchObject({
      ok: false,
      reason: msg('llm-no-base-url'),
    });
    expect(
      resolveEndpoint({ preset: 'custom', baseUrl: 'http://localhost:1/v1', model: '', localOnly: false }),
    ).toMatchObject({ ok: false, reason: msg('llm-no-model') });
    expect(resolveEndpoint({ preset: 'nope', baseUrl: '', model: '', localOnly: false })).toMatchObject({
      ok: false,
      reason: { code: 'llm-unknown-preset', params: { preset: 'nope' } },
    });
  });
});
