import { describe, expect, it } from 'vitest';
import { planDrop } from './drop';

const file = (name: string, path: string | null = `/talks/${name}`) => ({ name, path });

describe('planDrop', () => {
  it('opens a document and links media dropped together, in either order', () => {
    const plan = planDrop([file('BV1uH4y1w77V.mp4'), file('talk.srt')]);
    expect(plan.document?.path).toBe('/talks/talk.srt');
    expect(plan.media?.path).toBe('/talks/BV1uH4y1w77V.mp4');
    expect(plan.unknown).toEqual([]);
  });

  it('takes a project, audio in upper case, and names what it cannot open', () => {
    const plan = planDrop([file('notes.docx'), file('talk.zimu'), file('TALK.M4A'), file('other.zimu')]);
    expect(plan.document?.name).toBe('talk.zimu');
    expect(plan.media?.name).toBe('TALK.M4A');
    expect(plan.unknown.map((f) => f.name)).toEqual(['notes.docx']);
  });

  it('keeps files whose path the host cannot tell, for the picker to find', () => {
    expect(planDrop([file('a.srt', null)]).document).toEqual({ name: 'a.srt', path: null });
  });
});
