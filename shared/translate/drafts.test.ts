import { describe, expect, it } from 'vitest';
import { createProject, getSegment, setText } from '../model/project';
import { applyDrafts, confirmTranslations, MACHINE_FLAG, type TranslationDraft, unitDrafts } from './drafts';
import { targetIndexes, translationUnits } from './plan';

const project = () =>
  setText(
    createProject({
      segments: [
        { source: '尊敬的各位领导', start: 0, end: 2000 },
        { source: '各位来宾', start: 2100, end: 3000 },
        { source: '我是王仲远', start: 3100, end: 4000 },
      ],
    }),
    's3',
    'translation',
    'I am Wang Zhongyuan.',
  );

const draft = (segmentId: string, oldTranslation: string, newTranslation: string): TranslationDraft => ({
  segmentId,
  sentenceId: 's1',
  oldTranslation,
  newTranslation,
  origin: 'llm',
  batch: 0,
});

describe('unitDrafts', () => {
  it('proposes one draft per segment of the sentence with the old translation, the new one and the sentence id', () => {
    const p = project();
    const [unit] = translationUnits(p, targetIndexes(p, { kind: 'untranslated' }, false));
    expect(unit?.segmentIds).toEqual(['s1', 's2']);
    const drafts = unitDrafts(p, unit as NonNullable<typeof unit>, 'Distinguished leaders, honoured guests', 4);
    expect(drafts).toEqual([
      {
        segmentId: 's1',
        sentenceId: 's1',
        oldTranslation: '',
        newTranslation: 'Distinguished leaders,',
        origin: 'llm',
        batch: 4,
      },
      {
        segmentId: 's2',
        sentenceId: 's1',
        oldTranslation: '',
        newTranslation: 'honoured guests',
        origin: 'llm',
        batch: 4,
      },
    ]);
  });
});

describe('applyDrafts', () => {
  it('sets the accepted translations and flags them machine-translated', () => {
    const p = project();
    const {
      project: after,
      applied,
      stale,
    } = applyDrafts(p, [draft('s1', '', 'Leaders,'), draft('s2', '', 'guests')], new Set(['s1']));
    expect(applied).toEqual(['s1']);
    expect(stale).toEqual([]);
    expect(getSegment(after, 's1')).toMatchObject({ translation: 'Leaders,', flags: [MACHINE_FLAG] });
    expect(getSegment(after, 's2')?.translation).toBe('');
  });

  it('never overwrites a translation a person changed after the job read the project', () => {
    const p = setText(project(), 's1', 'translation', 'typed meanwhile');
    const { project: after, applied, stale } = applyDrafts(p, [draft('s1', '', 'Leaders,'), draft('s9', '', 'gone')]);
    expect(applied).toEqual([]);
    expect(stale).toEqual(['s1', 's9']);
    expect(after).toBe(p);
  });

  it('replaces an existing translation only when the draft was made with overwrite (it carries the old text)', () => {
    const { project: after } = applyDrafts(project(), [draft('s3', 'I am Wang Zhongyuan.', "I'm Wang Zhongyuan.")]);
    expect(getSegment(after, 's3')?.translation).toBe("I'm Wang Zhongyuan.");
  });
});

describe('the machine-translated flag', () => {
  it('goes when a person edits the translation or confirms it, and stays on a source edit', () => {
    const { project: p } = applyDrafts(project(), [draft('s1', '', 'Leaders,'), draft('s2', '', 'guests')]);
    expect(getSegment(setText(p, 's1', 'source', '尊敬的领导'), 's1')?.flags).toEqual([MACHINE_FLAG]);
    expect(getSegment(setText(p, 's1', 'translation', 'Dear leaders,'), 's1')?.flags).toEqual([]);
    const confirmed = confirmTranslations(p, ['s2']);
    expect(getSegment(confirmed, 's2')).toMatchObject({ translation: 'guests', flags: [] });
    expect(getSegment(confirmed, 's1')?.flags).toEqual([MACHINE_FLAG]);
    expect(confirmTranslations(confirmed, ['s3'])).toBe(confirmed);
  });
});
