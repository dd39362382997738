import { describe, expect, it } from 'vitest';
import { createProject } from '../model/project';
import { applyReimport } from '../reimport/reimport';
import { proofreadBatches, proofreadMessages, proofreadProposal } from './proofread';

const p = createProject({
  segments: [
    { source: '再次欢迎大家来参加今天的志愿大会', translation: 'Welcome' },
    { source: '我们发布了聚生智能的模型' },
    { source: '' },
    { source: '这就是skin low' },
  ],
});

describe('proofreading', () => {
  it('batches consecutive segments with context and sends the glossary terms whole', () => {
    const batches = proofreadBatches(p, { kind: 'all' });
    expect(batches.map((b) => b.items.map((i) => i.id))).toEqual([['s1', 's2'], ['s4']]);
    expect(batches[1]?.before).toBe('再次欢迎大家来参加今天的志愿大会，我们发布了聚生智能的模型');
    const [system, user] = proofreadMessages(
      batches[0] as NonNullable<(typeof batches)[0]>,
      [{ source: '智源大会', target: 'BAAI Conference' }],
      p.languages,
    );
    expect(system?.content).toMatch(/Fix only recognition errors/);
    expect(JSON.parse(user?.content ?? '')).toMatchObject({
      glossary: ['智源大会'],
      items: [{ id: 's1' }, { id: 's2' }],
    });
  });

  it('turns fixes into the reimport review proposal, a rewrite marked for review', () => {
    const proposal = proofreadProposal(
      p,
      new Map([
        ['s1', '再次欢迎大家来参加今天的智源大会'],
        ['s2', '我们发布了聚生智能的模型'],
        ['s4', '完全不同的一句话'],
      ]),
    );
    expect(proposal).toMatchObject({ field: 'text', kind: 'proofread', mode: 'by-id', segments: 4 });
    expect(proposal.changes.map((c) => [c.id, c.needsReview])).toEqual([
      ['s1', false],
      ['s4', true],
    ]);
    expect(proposal.changes[0]?.confidence).toBeCloseTo(14 / 16);
    const applied = applyReimport(p, proposal, new Set(['s1']));
    expect(applied.segments[0]?.source).toBe('再次欢迎大家来参加今天的智源大会');
    expect(applied.segments[3]?.source).toBe('这就是skin low');
  });
});
