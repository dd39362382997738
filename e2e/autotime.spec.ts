import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT, sampleDir, startWebHost } from './web-host';

const sample = JSON.parse(readFileSync(join(sampleDir, SAMPLE_PROJECT), 'utf8')) as {
  media: { path: string };
  segments: { id: string; source: string }[];
};
const SAMPLE_DURATION_MS = 146_988;

const rows = (page: Page) => page.getByTestId('segment-row');
const row = (page: Page, id: string) => page.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`);
const toMs = (text: string | null) => {
  const [h, m, s] = (text ?? '').split(':').map(Number);
  return Math.round(((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000);
};

/** An untimed transcript of the sample's 30 phrases, and the sample's recording beside it. */
function writeTranscript(dir: string) {
  mkdirSync(dir, { recursive: true });
  const transcript = join(dir, 'transcript.txt');
  writeFileSync(transcript, `${sample.segments.map((s) => s.source).join('\n')}\n`);
  const media = join(dir, sample.media.path);
  copyFileSync(join(sampleDir, sample.media.path), media);
  return { transcript, media };
}

test('auto-times an untimed transcript on its linked recording', async ({ page }, testInfo) => {
  const { transcript, media } = writeTranscript(testInfo.outputPath('files'));
  const host = await startWebHost(testInfo.outputPath('host'), { file: transcript });
  try {
    await page.goto(host.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(rows(page)).toHaveCount(30);
    await expect(row(page, 's1').getByTestId('start-input')).toHaveValue('');
    // Without media there is nothing to time against: no button.
    await expect(page.getByTestId('autotime-button')).toHaveCount(0);

    await page.getByRole('button', { name: 'Link media…' }).click();
    const picker = page.getByRole('dialog', { name: 'Link audio or video' });
    const pathField = picker.getByRole('textbox', { name: 'Path' });
    await expect(pathField).not.toHaveValue('');
    await pathField.fill(media);
    await pathField.press('Enter');
    await expect(picker).toBeHidden();

    const button = page.getByTestId('autotime-button');
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute('title', /30 untimed segments/);
    await button.click();
    // Done: no untimed segment is left, so the button goes away.
    await expect(button).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('autotime-progress')).toHaveCount(0);
    await expect(page.getByTestId('status-info')).toContainText('Auto-timed 30 segments');

    let last = 0;
    for (const s of sample.segments) {
      const r = row(page, s.id);
      await expect(r.locator('.flag-auto-timed')).toHaveText('Auto-timed');
      await expect(r.locator('.flag-needs-timing')).toHaveCount(0);
      const start = toMs(await r.getByTestId('start-input').inputValue());
      const end = toMs(await r.getByTestId('end-input').inputValue());
      expect(start).toBeGreaterThanOrEqual(last);
      expect(end).toBeGreaterThanOrEqual(start);
      last = end;
    }
    expect(last).toBeLessThanOrEqual(SAMPLE_DURATION_MS);
    // The first phrase starts where the recording's speech does (0.5 s in).
    expect(Math.abs(toMs(await row(page, 's1').getByTestId('start-input').inputValue()) - 500)).toBeLessThan(250);

    // Every placed segment is on the waveform; dragging one retimes it and clears its mark.
    const waveform = page.getByTestId('waveform');
    await expect(waveform).toHaveAttribute('data-region-count', '30', { timeout: 30_000 });
    const handle = waveform.locator('[part~="region"][part~="s6"]').locator('[part~="region-handle-right"]');
    const box = await handle.boundingBox();
    if (!box) throw new Error('the region has no right handle on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 15, box.y + box.height / 2, { steps: 3 });
    await page.mouse.move(box.x - 30, box.y + box.height / 2, { steps: 3 });
    await page.mouse.up();
    await expect(row(page, 's6').locator('.flag-auto-timed')).toHaveCount(0);
    await expect(row(page, 's7').locator('.flag-auto-timed')).toHaveCount(1);
  } finally {
    await host.stop();
  }
});
