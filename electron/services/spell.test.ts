import { describe, expect, it } from 'vitest';
import { createSpellService } from './spell';

describe('spell service (nspell + dictionary-en, from disk)', () => {
  const service = createSpellService();

  it('knows English words and not misspellings', async () => {
    expect(await service.unknown(['embodied', 'Intelligence', 'conference', 'teh', 'recieve', "don't", 'teh'])).toEqual(
      ['teh', 'recieve'],
    );
  });

  it('suggests corrections', async () => {
    expect(await service.suggest('recieve')).toContain('receive');
  });

  it('gives the QA pass a synchronous checker', async () => {
    const checker = await service.checker();
    expect(checker.isKnown('scaling')).toBe(true);
    expect(checker.isKnown('scalling')).toBe(false);
  });
});
