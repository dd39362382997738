import { afterEach, describe, expect, it } from 'vitest';
import { BILIBILI_PROFILE, cpsLimits, NETFLIX_PROFILE } from '../../shared/qa/profile';
import { applySettings, DEFAULT_QA_PROFILE, preferences } from './preferences';

const initial = preferences.get();
afterEach(() => preferences.set(initial));

describe('the QA profile in force', () => {
  it('is Netflix until the settings say otherwise, and the Settings defaults are its limits', () => {
    expect(preferences.get().activeProfile).toBe(NETFLIX_PROFILE);
    expect(DEFAULT_QA_PROFILE).toMatchObject({ maxCpsSource: 9, maxCpsTranslation: 20, maxLineLengthSource: 16 });
  });

  it('follows the selected profile id, and older settings’ six limits without one', () => {
    applySettings({ qaProfile: { ...DEFAULT_QA_PROFILE, maxCpsSource: 7 } });
    expect(cpsLimits(preferences.get().activeProfile, { source: 'zh-CN', translation: 'en' })).toEqual({
      source: 7,
      translation: 20,
    });
    applySettings({ qaProfileId: 'bilibili' });
    expect(preferences.get().activeProfile).toBe(BILIBILI_PROFILE);
    // A later answer without the id (a partial patch) keeps the choice.
    applySettings({ theme: 'dark' });
    expect(preferences.get().activeProfile).toBe(BILIBILI_PROFILE);
  });
});
