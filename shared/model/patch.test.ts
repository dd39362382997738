import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTranslationTrack } from '../align/translation-track';
import { applyPatch, diffProjects, ProjectPatchSchema } from './patch';
import { createProject, deleteSegments, insertSegment, setText, setTiming } from './project';
import type { Project } from './types';

const base = createProject({
  title: '智源大会',
  segments: [
    { start: 0, end: 1000, source: '尊敬的各位领导' },
    { start: 1000, end: 2000, source: '各位来宾' },
    { start: 2000, end: 3000, source: '大家上午好' },
    { start: null, end: null, source: '欢迎', flags: ['needs-timing'] },
  ],
});

const content = (p: Project) => p.segments.map(({ id: _id, ...rest }) => rest);

describe('applyPatch', () => {
  it('turns the project a patch was made from into the project it was made to', () => {
    let after = setText(base, 's2', 'translation', 'Distinguished guests');
    after = setTiming(after, 's4', 3000, 3500);
    after = insertSegment(after, 's4', { source: '新的一句' }).project;
    after = insertSegment(after, 's5', { source: '又一句' }).project;
    after = deleteSegments(after, ['s1']);
    after = {
      ...after,
      title: 'BAAI',
      segments: [after.segments[1], after.segments[0], ...after.segments.slice(2)],
    } as Project;
    const patch = ProjectPatchSchema.parse(JSON.parse(JSON.stringify(diffProjects(base, after))));
    const result = applyPatch(base, patch);
    expect(result.conflicts).toEqual([]);
    expect(result.project).toEqual(after);
    expect(result.project.segments.find((s) => s.id === 's4')?.flags).toEqual([]);
  });

  it('leaves the same object when nothing applies', () => {
    expect(applyPatch(base, {}).project).toBe(base);
    expect(applyPatch(base, diffProjects(base, base)).project).toBe(base);
  });

  it("keeps a user's edit made while the host worked and reports it; other changes still apply", () => {
    const cues = [
      { start: 0, end: 1000, source: 'Distinguished leaders' },
      { start: 1000, end: 2000, source: 'Dear guests' },
    ];
    const sent = base;
    const patch = diffProjects(sent, mergeTranslationTrack(sent, cues).project);
    // Meanwhile the user translated s2 by hand and fixed the Chinese of s1.
    let now = setText(sent, 's2', 'translation', 'Honoured guests');
    now = setText(now, 's1', 'source', '尊敬的各位领导，');
    const result = applyPatch(now, patch);
    expect(result.conflicts).toEqual(['s2']);
    expect(result.applied).toBe(1);
    expect(result.project.segments.map((s) => [s.source, s.translation])).toEqual([
      ['尊敬的各位领导，', 'Distinguished leaders'],
      ['各位来宾', 'Honoured guests'],
      ['大家上午好', ''],
      ['欢迎', ''],
    ]);
  });

  it('skips changes to segments deleted meanwhile, keeps segments edited meanwhile that it would remove', () => {
    const patch = diffProjects(base, setText(deleteSegments(base, ['s3']), 's2', 'translation', 'Guests'));
    const result = applyPatch(setText(deleteSegments(base, ['s2']), 's3', 'source', '大家好'), {
      ...patch,
      remove: [{ id: 's3', from: { source: '大家上午好' } }],
    });
    expect(result.conflicts).toEqual(['s2', 's3']);
    expect(result.project.segments.map((s) => s.id)).toEqual(['s1', 's3', 's4']);
  });

  it('reorders only the segments it names, around ones the user inserted', () => {
    const patch = { order: ['s3', 's1'] };
    const now = insertSegment(base, 's1', { source: '插入' }).project;
    const result = applyPatch(now, patch);
    expect(result.project.segments.map((s) => s.source)).toEqual([
      '大家上午好',
      '插入',
      '各位来宾',
      '尊敬的各位领导',
      '欢迎',
    ]);
  });

  it('mints fresh ids for inserts, after ids the user took meanwhile', () => {
    const patch = diffProjects(base, insertSegment(base, 's4', { source: 'host' }).project);
    const now = insertSegment(base, null, { source: 'user' }).project; // took s5
    const result = applyPatch(now, patch);
    expect(result.project.segments.map((s) => `${s.id}:${s.source}`)).toEqual([
      's5:user',
      's1:尊敬的各位领导',
      's2:各位来宾',
      's3:大家上午好',
      's4:欢迎',
      's6:host',
    ]);
    expect(result.project.nextId).toBe(7);
  });

  it('conflicts on a project field the user changed meanwhile', () => {
    const patch = diffProjects(base, { ...base, title: 'BAAI' });
    expect(applyPatch({ ...base, title: 'Mine' }, patch)).toMatchObject({ conflicts: ['project'], applied: 0 });
  });

  it('round-trips random edits (property)', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: fc.string() }),
      fc.record({ kind: fc.constant('time' as const), at: fc.nat(), start: fc.nat(10_000) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string() }),
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        let after = base;
        for (const o of ops) {
          const seg = after.segments[o.at % Math.max(1, after.segments.length)];
          if (o.kind === 'insert') after = insertSegment(after, seg?.id ?? null, { source: o.text }).project;
          else if (!seg) continue;
          else if (o.kind === 'text') after = setText(after, seg.id, 'translation', o.text);
          else if (o.kind === 'time') after = setTiming(after, seg.id, o.start, o.start + 500);
          else after = deleteSegments(after, [seg.id]);
        }
        const result = applyPatch(base, diffProjects(base, after));
        expect(result.conflicts).toEqual([]);
        expect(content(result.project)).toEqual(content(after));
      }),
    );
  });
});
