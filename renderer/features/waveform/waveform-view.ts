import WaveSurfer from 'wavesurfer.js';
import MinimapPlugin from 'wavesurfer.js/plugins/minimap';
import RegionsPlugin, { type Region } from 'wavesurfer.js/plugins/regions';
import { setTiming } from '../../../shared/model/project';
import type { Project, SegmentId } from '../../../shared/model/types';
import type { Editor } from '../../state/editor';
import { channelsFor, type PeaksLevel } from './peaks';
import type { PeaksSession } from './peaks-session';
import {
  diffRegions,
  idsInWindow,
  insertTimedSegment,
  markShown,
  type RegionSpec,
  type RegionWindow,
  regionWindow,
  type ShownRegions,
  timesFromRegion,
  windowCovers,
} from './regions-sync';
import { drawRuler } from './timeline';
import { effectivePxPerSec, fitPxPerSec, scrollForAnchor, wheelFactor, zoomBy } from './zoom';

/**
 * The waveform: wavesurfer drawn from the host's peaks over the player's own media element (it
 * never fetches or decodes audio), one region per timed segment kept in step with the document by
 * id, a ruler, a minimap for long files, and zoom.
 */

export interface WaveformViewOptions {
  /** Where wavesurfer draws. */
  surface: HTMLElement;
  /** The time ruler above it. */
  ruler: HTMLCanvasElement;
  /** The minimap's place; only used for long media. */
  minimap: HTMLElement | null;
  media: HTMLMediaElement;
  /** The media's duration from the host, until the element knows its own. */
  durationMs: number;
  session: PeaksSession;
  editor: Editor;
  height: number;
  /** Something the panel shows changed: region count, zoom. */
  onChange(view: WaveformViewState): void;
  /** A region was clicked: the segment whose row to show. */
  onRegionClick(id: SegmentId): void;
  /** A segment was made by dragging on the waveform. */
  onCreated(id: SegmentId): void;
}

export interface WaveformViewState {
  /** Regions on the waveform now (those of the segments in and around the view). */
  regions: number;
  /** Pixels per second, 0 = the whole file. */
  zoom: number;
  /** Too many segments in view for regions: zoom in to edit them. */
  dense: boolean;
  /** The times of the region being dragged, in ms, until it is dropped. */
  dragging: { start: number; end: number } | null;
}

/** Media longer than this gets a minimap. */
export const MINIMAP_AFTER_SEC = 10 * 60;

const REGION_COLOR = 'var(--wave-region)';
const CURRENT_REGION_COLOR = 'var(--wave-region-current)';

type Regions = ReturnType<typeof RegionsPlugin.create>;

interface Colors {
  wave: string;
  progress: string;
  cursor: string;
  tick: string;
  text: string;
  font: string;
  overlay: string;
  span: string;
  spanCurrent: string;
}

function readColors(element: HTMLElement): Colors {
  const style = getComputedStyle(element);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    wave: v('--wave-color', '#8a94a1'),
    progress: v('--wave-progress', '#5d6876'),
    cursor: v('--wave-cursor', '#e8920c'),
    tick: v('--wave-tick', '#b9c0ca'),
    text: v('--wave-text', '#5d6876'),
    font: `11px ${v('--font-mono', 'monospace')}`,
    overlay: v('--wave-minimap-overlay', 'rgba(31, 111, 235, 0.15)'),
    span: v('--wave-region-edge', 'rgba(31, 111, 235, 0.55)'),
    spanCurrent: v('--wave-cursor', '#e8920c'),
  };
}

export class WaveformView {
  private readonly ws: WaveSurfer;
  private readonly regions: Regions;
  private minimap: ReturnType<typeof MinimapPlugin.create> | null = null;
  private readonly byId = new Map<SegmentId, Region>();
  private readonly shown: ShownRegions = new Map();
  private currentId: SegmentId | null = null;
  private adding = false;
  private window: RegionWindow | null = null;
  private dense = false;
  private dragging: { start: number; end: number } | null = null;
  private zoom = 0;
  private drawn: { level: PeaksLevel; revision: number; duration: number } | null = null;
  private colors: Colors;
  private readonly cleanups: (() => void)[] = [];
  private destroyed = false;

  constructor(private readonly o: WaveformViewOptions) {
    this.colors = readColors(o.surface);
    this.regions = RegionsPlugin.create();
    const duration = this.durationSec();
    this.ws = WaveSurfer.create({
      container: o.surface,
      media: o.media,
      // Silence until the peaks come: wavesurfer must never fetch or decode the media itself.
      peaks: [new Float32Array(1), new Float32Array(1)],
      duration,
      height: o.height,
      waveColor: this.colors.wave,
      progressColor: this.colors.progress,
      cursorColor: this.colors.cursor,
      cursorWidth: 2,
      normalize: true,
      minPxPerSec: 0,
      autoScroll: true,
      autoCenter: true,
      dragToSeek: false,
      plugins: [this.regions],
    });
    this.regions.enableDragSelection({ color: REGION_COLOR });
    this.wire();
    if (o.minimap && duration > MINIMAP_AFTER_SEC) this.addMinimap(o.minimap);
  }

  private durationSec(): number {
    const d = this.o.media.duration;
    return Number.isFinite(d) && d > 0 ? d : Math.max(0.001, this.o.durationMs / 1000);
  }

  private fit(): number {
    return fitPxPerSec(this.ws.getWidth(), this.durationSec());
  }

  /** CSS pixels per second on screen now. */
  pxPerSec(): number {
    return effectivePxPerSec(this.zoom, this.fit());
  }

  private wire(): void {
    const { ws, regions, o } = this;
    const on = (off: () => void) => this.cleanups.push(off);

    on(
      regions.on('region-update', (region) => {
        if (this.byId.get(region.id) !== region) return;
        this.dragging = timesFromRegion(region.start, region.end);
        this.changed();
      }),
    );
    on(
      regions.on('region-updated', (region) => {
        if (this.byId.get(region.id) !== region) return;
        this.dragging = null;
        this.changed();
        const { start, end } = timesFromRegion(region.start, region.end);
        o.editor.applyEdit('waveform-timing', (p) => setTiming(p, region.id, start, end));
      }),
    );
    on(
      regions.on('region-created', (region) => {
        if (this.adding || this.byId.get(region.id) === region) return;
        // Dragged out on empty waveform: becomes a segment (and then a region of ours, by its id).
        const { start, end } = timesFromRegion(region.start, region.end);
        region.remove();
        if (end <= start) return;
        let id: SegmentId | null = null;
        o.editor.applyEdit('waveform-create', (p) => {
          const made = insertTimedSegment(p, start, end);
          id = made.id;
          return made.project;
        });
        if (id) o.onCreated(id);
      }),
    );
    on(
      regions.on('region-clicked', (region) => {
        if (this.byId.get(region.id) === region) o.onRegionClick(region.id);
      }),
    );

    // Keep the regions and the highlight in step with the document.
    // Not before wavesurfer knows the duration: regions made earlier are clamped to nothing.
    const store = o.editor.store;
    let project: Project | undefined;
    const onEditor = () => {
      if (!ws.getDuration()) return;
      const s = store.get();
      const next = s.doc?.project;
      if (next && next !== project) {
        project = next;
        this.syncRegions(next);
      }
      if (s.currentId !== this.currentId) this.highlight(s.currentId);
    };
    on(store.subscribe(onEditor));
    on(ws.on('ready', onEditor));

    // More peaks (decoding, a finer level fetched): draw them.
    on(o.session.store.subscribe(() => this.syncPeaks()));
    on(
      ws.on('ready', () => {
        this.refreshWindow(true);
        this.drawRuler();
      }),
    );
    on(ws.on('redraw', () => this.drawRuler()));
    on(
      ws.on('scroll', () => {
        this.refreshWindow();
        this.drawRuler();
      }),
    );
    on(
      ws.on('resize', () => {
        this.syncPeaks();
        this.refreshWindow(true);
        this.drawRuler();
      }),
    );
    on(
      ws.on('zoom', () => {
        this.refreshWindow(true);
        this.drawRuler();
      }),
    );

    const onDuration = () => this.syncPeaks();
    o.media.addEventListener('durationchange', onDuration);
    on(() => o.media.removeEventListener('durationchange', onDuration));

    // Ctrl+wheel zooms around the pointer; the plain wheel scrolls along the waveform.
    const onWheel = (event: WheelEvent) => {
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        const rect = o.surface.getBoundingClientRect();
        this.zoomBy(wheelFactor(event.deltaY), event.clientX - rect.left);
      } else if (Math.abs(event.deltaY) > Math.abs(event.deltaX) && this.zoom > 0) {
        event.preventDefault();
        ws.setScroll(ws.getScroll() + event.deltaY);
      }
    };
    o.surface.addEventListener('wheel', onWheel, { passive: false });
    on(() => o.surface.removeEventListener('wheel', onWheel));

    // Theme switches recolour the canvases (CSS cannot reach them).
    const observer = new MutationObserver(() => this.recolor());
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    on(() => observer.disconnect());

    this.syncPeaks();
  }

  /** Draw the best peaks for the zoom; a new level for a zoom change is swapped in without a reload. */
  private syncPeaks(): void {
    if (this.destroyed) return;
    const level = this.o.session.levelFor(this.pxPerSec() * Math.max(1, window.devicePixelRatio || 1));
    if (!level) return;
    const { revision } = this.o.session.store.get();
    const duration = this.durationSec();
    const d = this.drawn;
    if (d && d.level === level && d.revision === revision && d.duration === duration) return;
    const peaks = channelsFor(level, duration);
    if (d && d.revision === revision && d.duration === duration) {
      this.ws.setOptions({ peaks, duration });
    } else {
      // A load (not setOptions) so the minimap and the regions' duration follow too. The same src:
      // wavesurfer leaves the element alone.
      const src = this.o.media.currentSrc || this.o.media.src;
      this.ws.load(src, peaks, duration).catch(() => {});
    }
    this.drawn = { level, revision, duration };
  }

  private syncRegions(project: Project): void {
    const diff = diffRegions(this.shown, project.segments);
    for (const id of diff.remove) this.dropRegion(id);
    let moved = false;
    for (const change of diff.update) {
      moved ||= change.times;
      const region = this.byId.get(change.id);
      if (!region) continue;
      if (change.times && !region.isDragging) {
        region.setOptions({ start: change.spec.start / 1000, end: change.spec.end / 1000 });
      }
      if (change.label) setLabel(region, change.spec.label);
    }
    markShown(this.shown, project.segments, diff);
    // Segments added or retimed may enter or leave the part of the media that has regions.
    if (diff.add.length || moved || diff.remove.length) this.refreshWindow(true);
  }

  /** The view, in ms of media. */
  private viewRange(): [number, number] {
    const duration = this.durationSec();
    const pps = this.ws.getWrapper().clientWidth / duration;
    if (!(pps > 0)) return [0, duration * 1000];
    const scroll = this.ws.getScroll();
    return [(scroll / pps) * 1000, ((scroll + this.ws.getWidth()) / pps) * 1000];
  }

  /**
   * Regions for the segments in and around the view, made and dropped as it moves; none (a strip in
   * the ruler instead) when there are too many for regions to be of use.
   */
  private refreshWindow(force = false): void {
    if (this.destroyed || !this.ws.getDuration()) return;
    const durationMs = this.durationSec() * 1000;
    const [viewStart, viewEnd] = this.viewRange();
    if (!force && this.window && windowCovers(this.window, viewStart, viewEnd, durationMs)) return;
    this.window = regionWindow(viewStart, viewEnd, durationMs);
    const ids = idsInWindow(this.shown, this.window);
    const wanted = new Set(ids ?? []);
    for (const [id, region] of this.byId) if (!wanted.has(id) && !region.isDragging) this.dropRegion(id);
    for (const id of wanted) {
      const shown = this.shown.get(id);
      if (shown && !this.byId.has(id)) this.addRegion(id, shown.spec);
    }
    const dense = ids === null;
    const changed = dense !== this.dense;
    this.dense = dense;
    if (changed) this.drawRuler();
    this.changed();
  }

  private dropRegion(id: SegmentId): void {
    this.byId.get(id)?.remove();
    this.byId.delete(id);
  }

  private addRegion(id: SegmentId, spec: RegionSpec): void {
    // region-created fires inside addRegion: it must not read as a region dragged out by the user.
    this.adding = true;
    let region: Region;
    try {
      region = this.regions.addRegion({
        id,
        start: spec.start / 1000,
        end: spec.end / 1000,
        color: id === this.currentId ? CURRENT_REGION_COLOR : REGION_COLOR,
        drag: true,
        resize: true,
      });
    } finally {
      this.adding = false;
    }
    setLabel(region, spec.label);
    this.byId.set(id, region);
  }

  private highlight(id: SegmentId | null): void {
    const before = this.currentId ? this.byId.get(this.currentId) : undefined;
    before?.setOptions({ color: REGION_COLOR });
    this.currentId = id;
    const now = id ? this.byId.get(id) : undefined;
    now?.setOptions({ color: CURRENT_REGION_COLOR });
    if (this.dense) this.drawRuler();
  }

  private changed(): void {
    this.o.onChange({ regions: this.byId.size, zoom: this.zoom, dense: this.dense, dragging: this.dragging });
  }

  /** Zoom by `factor` around `anchorPx` from the left edge (default: the playhead if in view, else the middle). */
  zoomBy(factor: number, anchorPx?: number): void {
    this.setZoom(zoomBy(this.zoom, factor, this.fit()), anchorPx);
  }

  setZoom(zoom: number, anchorPx?: number): void {
    if (!this.ws.getDecodedData()) return;
    const before = this.pxPerSec();
    const width = this.ws.getWidth();
    const scroll = this.ws.getScroll();
    let px = anchorPx;
    if (px === undefined) {
      const playhead = this.ws.getCurrentTime() * before - scroll;
      px = playhead >= 0 && playhead <= width ? playhead : width / 2;
    }
    const anchorSec = (scroll + px) / before;
    this.zoom = zoom;
    this.syncPeaks();
    // A load just started by syncPeaks has no data yet: it draws at the new zoom when it lands.
    if (this.ws.getDecodedData()) this.ws.zoom(zoom);
    else this.ws.setOptions({ minPxPerSec: zoom });
    if (zoom > 0) this.ws.setScroll(scrollForAnchor(anchorSec, px, this.pxPerSec()));
    this.drawRuler();
    this.changed();
  }

  private drawRuler(): void {
    if (this.destroyed) return;
    const wrapperWidth = this.ws.getWrapper().clientWidth;
    const duration = this.durationSec();
    const spans = this.dense
      ? {
          all: [...this.shown.values()].map((v) => v.spec),
          current: this.currentId ? (this.shown.get(this.currentId)?.spec ?? null) : null,
        }
      : null;
    drawRuler(
      this.o.ruler,
      { scrollPx: this.ws.getScroll(), pxPerSec: wrapperWidth / duration, durationSec: duration },
      this.colors,
      spans,
    );
  }

  private addMinimap(container: HTMLElement): void {
    this.minimap = this.ws.registerPlugin(
      MinimapPlugin.create({
        container,
        height: 22,
        waveColor: this.colors.wave,
        progressColor: this.colors.progress,
        cursorColor: this.colors.cursor,
        cursorWidth: 1,
        overlayColor: this.colors.overlay,
        normalize: true,
      }),
    );
  }

  private recolor(): void {
    this.colors = readColors(this.o.surface);
    this.ws.setOptions({
      waveColor: this.colors.wave,
      progressColor: this.colors.progress,
      cursorColor: this.colors.cursor,
    });
    if (this.minimap && this.o.minimap) {
      this.ws.unregisterPlugin(this.minimap);
      this.addMinimap(this.o.minimap);
    }
    this.drawRuler();
  }

  destroy(): void {
    this.destroyed = true;
    for (const off of this.cleanups.splice(0)) off();
    // The media element is the player's: wavesurfer leaves it alone.
    this.ws.destroy();
  }
}

/** The region's label: the start of its source text, also its tooltip. */
function setLabel(region: Region, label: string): void {
  const element = region.element;
  if (!element) return;
  let node = element.querySelector<HTMLElement>('[part~="region-label"]');
  if (!node) {
    node = document.createElement('div');
    node.setAttribute('part', 'region-label');
    element.appendChild(node);
  }
  node.textContent = label;
  element.title = label;
}
