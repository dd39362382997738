import type { MediaRef, Project } from './types';

/** What a host says about opened media that the project keeps (a structural slice of MediaInfo). */
export interface OpenedMediaFacts {
  readonly path: string;
  readonly audioTrack: number;
  readonly bilibili: { readonly title?: string; readonly bvid?: string; readonly part?: string } | null;
  /** A video's frame rate, which a project without one takes. */
  readonly video?: { readonly frameRate?: number | undefined } | null;
}

/**
 * The project with this media linked: its path, the chosen audio track (kept only when not the
 * first) and the Bilibili title, BV id and part name, which also title an untitled project; a
 * project without a frame rate takes the video's. Returns
 * the same project when nothing changes, so linking the same media again is not an edit.
 */
export function linkMedia(project: Project, media: OpenedMediaFacts): Project {
  const bili = media.bilibili ?? {};
  const ref: MediaRef = {
    path: media.path,
    ...(media.audioTrack > 0 ? { audioTrack: media.audioTrack } : {}),
    ...(bili.title ? { title: bili.title } : {}),
    ...(bili.bvid ? { bvid: bili.bvid } : {}),
    ...(bili.part ? { part: bili.part } : {}),
  };
  const title = project.title || bili.title || '';
  const old = project.media;
  const same =
    old !== null &&
    old.path === ref.path &&
    old.audioTrack === ref.audioTrack &&
    old.title === ref.title &&
    old.bvid === ref.bvid &&
    old.part === ref.part;
  const frameRate = project.frameRate ?? media.video?.frameRate;
  if (same && title === project.title && frameRate === project.frameRate) return project;
  return { ...project, title, media: ref, ...(frameRate !== undefined ? { frameRate } : {}) };
}
