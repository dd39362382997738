import type { Glossary } from '../glossary/model';

/** Stable identity of a segment: survives split, merge and sort. UI and history refer to ids, never rows. */
export type SegmentId = string;

/** Which text of a segment an operation works on. */
export type Side = 'source' | 'translation';

/**
 * Marks a segment carries until a person has looked at it. 'machine-translated': the translation is
 * a draft from a model or the translation memory, until a person edits or confirms it.
 */
export type Flag = 'needs-timing' | 'auto-timed' | 'reimported' | 'needs-review' | 'locked' | 'machine-translated';

export interface Segment {
  readonly id: SegmentId;
  /** Integer milliseconds; null while untimed (e.g. after a plain-text import). */
  readonly start: number | null;
  readonly end: number | null;
  /** Original-language text, usually Chinese. Lines joined with '\n'. */
  readonly source: string;
  /** Target-language text, usually English; '' means untranslated. */
  readonly translation: string;
  readonly speaker?: string;
  readonly note?: string;
  readonly flags: readonly Flag[];
  /**
   * Per-format data kept for round trips, by format id (e.g. `{ vtt: { settings: 'line:0' } }`).
   * Formats read only their own key and ignore the rest.
   */
  readonly extras?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The media a project is timed against. `path` is absolute once loaded; project files store it relative. */
export interface MediaRef {
  readonly path: string;
  /** Audio track for playback and the waveform (index among audio tracks); absent means the first. */
  readonly audioTrack?: number;
  readonly title?: string;
  readonly bvid?: string;
  readonly part?: string;
}

export interface Project {
  readonly title: string;
  readonly media: MediaRef | null;
  /** BCP 47 tags of the two text sides. */
  readonly languages: { readonly source: string; readonly translation: string };
  readonly segments: readonly Segment[];
  /** Next number used to mint a segment id; kept in the project so ids never repeat. */
  readonly nextId: number;
  /** Frames per second of the video the subtitles are timed to (QA's frame gaps); absent: 25, or the linked video's. */
  readonly frameRate?: number;
  /** The project's own glossary: term pairs and ASR fixes (shared/glossary). */
  readonly glossary?: Glossary;
}
