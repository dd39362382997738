import { describe, expect, it } from 'vitest';
import { createProject, setTiming } from '../model/project';
import type { Project, Segment } from '../model/types';
import { applyPlaced, autotime, untimedRuns } from './autotime';
import { proportional } from './place';
import { type Piece, synthesize } from './testing/synth';

/** An untimed project of Chinese texts, one per given syllable count. */
function untimedProject(syllables: readonly number[]): Project {
  const han = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动';
  return createProject({
    segments: syllables.map((n, k) => ({
      source: Array.from({ length: n }, (_, i) => han[(k * 7 + i) % han.length]).join(''),
      flags: ['needs-timing'],
    })),
  });
}

/** A talk of phrases: each phrase `n` syllables of ~200 ms, separated by `pauseMs`, with lead-in and tail. */
function talk(syllables: readonly number[], { pauseMs = 600, leadMs = 800, tailMs = 1000, noise = 0.002 } = {}) {
  const pieces: Piece[] = [{ quiet: leadMs }];
  syllables.forEach((n, k) => {
    if (k > 0) pieces.push({ quiet: pauseMs });
    pieces.push({ speech: n * 200 });
  });
  pieces.push({ quiet: tailMs });
  return synthesize(pieces, { noise });
}

const times = (p: Project) => p.segments.map((s) => [s.start, s.end]);

function expectOrderedWithin(p: Project, durationMs: number) {
  let last = 0;
  for (const s of p.segments) {
    expect(s.start).not.toBeNull();
    expect(s.start as number).toBeGreaterThanOrEqual(last);
    expect(s.end as number).toBeGreaterThanOrEqual(s.start as number);
    last = s.end as number;
  }
  expect(last).toBeLessThanOrEqual(durationMs);
}

describe('autotime', () => {
  it('puts each phrase on its speech burst when there is one burst per segment', () => {
    const syllables = [7, 4, 4, 4, 5, 16, 5, 18, 13, 19];
    const { envelope, bursts } = talk(syllables);
    const { project, timed } = autotime(untimedProject(syllables), envelope);
    expect(timed).toHaveLength(syllables.length);
    project.segments.forEach((s, k) => {
      expect(Math.abs((s.start as number) - (bursts[k]?.start as number))).toBeLessThanOrEqual(30);
      expect(Math.abs((s.end as number) - (bursts[k]?.end as number))).toBeLessThanOrEqual(60);
    });
  });

  it('finds the phrase boundaries under steady noise and with a slower speaker than the text suggests', () => {
    const syllables = [6, 9, 12, 5, 8, 10, 7, 11];
    // The text weights say nothing about the speaking rate: every phrase is spoken 30% slower.
    const { envelope, bursts } = talk(
      syllables.map((n) => Math.round(n * 1.3)),
      { noise: 0.03 },
    );
    const { project } = autotime(untimedProject(syllables), envelope);
    project.segments.forEach((s, k) => {
      expect(Math.abs((s.start as number) - (bursts[k]?.start as number))).toBeLessThanOrEqual(40);
    });
  });

  it('starts after leading silence and ends before trailing silence', () => {
    const { envelope, bursts } = talk([8, 8, 8], { leadMs: 5000, tailMs: 7000 });
    const { project } = autotime(untimedProject([8, 8, 8]), envelope);
    expect(project.segments[0]?.start).toBeGreaterThanOrEqual(4950);
    expect(Math.abs((project.segments[2]?.end as number) - (bursts[2]?.end as number))).toBeLessThanOrEqual(60);
    expect(project.segments[2]?.end as number).toBeLessThan(envelope.durationMs - 6000);
  });

  it('prefers long pauses to short ones when there are more pauses than boundaries', () => {
    // Three sentences, each of three phrases with short (250 ms) breaks; 900 ms between sentences.
    const pieces: Piece[] = [{ quiet: 500 }];
    const sentenceStarts: number[] = [];
    let t = 500;
    for (let k = 0; k < 3; k++) {
      if (k > 0) {
        pieces.push({ quiet: 900 });
        t += 900;
      }
      sentenceStarts.push(t);
      for (let p = 0; p < 3; p++) {
        if (p > 0) {
          pieces.push({ quiet: 250 });
          t += 250;
        }
        // Uneven phrases, so the length model alone would cut inside a sentence.
        const ms = [1400, 600, 1000][(p + k) % 3] as number;
        pieces.push({ speech: ms });
        t += ms;
      }
    }
    pieces.push({ quiet: 500 });
    const { envelope } = synthesize(pieces);
    // Each sentence is 15 syllables; the talk is spoken at 200 ms per syllable.
    const { project } = autotime(untimedProject([15, 15, 15]), envelope);
    project.segments.forEach((s, k) => {
      expect(Math.abs((s.start as number) - (sentenceStarts[k] as number))).toBeLessThanOrEqual(30);
    });
  });

  it('splits continuous speech in proportion when there are more segments than pauses', () => {
    // Two bursts of 4 s, but six segments of equal length: three per burst, split inside the speech.
    const { envelope, bursts } = synthesize([
      { quiet: 500 },
      { speech: 4000 },
      { quiet: 800 },
      { speech: 4000 },
      { quiet: 500 },
    ]);
    const { project } = autotime(untimedProject([5, 5, 5, 5, 5, 5]), envelope);
    expectOrderedWithin(project, envelope.durationMs);
    const b0 = bursts[0] as { start: number; end: number };
    const b1 = bursts[1] as { start: number; end: number };
    expect(Math.abs((project.segments[0]?.start as number) - b0.start)).toBeLessThanOrEqual(30);
    expect(Math.abs((project.segments[3]?.start as number) - b1.start)).toBeLessThanOrEqual(30);
    // The middle segment of each burst sits around the burst's middle third.
    const mid = ((project.segments[1]?.start as number) + (project.segments[1]?.end as number)) / 2;
    expect(Math.abs(mid - (b0.start + b0.end) / 2)).toBeLessThanOrEqual(300);
  });

  it('times only the untimed runs, between their timed neighbours', () => {
    const syllables = [6, 6, 6, 6, 6, 6];
    const { envelope, bursts } = talk(syllables);
    let p = untimedProject(syllables);
    const b2 = bursts[2] as { start: number; end: number };
    // The third phrase is already timed by hand (a little generously).
    p = setTiming(p, 's3', b2.start - 100, b2.end + 150);
    const { project, timed } = autotime(p, envelope);
    expect(timed).toEqual(['s1', 's2', 's4', 's5', 's6']);
    expect(project.segments[2]).toEqual(p.segments[2]);
    expectOrderedWithin(project, envelope.durationMs);
    for (const k of [0, 1, 3, 4, 5]) {
      expect(Math.abs((project.segments[k]?.start as number) - (bursts[k]?.start as number))).toBeLessThanOrEqual(30);
    }
    expect(project.segments[1]?.end as number).toBeLessThanOrEqual(b2.start - 100);
  });

  it('squeezes a run into a window too small for it without overlapping the neighbours', () => {
    const { envelope } = talk([5, 5, 5]);
    let p = untimedProject([5, 5, 5, 5]);
    p = setTiming(p, 's1', 0, 2000);
    p = setTiming(p, 's4', 2000, 3000);
    const { project } = autotime(p, envelope);
    expect(times(project).slice(1, 3)).toEqual([
      [2000, 2000],
      [2000, 2000],
    ]);
  });

  it('spreads segments over the window in proportion when there is no speech at all', () => {
    const values = new Array(1000).fill(0);
    const { project } = autotime(untimedProject([2, 6, 2]), { values, rate: 100, durationMs: 10_000 });
    expect(times(project)).toEqual([
      [0, 2000],
      [2000, 8000],
      [8000, 10000],
    ]);
  });

  it('marks placed segments auto-timed, and a later timing edit clears the mark', () => {
    const { envelope } = talk([5, 5]);
    const { project } = autotime(untimedProject([5, 5]), envelope);
    for (const s of project.segments) expect(s.flags).toEqual(['auto-timed']);
    const edited = setTiming(project, 's1', 100, 900);
    expect((edited.segments[0] as Segment).flags).toEqual([]);
    expect((edited.segments[1] as Segment).flags).toEqual(['auto-timed']);
  });

  it('times only the chosen ids and leaves a fully timed project as it was', () => {
    const { envelope } = talk([5, 5, 5]);
    const p = untimedProject([5, 5, 5]);
    const { project, timed } = autotime(p, envelope, { ids: ['s2'] });
    expect(timed).toEqual(['s2']);
    expect(project.segments[0]?.start).toBeNull();
    expect(project.segments[2]?.start).toBeNull();
    const again = autotime(autotime(p, envelope).project, envelope);
    expect(again.timed).toEqual([]);
  });

  it('handles a long talk (400 phrases) with varying phrase lengths and pauses', () => {
    const syllables = Array.from({ length: 400 }, (_, k) => 3 + ((k * 37) % 17));
    const pieces: Piece[] = [{ quiet: 1000 }];
    syllables.forEach((n, k) => {
      if (k > 0) pieces.push({ quiet: 300 + ((k * 53) % 700) });
      pieces.push({ speech: n * (180 + ((k * 29) % 60)) });
    });
    pieces.push({ quiet: 1000 });
    const { envelope, bursts } = synthesize(pieces, { noise: 0.01 });
    const { project } = autotime(untimedProject(syllables), envelope);
    const errors = project.segments.map((s, k) => Math.abs((s.start as number) - (bursts[k]?.start as number)));
    const sorted = errors.sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThanOrEqual(50);
  });
});

describe('untimedRuns', () => {
  it('finds the runs and the windows their timed neighbours leave', () => {
    let p = untimedProject([1, 1, 1, 1, 1]);
    p = setTiming(p, 's2', 1000, 2000);
    p = setTiming(p, 's4', 3000, 4000);
    expect(untimedRuns(p, 9000)).toEqual([
      { indexes: [0], fromMs: 0, toMs: 1000 },
      { indexes: [2], fromMs: 2000, toMs: 3000 },
      { indexes: [4], fromMs: 4000, toMs: 9000 },
    ]);
  });
});

describe('proportional', () => {
  it('shares speech time only, moving boundaries off gaps', () => {
    expect(
      proportional(
        [1, 1],
        [
          { start: 0, end: 100 },
          { start: 300, end: 400 },
        ],
      ),
    ).toEqual([
      { start: 0, end: 100 },
      { start: 300, end: 400 },
    ]);
  });
});

describe('applyPlaced', () => {
  it('applies placed times only to segments still untimed', () => {
    const { envelope } = talk([5, 5, 5]);
    const p = untimedProject([5, 5, 5]);
    const placed = autotime(p, envelope).project.segments;
    // Meanwhile the user timed s2 by hand and deleted s3.
    const now = { ...setTiming(p, 's2', 10, 20), segments: setTiming(p, 's2', 10, 20).segments.slice(0, 2) };
    const merged = applyPlaced(now, placed);
    expect(merged.segments[0]).toEqual(placed[0]);
    expect(merged.segments[1]).toEqual(now.segments[1]);
    expect(merged.segments).toHaveLength(2);
    expect(applyPlaced(merged, placed)).toBe(merged);
  });
});
