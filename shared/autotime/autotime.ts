/**
 * Automatic timing of untimed segments against the media's loudness envelope.
 *
 * Untimed segments come in runs (consecutive segments with start = end = null). Each run is placed
 * in the window its timed neighbours leave free (from the previous timed segment's end to the next
 * one's start; the media's start and end where there is none): speech is detected in the envelope
 * (speech.ts), and the run's segments are laid over it with their boundaries on pauses (place.ts).
 * Placed segments lose `needs-timing` and gain `auto-timed`, which setTiming clears when a person
 * changes the times. Times are integer milliseconds: start at speech onset, end at speech offset.
 */
import type { Project, Segment, SegmentId } from '../model/types';
import { DEFAULT_PLACE_OPTIONS, type PlaceOptions, placeRun } from './place';
import { DEFAULT_SPEECH_OPTIONS, detectSpeech, type Envelope, type FrameSpan, type SpeechOptions } from './speech';
import { speechWeight } from './weight';

export type { Envelope } from './speech';

export interface AutotimeOptions {
  /** Time only these segments (those of them that are untimed); all untimed ones by default. */
  ids?: readonly SegmentId[];
  speech?: Partial<SpeechOptions>;
  place?: Partial<PlaceOptions>;
}

export interface AutotimeResult {
  project: Project;
  /** Ids of the segments that were given times. */
  timed: SegmentId[];
}

/** A maximal run of untimed segments and the window between its timed neighbours, in ms. */
export interface UntimedRun {
  readonly indexes: readonly number[];
  readonly fromMs: number;
  readonly toMs: number;
}

const isUntimed = (s: Segment) => s.start === null || s.end === null;

export function hasUntimed(project: Project): boolean {
  return project.segments.some(isUntimed);
}

/**
 * The runs to place. A run of selected untimed segments is cut where an unselected untimed one
 * stands between them (that one stays untimed and the run goes on after it).
 */
export function untimedRuns(project: Project, durationMs: number, ids?: readonly SegmentId[]): UntimedRun[] {
  const only = ids ? new Set(ids) : null;
  const segs = project.segments;
  const runs: UntimedRun[] = [];
  let prevEnd = 0;
  let current: number[] = [];
  const close = (nextStart: number) => {
    if (current.length) runs.push({ indexes: current, fromMs: prevEnd, toMs: Math.max(prevEnd, nextStart) });
    current = [];
  };
  segs.forEach((s, i) => {
    if (!isUntimed(s)) {
      close(Math.min(durationMs, s.start as number));
      prevEnd = Math.max(prevEnd, s.end as number);
    } else if (!only || only.has(s.id)) current.push(i);
  });
  close(durationMs);
  return runs;
}

/** Give the untimed segments times on the media whose envelope is given. */
export function autotime(project: Project, envelope: Envelope, options: AutotimeOptions = {}): AutotimeResult {
  const speech = detectSpeech(envelope, { ...DEFAULT_SPEECH_OPTIONS, ...options.speech });
  const rate = envelope.rate;
  const toFrame = (ms: number) => Math.round((ms * rate) / 1000);
  const toMs = (frame: number) => Math.round((frame * 1000) / rate);
  const durationMs = Math.max(envelope.durationMs, 0);
  const segments = project.segments.slice();
  const timed: SegmentId[] = [];
  for (const run of untimedRuns(project, durationMs, options.ids)) {
    const weights = run.indexes.map((i) => {
      const s = segments[i] as Segment;
      return speechWeight(s.source.trim() ? s.source : s.translation);
    });
    const lo = toFrame(run.fromMs);
    const hi = toFrame(run.toMs);
    const inside: FrameSpan[] = speech.filter((s) => s.end > lo && s.start < hi);
    const placed = placeRun(weights, inside, lo, hi, { ...DEFAULT_PLACE_OPTIONS, ...options.place });
    run.indexes.forEach((index, k) => {
      const span = placed[k] as FrameSpan;
      // Clamp into the window: frame rounding must not overlap a timed neighbour.
      const start = Math.min(run.toMs, Math.max(run.fromMs, toMs(span.start)));
      const end = Math.min(run.toMs, Math.max(start, toMs(span.end)));
      const s = segments[index] as Segment;
      const flags = s.flags.filter((f) => f !== 'needs-timing' && f !== 'auto-timed');
      segments[index] = { ...s, start, end, flags: [...flags, 'auto-timed'] };
      timed.push(s.id);
    });
  }
  return { project: timed.length ? { ...project, segments } : project, timed };
}

/**
 * Put placed segments into the project as it is now (the user may have edited while the audio was
 * read): a segment still untimed takes its placed times and flags; one that was timed, edited into
 * something else or deleted meanwhile is left alone. Returns the same project when nothing applies.
 */
export function applyPlaced(project: Project, placed: readonly Segment[]): Project {
  const byId = new Map(placed.map((s) => [s.id, s]));
  let changed = false;
  const segments = project.segments.map((s) => {
    const p = byId.get(s.id);
    if (!p || !isUntimed(s) || p.start === null || p.end === null) return s;
    changed = true;
    const flags = s.flags.filter((f) => f !== 'needs-timing' && f !== 'auto-timed');
    return { ...s, start: p.start, end: p.end, flags: [...flags, 'auto-timed' as const] };
  });
  return changed ? { ...project, segments } : project;
}
