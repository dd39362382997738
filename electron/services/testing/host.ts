import { join } from 'node:path';
import { expect } from 'vitest';
import type { EventName } from '../../../shared/ipc/contract';
import type { Handlers } from '../../../shared/ipc/dispatch';
import { ZimuError } from '../../../shared/ipc/errors';
import { createHandlers, type HostDeps } from '../handlers';
import { createMediaRegistry } from '../media-registry';
import { createSettingsStore } from '../settings';

/** A host for handler tests: real services, a fresh profile folder under `dir`, events recorded. */
export interface TestHost {
  handlers: Handlers;
  deps: HostDeps;
  events: { event: EventName; payload: unknown }[];
  profile: string;
}

let hosts = 0;
export function makeTestHost(dir: string, over: Partial<HostDeps> = {}): TestHost {
  const profile = join(dir, `profile-${++hosts}`);
  const events: TestHost['events'] = [];
  const deps: HostDeps = {
    host: 'web',
    version: '1.2.3',
    locale: 'zh-CN',
    startupFile: null,
    settings: createSettingsStore(profile),
    media: createMediaRegistry(),
    mediaUrl: (id) => `/media/${id}?token=t0k`,
    emit: (event, payload) => events.push({ event, payload }),
    dialogs: null,
    cacheDir: join(profile, 'cache'),
    ...over,
  };
  return { handlers: createHandlers(deps), deps, events, profile };
}

/** The ZimuError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<ZimuError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}
