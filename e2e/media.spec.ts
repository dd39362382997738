import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT, sampleDir, startWebHost } from './web-host';

interface StoredSegment {
  id: string;
  start: number;
  end: number;
  source: string;
  translation: string;
}

const sample = JSON.parse(readFileSync(join(sampleDir, SAMPLE_PROJECT), 'utf8')) as {
  media: { path: string };
  segments: StoredSegment[];
};
const segment = (id: string) => sample.segments.find((s) => s.id === id) as StoredSegment;

const row = (page: Page, id: string) => page.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`);
const mediaTime = (page: Page) => page.getByTestId('media').evaluate((m: HTMLMediaElement) => m.currentTime);
/** A region is drawn by wavesurfer in its shadow DOM, as an element whose part names its segment id. */
const region = (waveform: Locator, id: string) => waveform.locator(`[part~="region"][part~="${id}"]`);

/** The waveform is there, its peaks drawn and one region per timed segment made. */
async function waveformReady(page: Page): Promise<Locator> {
  const waveform = page.getByTestId('waveform');
  await expect(waveform).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
  await expect(waveform).toHaveAttribute('data-region-count', String(sample.segments.length));
  return waveform;
}

test('shows the waveform with one region per timed segment, and no video box for audio', async ({ app }) => {
  const waveform = await waveformReady(app);
  expect(sample.segments).toHaveLength(30);
  // At the whole-file zoom every region is in view, so every one is a real element.
  await expect(waveform.locator('[part~="region"]')).toHaveCount(30);
  await expect(region(waveform, 's6')).toHaveAttribute('title', segment('s6').source);
  await expect(app.getByTestId('video-preview')).toHaveCount(0);
});

test('clicking a region seeks into its segment and makes its row current', async ({ app }) => {
  const waveform = await waveformReady(app);
  const s6 = segment('s6');
  await region(waveform, 's6').click();
  await expect.poll(() => mediaTime(app)).toBeGreaterThanOrEqual(s6.start / 1000);
  const t = await mediaTime(app);
  expect(t).toBeLessThan(s6.end / 1000);
  await expect(row(app, 's6')).toHaveAttribute('aria-current', 'true');
});

test('dragging a region edge retimes its segment in the list', async ({ app }) => {
  const waveform = await waveformReady(app);
  const s6 = segment('s6');
  const end = row(app, 's6').getByTestId('end-input');
  await expect(end).toHaveValue('0:00:19.393');
  const handle = region(waveform, 's6').locator('[part~="region-handle-right"]');
  const box = await handle.boundingBox();
  if (!box) throw new Error('the region has no right handle on screen');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await app.mouse.move(x, y);
  await app.mouse.down();
  await app.mouse.move(x - 15, y, { steps: 3 });
  await app.mouse.move(x - 30, y, { steps: 3 });
  await app.mouse.up();
  // Shorter by about 30 px worth of time; the start stays.
  await expect(end).not.toHaveValue('0:00:19.393');
  const after = await end.inputValue();
  const [h, m, s] = (after ?? '').split(':').map(Number);
  const endMs = Math.round(((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000);
  expect(endMs).toBeLessThan(s6.end - 1000);
  expect(endMs).toBeGreaterThan(s6.start);
  await expect(row(app, 's6').getByTestId('start-input')).toHaveValue('0:00:12.460');
  // The region shows the new time too: one edit, from the store back to the waveform.
  await expect(app.getByTestId('segment-row')).toHaveCount(30);
});

test('dragging on empty waveform adds a segment in time order', async ({ app }) => {
  const waveform = await waveformReady(app);
  // Zoom in (= key) until the half second before the first segment is wide enough to drag in.
  for (let i = 0; i < 6; i++) await app.keyboard.press('=');
  await expect.poll(async () => Number(await waveform.getAttribute('data-zoom'))).toBeGreaterThan(80);
  const surface = await waveform.locator('.waveform-surface').boundingBox();
  if (!surface) throw new Error('no waveform on screen');
  const y = surface.y + surface.height / 2;
  await app.mouse.move(surface.x + 4, y);
  await app.mouse.down();
  await app.mouse.move(surface.x + 20, y, { steps: 3 });
  await app.mouse.move(surface.x + 36, y, { steps: 3 });
  await app.mouse.up();
  await expect(app.getByTestId('segment-row')).toHaveCount(31);
  // Its region, made from the document by id (zoomed in, only the regions around the view exist).
  await expect(region(waveform, 's31')).toHaveCount(1);
  const first = app.getByTestId('segment-row').first();
  await expect(first).toHaveAttribute('data-segment-id', 's31');
  await expect(first.getByTestId('start-input')).toHaveValue(/^0:00:00\.\d{3}$/);
  // Ready to type its text.
  await expect(first.getByTestId('source-input')).toBeFocused();
  // And back out to the whole file.
  await waveform.getByRole('button', { name: 'Whole file' }).click();
  await expect(waveform).toHaveAttribute('data-zoom', '0');
});

test('plays at the chosen speed and loops the current segment', async ({ app }) => {
  await waveformReady(app);
  await app.getByTestId('playback-rate').selectOption('2');
  await expect.poll(() => app.getByTestId('media').evaluate((m: HTMLMediaElement) => m.playbackRate)).toBe(2);
  const s1 = segment('s1');
  // Remember every jump backwards the element makes.
  await app.getByTestId('media').evaluate((m: HTMLMediaElement) => {
    const w = window as unknown as { jumps: number[] };
    w.jumps = [];
    let last = 0;
    m.addEventListener('timeupdate', () => {
      if (m.currentTime < last - 0.5) w.jumps.push(m.currentTime);
      last = m.currentTime;
    });
  });
  await app.getByTestId('loop-segment').click();
  await expect(app.getByTestId('loop-segment')).toHaveAttribute('aria-pressed', 'true');
  await row(app, 's1').locator('.cell-number').click();
  await app.getByTestId('play').click();
  await expect
    .poll(() => app.evaluate(() => (window as unknown as { jumps: number[] }).jumps.length), { timeout: 15_000 })
    .toBeGreaterThan(0);
  const jumps = await app.evaluate(() => (window as unknown as { jumps: number[] }).jumps);
  expect(jumps[0]).toBeGreaterThanOrEqual(s1.start / 1000 - 0.01);
  expect(jumps[0]).toBeLessThan(s1.start / 1000 + 0.5);
  await app.getByTestId('play').click();
});

test('peaks come from the cache on the second open', async ({ app }) => {
  const waveform = await waveformReady(app);
  await expect(waveform).toHaveAttribute('data-cached', 'false');
  await app.reload();
  await expect(app.locator('html[data-ready="true"]')).toBeAttached();
  const again = await waveformReady(app);
  await expect(again).toHaveAttribute('data-cached', 'true');
});

test('a video shows beside the waveform with the current segment over it', async ({ page }, testInfo) => {
  const dir = testInfo.outputPath('video');
  mkdirSync(dir, { recursive: true });
  const audio = join(dir, sample.media.path);
  copyFileSync(join(sampleDir, sample.media.path), audio);
  // A small MP4 (H.264 + AAC) made from the sample's speech over a plain colour.
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x224466:s=640x360:r=10', '-i', audio],
    ...['-shortest', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac'],
    join(dir, 'talk.mp4'),
  ]);
  const project = JSON.parse(readFileSync(join(sampleDir, SAMPLE_PROJECT), 'utf8'));
  project.media.path = 'talk.mp4';
  const file = join(dir, 'talk.zimu');
  writeFileSync(file, JSON.stringify(project, null, 2));

  const host = await startWebHost(testInfo.outputPath('video-host'), { file });
  try {
    await page.goto(host.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    const preview = page.getByTestId('video-preview');
    await expect(preview).toBeVisible();
    // The one media element is the video in the preview.
    await expect(page.getByTestId('media')).toHaveCount(1);
    await expect(preview.locator('video[data-testid="media"]')).toHaveCount(1);
    await waveformReady(page);

    const s3 = segment('s3');
    expect(s3.translation).not.toBe('');
    await row(page, 's3').locator('.cell-number').click();
    await expect(row(page, 's3')).toHaveAttribute('aria-current', 'true');
    await expect(preview.getByTestId('overlay-source')).toHaveText(s3.source);
    await expect(preview.getByTestId('overlay-translation')).toHaveText(s3.translation);

    await preview.getByTestId('overlay-toggle-translation').click();
    await expect(preview.getByTestId('overlay-translation')).toHaveCount(0);
    await expect(preview.getByTestId('overlay-source')).toHaveText(s3.source);
    await preview.getByTestId('overlay-toggle-translation').click();
    await expect(preview.getByTestId('overlay-translation')).toHaveText(s3.translation);
  } finally {
    await host.stop();
  }
});
