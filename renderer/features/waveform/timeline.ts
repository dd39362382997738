/**
 * The time ruler above the waveform: a canvas that draws only the ticks in view. (wavesurfer's
 * timeline plugin builds a DOM node for every tick of the whole file on every redraw: 108,000 of
 * them for a three-hour talk at 1,000 px/s.)
 */

/** Tick spacings a ruler may use, in seconds. */
const STEPS = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200];
/** Ticks at least this far apart on screen. */
const MIN_TICK_PX = 7;
/** Labels at least this far apart (room for "1:23:45"). */
const MIN_LABEL_PX = 70;

export interface TickPlan {
  /** Seconds between ticks. */
  readonly tick: number;
  /** Seconds between labelled ticks: a multiple of `tick`. */
  readonly label: number;
}

export function tickPlan(pxPerSec: number): TickPlan {
  const last = STEPS[STEPS.length - 1] as number;
  if (!(pxPerSec > 0)) return { tick: last, label: last };
  const tick = STEPS.find((s) => s * pxPerSec >= MIN_TICK_PX) ?? last;
  const label =
    STEPS.find((s) => s >= tick && s * pxPerSec >= MIN_LABEL_PX && isMultiple(s, tick)) ?? Math.max(tick, last);
  return { tick, label };
}

function isMultiple(a: number, b: number): boolean {
  const ratio = a / b;
  return Math.abs(ratio - Math.round(ratio)) < 1e-6;
}

/** The ticks from `startSec` to `endSec`: their times, and whether each carries a label. */
export function ticksIn(startSec: number, endSec: number, plan: TickPlan): { t: number; labelled: boolean }[] {
  const out: { t: number; labelled: boolean }[] = [];
  const first = Math.max(0, Math.ceil(startSec / plan.tick - 1e-9));
  const every = Math.round(plan.label / plan.tick);
  for (let i = first; i * plan.tick <= endSec + 1e-9; i++) {
    out.push({ t: Math.round(i * plan.tick * 1000) / 1000, labelled: i % every === 0 });
  }
  return out;
}

/** A ruler label: h:mm:ss past an hour, m:ss below, with tenths or hundredths when ticks are that fine. */
export function formatTick(seconds: number, labelStep: number): string {
  const decimals = labelStep < 0.1 ? 2 : labelStep < 1 ? 1 : 0;
  const scale = 10 ** decimals;
  const total = Math.round(seconds * scale) / scale;
  const whole = Math.floor(total + 1e-9);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const fraction = decimals ? (total - whole).toFixed(decimals).slice(1) : '';
  const ss = `${String(s).padStart(2, '0')}${fraction}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export interface RulerColors {
  readonly tick: string;
  readonly text: string;
  readonly font: string;
  /** The segment strip (shown when there are too many segments in view for regions). */
  readonly span: string;
  readonly spanCurrent: string;
}

/** Segments as a strip along the bottom of the ruler, in ms. */
export interface RulerSpans {
  readonly all: readonly { start: number; end: number }[];
  readonly current: { start: number; end: number } | null;
}

/**
 * Draw the ruler for the view: `scrollPx` CSS pixels scrolled, `pxPerSec` pixels per second,
 * `durationSec` long. The canvas is sized to its CSS box at the device pixel ratio.
 */
export function drawRuler(
  canvas: HTMLCanvasElement,
  view: { scrollPx: number; pxPerSec: number; durationSec: number },
  colors: RulerColors,
  spans: RulerSpans | null = null,
): void {
  const ratio = Math.max(1, window.devicePixelRatio || 1);
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const { scrollPx, pxPerSec, durationSec } = view;
  if (!(pxPerSec > 0) || !(durationSec > 0)) return;
  const plan = tickPlan(pxPerSec);
  const start = scrollPx / pxPerSec;
  const end = Math.min(durationSec, (scrollPx + width) / pxPerSec);
  ctx.font = colors.font;
  ctx.textBaseline = 'top';
  ctx.fillStyle = colors.tick;
  const labels: [string, number][] = [];
  for (const { t, labelled } of ticksIn(Math.max(0, start - plan.label), end, plan)) {
    const x = Math.round(t * pxPerSec - scrollPx) + 0.5;
    const tall = labelled ? height : Math.ceil(height * 0.3);
    ctx.fillRect(x - 0.5, height - tall, 1, tall);
    if (labelled) labels.push([formatTick(t, plan.label), x + 4]);
  }
  ctx.fillStyle = colors.text;
  for (const [text, x] of labels) ctx.fillText(text, x, 2);
  if (!spans) return;
  const span = (s: { start: number; end: number }) => {
    const x0 = (s.start / 1000) * pxPerSec - scrollPx;
    const x1 = (s.end / 1000) * pxPerSec - scrollPx;
    if (x1 >= 0 && x0 <= width) ctx.fillRect(x0, height - 3, Math.max(1, x1 - x0), 3);
  };
  ctx.fillStyle = colors.span;
  for (const s of spans.all) span(s);
  ctx.fillStyle = colors.spanCurrent;
  if (spans.current) span(spans.current);
}
