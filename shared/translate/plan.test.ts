import { describe, expect, it } from 'vitest';
import { createProject, setText } from '../model/project';
import type { Project } from '../model/types';
import { batchUnits, planTranslation, targetIndexes, translationUnits } from './plan';

function talk(): Project {
  let p = createProject({
    segments: [
      { source: '尊敬的各位领导', start: 0, end: 1000 },
      { source: '各位来宾', start: 1100, end: 2000 },
      { source: '大家上午好。', start: 2100, end: 3000 },
      { source: '我是王仲远', start: 3100, end: 4000 },
      { source: '非常荣幸。', start: 4100, end: 5000 },
      { source: '', start: 5100, end: 5200 },
      { source: '谢谢大家。', start: 5300, end: 6000 },
    ],
  });
  p = setText(p, 's2', 'translation', 'honoured guests');
  return p;
}

describe('targetIndexes', () => {
  it('selects by scope, never an empty or locked segment, never an existing translation without overwrite', () => {
    const locked: Project = {
      ...talk(),
      segments: talk().segments.map((s) => (s.id === 's5' ? { ...s, flags: ['locked'] } : s)),
    };
    expect([...targetIndexes(locked, { kind: 'all' }, false)]).toEqual([0, 2, 3, 6]);
    expect([...targetIndexes(locked, { kind: 'all' }, true)]).toEqual([0, 1, 2, 3, 6]);
    expect([...targetIndexes(locked, { kind: 'untranslated' }, true)]).toEqual([0, 2, 3, 6]);
    expect([...targetIndexes(locked, { kind: 'selection', ids: ['s2', 's4', 's5', 's6'] }, false)]).toEqual([3]);
    expect([...targetIndexes(locked, { kind: 'selection', ids: ['s2'] }, true)]).toEqual([1]);
  });
});

describe('translationUnits', () => {
  it('cuts a sentence around a translated segment and gives each part the rest as context', () => {
    const p = talk();
    const units = translationUnits(p, targetIndexes(p, { kind: 'untranslated' }, false));
    expect(units.map((u) => u.segmentIds)).toEqual([['s1'], ['s3'], ['s4', 's5'], ['s7']]);
    const [first, second, third] = units;
    expect(first?.after).toEqual({ source: '各位来宾，大家上午好。', translation: 'honoured guests' });
    expect(second?.before).toEqual({ source: '尊敬的各位领导，各位来宾', translation: 'honoured guests' });
    expect(third).toMatchObject({
      id: 's4',
      text: '我是王仲远，非常荣幸。',
      before: { source: '尊敬的各位领导，各位来宾，大家上午好。' },
    });
    expect(third?.after).toEqual({ source: '谢谢大家。', translation: '' });
    expect(units[3]?.after).toBeNull();
  });
});

describe('batching', () => {
  it('fills batches up to the sentence count and the character budget', () => {
    const p = createProject({ segments: Array.from({ length: 25 }, (_, i) => ({ source: `第${i}句话。` })) });
    const units = translationUnits(p, targetIndexes(p, { kind: 'all' }, false));
    expect(batchUnits(units, { batchSentences: 10 }).map((b) => b.units.length)).toEqual([10, 10, 5]);
    const small = batchUnits(units, { batchSentences: 10, batchChars: 20 });
    for (const b of small) expect(b.units.reduce((n, u) => n + u.text.length, 0)).toBeLessThanOrEqual(20);
    expect(small.flatMap((b) => b.units.map((u) => u.id))).toEqual(units.map((u) => u.id));
    expect(small.length).toBe(8);
    const plan = planTranslation(p, { kind: 'all' }, false, { batchSentences: 10 }, new Set(['s1', 's2']));
    expect(plan).toMatchObject({ segments: 23, units: 23 });
    expect(plan.batches.map((b) => b.index)).toEqual([0, 1, 2]);
  });
});
