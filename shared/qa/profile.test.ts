import { describe, expect, it } from 'vitest';
import {
  availableProfiles,
  BILIBILI_PROFILE,
  cpsLimits,
  findProfile,
  legacyFromProfile,
  minGapMs,
  NETFLIX_PROFILE,
  QaProfileDefSchema,
  resolveProfile,
} from './profile';

describe('QA profiles', () => {
  it('builds in Netflix Simplified Chinese + English and Bilibili / web', () => {
    expect(NETFLIX_PROFILE).toMatchObject({
      zh: { maxCharsPerLine: 16, maxCps: 9 },
      en: { maxCharsPerLine: 42, maxCps: 20 },
      minDurationMs: 833,
      maxDurationMs: 7000,
      minGapFrames: 2,
    });
    expect(BILIBILI_PROFILE.zh.maxCharsPerLine).toBeGreaterThanOrEqual(20);
    expect(BILIBILI_PROFILE.zh.maxCharsPerLine).toBeLessThanOrEqual(25);
    expect(BILIBILI_PROFILE.zh.maxCps).toBe(16);
    expect(QaProfileDefSchema.parse(NETFLIX_PROFILE)).toEqual(NETFLIX_PROFILE);
  });

  it('resolves the selected profile, then the older qaProfile settings, then Netflix', () => {
    expect(resolveProfile({})).toBe(NETFLIX_PROFILE);
    expect(resolveProfile({ qaProfileId: 'bilibili' })).toBe(BILIBILI_PROFILE);
    const legacy = { ...legacyFromProfile(NETFLIX_PROFILE), maxCpsSource: 7 };
    expect(resolveProfile({ qaProfile: legacy })).toMatchObject({
      id: 'settings',
      zh: { maxCps: 7 },
      en: { maxCps: 20 },
    });
    expect(resolveProfile({ qaProfileId: 'gone', qaProfile: legacy }).zh.maxCps).toBe(7);
  });

  it('reads user profiles from settings, filling defaults and skipping broken ones', () => {
    const settings = {
      qaProfileId: 'house',
      qaProfiles: [
        {
          id: 'house',
          name: 'House style',
          zh: { maxCharsPerLine: 18, maxLines: 1, maxCps: 10 },
          en: { maxCharsPerLine: 40, maxLines: 2, maxCps: 18 },
          minDurationMs: 1000,
          maxDurationMs: 6000,
          minGapFrames: 3,
        },
        { id: 'broken' },
        { ...NETFLIX_PROFILE, name: 'Not a second Netflix' },
      ],
    };
    // biome-ignore lint/suspicious/noExplicitAny: a settings file may hold anything
    const read = settings as any;
    expect(availableProfiles(read).map((p) => p.id)).toEqual(['netflix', 'bilibili', 'house']);
    expect(resolveProfile(read)).toMatchObject({
      id: 'house',
      punctuation: 'subtitle',
      fillers: ['啊', '呃', '嗯', '额'],
    });
    expect(findProfile(read, 'House Style')?.id).toBe('house');
    expect(findProfile(read, 'NETFLIX')).toBe(NETFLIX_PROFILE);
  });

  it('gives each side its script’s reading speed limit, for the grid', () => {
    expect(cpsLimits(NETFLIX_PROFILE, { source: 'zh-CN', translation: 'en' })).toEqual({ source: 9, translation: 20 });
    expect(cpsLimits(NETFLIX_PROFILE, { source: 'en', translation: 'zh-Hant' })).toEqual({
      source: 20,
      translation: 9,
    });
  });

  it('turns the frame gap into milliseconds at the frame rate', () => {
    expect(minGapMs(NETFLIX_PROFILE, 25)).toBe(80);
    expect(minGapMs(NETFLIX_PROFILE, 24)).toBe(84);
    expect(minGapMs(NETFLIX_PROFILE, 30000 / 1001)).toBe(67);
    expect(minGapMs(BILIBILI_PROFILE, 25)).toBe(0);
  });
});
