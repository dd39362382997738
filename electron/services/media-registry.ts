import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

/**
 * The files the user opened, each under an unguessable id. Media URLs carry only the id, so no
 * request can name a path: anything not registered here is refused.
 */
export interface MediaRegistry {
  register(path: string): string;
  pathOf(id: string): string | undefined;
}

export function createMediaRegistry(): MediaRegistry {
  const byId = new Map<string, string>();
  const byPath = new Map<string, string>();
  return {
    register(path) {
      const abs = resolve(path);
      const existing = byPath.get(abs);
      if (existing) return existing;
      const id = randomBytes(12).toString('hex');
      byId.set(id, abs);
      byPath.set(abs, id);
      return id;
    },
    pathOf(id) {
      return byId.get(id);
    },
  };
}
