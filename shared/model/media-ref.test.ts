import { describe, expect, it } from 'vitest';
import { linkMedia } from './media-ref';
import { createProject } from './project';

describe('linkMedia', () => {
  it('keeps the Bilibili title, BV id and part, and titles an untitled project with it', () => {
    const linked = linkMedia(createProject(), {
      path: '/cache/BV1uH4y1w77V/c_1',
      audioTrack: 0,
      bilibili: { title: '智源大会 2024', bvid: 'BV1uH4y1w77V', part: 'P1 开幕' },
    });
    expect(linked.media).toEqual({
      path: '/cache/BV1uH4y1w77V/c_1',
      title: '智源大会 2024',
      bvid: 'BV1uH4y1w77V',
      part: 'P1 开幕',
    });
    expect(linked.title).toBe('智源大会 2024');
  });

  it('keeps a chosen audio track other than the first, and a title the user gave', () => {
    const linked = linkMedia(createProject({ title: 'My talk' }), { path: '/a.mkv', audioTrack: 1, bilibili: null });
    expect(linked.media).toEqual({ path: '/a.mkv', audioTrack: 1 });
    expect(linked.title).toBe('My talk');
  });

  it('returns the same project when the media is already linked', () => {
    const once = linkMedia(createProject(), { path: '/a.mp4', audioTrack: 0, bilibili: null });
    expect(linkMedia(once, { path: '/a.mp4', audioTrack: 0, bilibili: null })).toBe(once);
    expect(linkMedia(once, { path: '/a.mp4', audioTrack: 1, bilibili: null })).not.toBe(once);
  });
});

describe('linkMedia and the frame rate', () => {
  it('gives a project without a frame rate the video’s, and keeps one it has', () => {
    const media = { path: '/a.mp4', audioTrack: 0, bilibili: null, video: { frameRate: 30000 / 1001 } };
    expect(linkMedia(createProject(), media).frameRate).toBeCloseTo(29.97, 2);
    expect(linkMedia({ ...createProject(), frameRate: 25 }, media).frameRate).toBe(25);
    expect(linkMedia(createProject(), { ...media, video: null }).frameRate).toBeUndefined();
  });
});
