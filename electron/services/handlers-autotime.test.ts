import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundaryErrors } from '../../shared/autotime/evaluate';
import { contract } from '../../shared/ipc/contract';
import { applyPatch } from '../../shared/model/patch';
import { setTiming } from '../../shared/model/project';
import { type AutotimeSample, loadAutotimeSample } from './autotime-sample';
import { SAMPLE_PROJECT } from './sample';
import { makeTestHost, rejection } from './testing/host';

let dir: string;
let sample: AutotimeSample;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-handlers-autotime-'));
  sample = await loadAutotimeSample(join(import.meta.dirname, '..', 'sample', SAMPLE_PROJECT));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('project.autotime', () => {
  it('places the untimed segments of a project on the opened media, between timed neighbours', async () => {
    const { handlers, events } = makeTestHost(dir);
    const media = contract['media.open'].result.parse(await handlers['media.open']({ path: sample.mediaPath }));
    // s10 keeps its true times; the others are placed around it.
    const truth = sample.speech[9] as { start: number; end: number };
    const project = setTiming(sample.untimed, 's10', truth.start, truth.end);
    const args = contract['project.autotime'].args.parse({ project, mediaId: media.id });
    const answer = contract['project.autotime'].result.parse(await handlers['project.autotime'](args));
    // A patch that times every untimed segment, from untimed, flagged auto-timed.
    expect(answer.placed).toBe(project.segments.length - 1);
    const changes = answer.patch.update ?? [];
    expect(changes.map((c) => c.id)).toEqual(project.segments.filter((s) => s.id !== 's10').map((s) => s.id));
    for (const c of changes) expect(c).toMatchObject({ from: { start: null, end: null }, addFlags: ['auto-timed'] });
    const timed = applyPatch(project, answer.patch).project;
    const s9 = timed.segments[8];
    const s11 = timed.segments[10];
    expect(s9?.end as number).toBeLessThanOrEqual(truth.start);
    expect(s11?.start as number).toBeGreaterThanOrEqual(truth.end);
    // The waveform's decode did the reading, and said so.
    expect(events.some((e) => e.event === 'job.progress')).toBe(true);
    expect(boundaryErrors(timed.segments, sample.speech).median).toBeLessThan(250);
  });

  it('times only the ids asked for, and refuses media that was not opened', async () => {
    const { handlers } = makeTestHost(dir);
    const media = await handlers['media.open']({ path: sample.mediaPath });
    const answer = await handlers['project.autotime']({
      project: sample.untimed,
      mediaId: media.id,
      ids: ['s3', 's4'],
    });
    expect(answer.patch.update?.map((c) => c.id)).toEqual(['s3', 's4']);
    const err = await rejection(handlers['project.autotime']({ project: sample.untimed, mediaId: 'nope' }));
    expect(err.code).toBe('not-found');
  });
});
