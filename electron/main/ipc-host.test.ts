import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcCallChannel } from '../../shared/ipc/bridge';
import { callNames } from '../../shared/ipc/contract';
import type { Handlers } from '../../shared/ipc/dispatch';
import { createHandlers } from '../services/handlers';
import { createMediaRegistry } from '../services/media-registry';
import { createSettingsStore } from '../services/settings';
import { type IpcMainLike, registerIpcHandlers } from './ipc-host';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

/** Behaves like Electron's ipcMain for handle/removeHandler, including refusing a second handler. */
class FakeIpcMain implements IpcMainLike {
  readonly listeners = new Map<string, Listener>();
  readonly handled: string[] = [];
  readonly removed: string[] = [];

  handle(channel: string, listener: Listener): void {
    if (this.listeners.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.listeners.set(channel, listener);
    this.handled.push(channel);
  }

  removeHandler(channel: string): void {
    this.listeners.delete(channel);
    this.removed.push(channel);
  }

  /** What ipcRenderer.invoke(channel, ...args) would get back. */
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.listeners.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener({ sender: null }, ...args);
  }
}

let dir: string;
let handlers: Handlers;
const bugs: { name: string; error: unknown }[] = [];
const reportBug = (name: string, error: unknown) => bugs.push({ name, error });

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-ipc-'));
  const real = createHandlers({
    host: 'electron',
    version: '0.0.0-test',
    locale: 'zh-CN',
    startupFile: null,
    settings: createSettingsStore(join(dir, 'profile')),
    cacheDir: join(dir, 'profile', 'cache'),
    media: createMediaRegistry(),
    mediaUrl: (id) => `zimu-media://media/${id}`,
    emit: () => {},
    dialogs: null,
  });
  // One handler with a programmer bug, to see how the host reports it.
  handlers = {
    ...real,
    'dialog.save': async () => {
      throw new RangeError('index out of range');
    },
  };
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('registerIpcHandlers', () => {
  it('registers exactly one channel per contract call', () => {
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, handlers, reportBug);
    expect(ipc.handled).toEqual(callNames.map((name) => `zimu:${name}`));
    expect(ipc.handled).toEqual(callNames.map(ipcCallChannel));
    expect(new Set(ipc.handled).size).toBe(callNames.length);
    expect(ipc.handled).toContain('zimu:project.open');
  });

  it('runs dispatch on invoke and answers envelopes', async () => {
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, handlers, reportBug);
    expect(await ipc.invoke('zimu:app.info', {})).toEqual({
      ok: true,
      value: { name: 'Zimu', version: '0.0.0-test', host: 'electron', platform: process.platform, locale: 'zh-CN' },
    });
    // invoke(name) with no argument at all.
    expect(await ipc.invoke('zimu:settings.get')).toMatchObject({ ok: true, value: { theme: 'system' } });
    expect(await ipc.invoke('zimu:dialog.open', { filter: 'media' })).toEqual({
      ok: true,
      value: { supported: false, path: null },
    });
  });

  it('answers bad arguments with an invalid-argument envelope, never a throw', async () => {
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, handlers, reportBug);
    const r = (await ipc.invoke('zimu:project.open', { path: 42 })) as { ok: boolean; error: { message: string } };
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(r.error.message).toContain('path');
    expect(await ipc.invoke('zimu:project.open', 'not an object')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await ipc.invoke('zimu:app.info', { sneaky: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('keeps a user-facing error code and detail, and reports bugs as internal', async () => {
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, handlers, reportBug);
    const broken = join(dir, 'broken.zimu');
    await fs.writeFile(broken, '{\n  "format": "zimu-project",\n  oops\n}\n');
    expect(await ipc.invoke('zimu:project.open', { path: broken })).toMatchObject({
      ok: false,
      error: { code: 'parse-error', detail: { file: broken, line: 3 } },
    });
    expect(bugs).toEqual([]);

    const r = await ipc.invoke('zimu:dialog.save', { filter: 'document', defaultPath: '/a.zimu' });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'internal error in dialog.save: index out of range',
        hostMessage: { code: 'ipc-internal', params: { call: 'dialog.save', reason: 'index out of range' } },
      },
    });
    expect(bugs).toHaveLength(1);
    expect(bugs[0]?.name).toBe('dialog.save');
    expect(bugs[0]?.error).toBeInstanceOf(RangeError);
  });

  it('dispose removes every channel, so the handlers can be registered again', async () => {
    const ipc = new FakeIpcMain();
    const dispose = registerIpcHandlers(ipc, handlers, reportBug);
    dispose();
    expect(new Set(ipc.removed)).toEqual(new Set(ipc.handled));
    expect(ipc.removed).toHaveLength(callNames.length);
    expect(ipc.listeners.size).toBe(0);
    await expect(ipc.invoke('zimu:app.info', {})).rejects.toThrow(/No handler/);
    expect(() => registerIpcHandlers(ipc, handlers, reportBug)).not.toThrow();
    expect(await ipc.invoke('zimu:app.info', {})).toMatchObject({ ok: true });
  });
});
