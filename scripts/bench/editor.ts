// The editor on a three-hour talk: a generated 5,000-segment bilingual project opened in the
// browser host and driven in Chromium. Printed: navigation → first interactive grid; keystroke →
// next frame while typing in the middle of the document; replace-all + undo over the whole
// document (when the find bar exists); scroll frame times top to bottom; the page's JS heap.
// Needs a build (`npm run build`) and Chromium (CHROMIUM_PATH or /usr/bin/chromium).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';
import { writeBigProject } from '../../e2e/big-project';
import { startWebHost } from '../../e2e/web-host';
import { chromiumArgs } from '../../playwright.config';

const SEGMENTS = 5_000;
const TYPED = 'and a sentence typed in the middle of the talk, 60 chars.';
// 200 px a frame is 12,000 px/s at 60 fps: a brisk wheel scroll (a 600 px fling saturates a software-rendered frame).
const SCROLL_STEP_PX = 200;
const FRAME_MS = 1000 / 60;

interface Row {
  what: string;
  figure: string;
  note?: string;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

/** Page side: when the first segment row appeared (and a frame after it), from navigation start. */
function watchFirstRow(): void {
  const w = window as unknown as { __firstRowMs?: number };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('[data-testid="segment-row"] [data-testid="translation-input"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      w.__firstRowMs = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function firstGrid(page: Page, url: string): Promise<number> {
  // tsx keeps function names with a `__name` helper the page does not have: give it a stand-in.
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await page.addInitScript(watchFirstRow);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __firstRowMs?: number }).__firstRowMs !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => (window as unknown as { __firstRowMs: number }).__firstRowMs);
}

/** Scroll the list to `fraction` of its height and return a rendered row's id near the middle of the view. */
async function rowNear(page: Page, fraction: number): Promise<string> {
  return page.evaluate(async (f) => {
    const scroller = document.querySelector('[data-testid="grid-scroll"]') as HTMLElement;
    scroller.scrollTop = scroller.scrollHeight * f;
    for (let i = 0; i < 5; i++) await new Promise((ok) => requestAnimationFrame(ok));
    const view = scroller.getBoundingClientRect();
    const middle = view.top + view.height / 2;
    const rows = [...scroller.querySelectorAll<HTMLElement>('[data-testid="segment-row"]')];
    const row = rows.find((r) => r.getBoundingClientRect().bottom > middle) ?? rows[0];
    return row?.dataset.segmentId ?? '';
  }, fraction);
}

/** Keystroke → the next animation frame after React committed the input (and → after that frame's paint). */
async function typingLatency(page: Page): Promise<{ toFrame: number[]; toPaint: number[]; id: string }> {
  const id = await rowNear(page, 0.5);
  const field = page.locator(`[data-segment-id="${id}"] [data-testid="translation-input"]`);
  await field.click();
  await field.press('End');
  await page.evaluate(() => {
    const w = window as unknown as { __lat: { toFrame: number[]; toPaint: number[] } };
    w.__lat = { toFrame: [], toPaint: [] };
    let down = 0;
    window.addEventListener(
      'keydown',
      (e) => {
        down = e.timeStamp;
      },
      true,
    );
    // Bubbling to window: after React's own listener on the root has committed the edit.
    window.addEventListener('input', () => {
      const t0 = down;
      requestAnimationFrame(() => {
        w.__lat.toFrame.push(performance.now() - t0);
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.__lat.toPaint.push(performance.now() - t0);
        channel.port2.postMessage(null);
      });
    });
  });
  await page.keyboard.type(TYPED, { delay: 40 });
  await page.waitForTimeout(200);
  const lat = await page.evaluate(
    () => (window as unknown as { __lat: { toFrame: number[]; toPaint: number[] } }).__lat,
  );
  await field.blur();
  return { ...lat, id };
}

/** Replace-all over the document and its undo, through the find bar, if this build has one. */
async function replaceAll(page: Page): Promise<{ replace: number; undo: number } | null> {
  await page
    .locator('body')
    .click({ position: { x: 5, y: 5 } })
    .catch(() => {});
  await page.keyboard.press('Control+h');
  const bar = page.getByTestId('find-bar');
  try {
    await bar.waitFor({ state: 'visible', timeout: 2_000 });
  } catch {
    return null;
  }
  const probe = await rowNear(page, 0.3);
  const field = page.locator(`[data-segment-id="${probe}"] [data-testid="source-input"]`);
  await page.getByTestId('find-input').fill('第');
  await page.getByTestId('replace-input').fill('第 ');
  const before = await field.inputValue();
  const t0 = performance.now();
  await page.getByTestId('replace-all').click();
  await page.waitForFunction(
    ([sel, old]) => (document.querySelector(sel) as HTMLTextAreaElement | null)?.value !== old,
    [`[data-segment-id="${probe}"] [data-testid="source-input"]`, before] as const,
    { polling: 'raf', timeout: 60_000 },
  );
  const replace = performance.now() - t0;
  // Focus is on the Replace all button: Ctrl+Z there is the document's undo (in the find fields it
  // would undo their own typing).
  const t1 = performance.now();
  await page.keyboard.press('Control+z');
  // Undo may scroll to the first changed segment, unmounting the probe row: wait until the rows on
  // screen show no replacement.
  await page.waitForFunction(
    () => {
      const fields = [...document.querySelectorAll<HTMLTextAreaElement>('[data-testid="source-input"]')];
      return fields.length > 0 && fields.every((f) => !f.value.includes('第 '));
    },
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return { replace, undo: performance.now() - t1 };
}

/** Scroll from top to bottom, SCROLL_STEP_PX per frame, recording the time between frames. */
async function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    ({ step }) =>
      new Promise<number[]>((done) => {
        const scroller = document.querySelector('[data-testid="grid-scroll"]') as HTMLElement;
        scroller.scrollTop = 0;
        const deltas: number[] = [];
        let last = 0;
        const frame = (t: number) => {
          if (last) deltas.push(t - last);
          last = t;
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) return done(deltas);
          scroller.scrollTop += step;
          requestAnimationFrame(frame);
        };
        requestAnimationFrame(() => requestAnimationFrame(frame));
      }),
    { step: SCROLL_STEP_PX },
  );
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export async function benchEditor(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  if (!existsSync(join(root, 'out', 'main', 'web.js'))) {
    console.log('\neditor: skipped, no build (run `npm run build` first)');
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'zimu-bench-editor-'));
  const file = writeBigProject(join(scratch, 'project'), SEGMENTS);
  const host = await startWebHost(join(scratch, 'host'), { file });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    const rows: Row[] = [];

    const first = await firstGrid(page, host.url);
    rows.push({ what: 'navigation → first interactive grid', figure: ms(first) });
    const rendered = await page.getByTestId('segment-row').count();
    rows.push({ what: 'rows in the DOM', figure: `${rendered} of ${SEGMENTS.toLocaleString('en')}` });

    const typing = await typingLatency(page);
    const n = typing.toFrame.length;
    rows.push({
      what: `keystroke → next frame (${n} keys, row ${typing.id})`,
      figure: `median ${ms(quantile(typing.toFrame, 0.5))}, p95 ${ms(quantile(typing.toFrame, 0.95))}`,
      note: 'target p95 < 16 ms',
    });
    rows.push({
      what: 'keystroke → after that frame',
      figure: `median ${ms(quantile(typing.toPaint, 0.5))}, p95 ${ms(quantile(typing.toPaint, 0.95))}`,
    });

    const replaced = await replaceAll(page);
    rows.push(
      replaced
        ? { what: 'replace-all (whole document) / undo', figure: `${ms(replaced.replace)} / ${ms(replaced.undo)}` }
        : { what: 'replace-all', figure: 'not available', note: 'no find bar (Ctrl+H) in this build' },
    );

    const deltas = await scrollFrames(page);
    const dropped = deltas.reduce((sum, d) => sum + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
    rows.push({
      what: `scroll top → bottom (${deltas.length} frames, ${SCROLL_STEP_PX} px each)`,
      figure: `median ${ms(quantile(deltas, 0.5))}, p95 ${ms(quantile(deltas, 0.95))}, max ${ms(Math.max(...deltas))}`,
      note: `${dropped} dropped frames`,
    });

    rows.push({ what: 'renderer JS heap after GC', figure: `${(await heapMb(page)).toFixed(1)} MB` });

    console.log(
      `\neditor: ${SEGMENTS.toLocaleString('en')}-segment bilingual talk in Chromium (browser host, 1280×800)`,
    );
    // Frame times depend on what else the machine is doing: say so next to them.
    console.log(`  (load average ${loadavg()[0]?.toFixed(1)} while measuring)`);
    const width = Math.max(...rows.map((r) => r.what.length));
    for (const r of rows) console.log(`  ${r.what.padEnd(width)}  ${r.figure}${r.note ? `   (${r.note})` : ''}`);
  } finally {
    await browser?.close();
    await host.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchEditor().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
