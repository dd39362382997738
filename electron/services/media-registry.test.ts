import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMediaRegistry } from './media-registry';

describe('createMediaRegistry', () => {
  it('hands out one unguessable id per file and resolves only ids it handed out', () => {
    const media = createMediaRegistry();
    const a = media.register('/videos/a.mp4');
    const b = media.register('/videos/b.mp4');
    expect(a).toMatch(/^[0-9a-f]{24}$/);
    expect(b).not.toBe(a);
    expect(media.register('/videos/a.mp4')).toBe(a);
    expect(media.pathOf(a)).toBe(resolve('/videos/a.mp4'));
    expect(media.pathOf(b)).toBe(resolve('/videos/b.mp4'));
    expect(media.pathOf('/videos/a.mp4')).toBeUndefined();
    expect(media.pathOf('')).toBeUndefined();
    expect(media.pathOf('toString')).toBeUndefined();
  });

  it('stores absolute paths, so the same file under two spellings shares an id', () => {
    const media = createMediaRegistry();
    const id = media.register('clip.opus');
    expect(media.pathOf(id)).toBe(join(process.cwd(), 'clip.opus'));
    expect(media.register(join(process.cwd(), 'sub', '..', 'clip.opus'))).toBe(id);
  });

  it('keeps ids separate between registries (each host start)', () => {
    const id = createMediaRegistry().register('/videos/a.mp4');
    expect(createMediaRegistry().pathOf(id)).toBeUndefined();
  });
});
