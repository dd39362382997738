import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { availableProfiles, resolveProfile } from '../../shared/qa/profile';
import { createSettingsStore } from './settings';

const dir = await fs.mkdtemp(join(tmpdir(), 'zimu-settings-qa-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('QA settings', () => {
  it('keep the chosen profile, custom profiles and the user word list, and still read older qaProfile limits', async () => {
    const profile = join(dir, 'p1');
    await fs.mkdir(profile, { recursive: true });
    const legacy = {
      maxCpsSource: 8,
      maxCpsTranslation: 17,
      maxLineLengthSource: 18,
      maxLineLengthTranslation: 42,
      minDurationMs: 700,
      maxDurationMs: 7000,
    };
    await fs.writeFile(join(profile, 'settings.json'), JSON.stringify({ qaProfile: legacy }));
    const store = createSettingsStore(profile);
    expect(resolveProfile(await store.get())).toMatchObject({ id: 'settings', zh: { maxCps: 8, maxCharsPerLine: 18 } });

    const house = {
      id: 'house',
      name: 'House',
      zh: { maxCharsPerLine: 18, maxLines: 1, maxCps: 10 },
      en: { maxCharsPerLine: 40, maxLines: 2, maxCps: 18 },
      minDurationMs: 1000,
      maxDurationMs: 6000,
      minGapFrames: 3,
    };
    await store.update({ qaProfileId: 'house', qaProfiles: [house, { id: 'half-written' }], userWords: ['Zimu'] });
    const read = await createSettingsStore(profile).get();
    expect(read.userWords).toEqual(['Zimu']);
    expect(read.qaProfile).toEqual(legacy);
    expect(availableProfiles(read).map((p) => p.id)).toEqual(['netflix', 'bilibili', 'house']);
    expect(resolveProfile(read)).toMatchObject({ id: 'house', minGapFrames: 3 });
  });
});
