import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT } from './web-host';

interface StoredSegment {
  id: string;
  start: number;
  end: number;
  source: string;
  translation: string;
}

function storedSegments(workDir: string): StoredSegment[] {
  return JSON.parse(readFileSync(join(workDir, SAMPLE_PROJECT), 'utf8')).segments as StoredSegment[];
}

test('shows the sample project with its source text and translations', async ({ app, host }) => {
  const segments = storedSegments(host.workDir);
  const rows = app.getByTestId('segment-row');
  await expect(rows).toHaveCount(segments.length);
  const first = rows.first();
  await expect(first.getByTestId('source-input')).toHaveValue(segments[0]?.source ?? '');
  await expect(first.getByTestId('translation-input')).toHaveValue(segments[0]?.translation ?? '');
  expect(segments[0]?.translation).not.toBe('');
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
});

test('edits a segment and saves it to disk atomically', async ({ app, host }) => {
  const row = app.locator('[data-testid="segment-row"][data-segment-id="s2"]');
  const field = row.getByTestId('source-input');
  await field.fill('各位来宾，欢迎来到智源大会');
  await field.blur();
  await expect(field).toHaveValue('各位来宾，欢迎来到智源大会');
  await app.keyboard.press('Control+s');
  await expect
    .poll(() => storedSegments(host.workDir).find((s) => s.id === 's2')?.source)
    .toBe('各位来宾，欢迎来到智源大会');
  // Other segments and the timing are untouched.
  const saved = storedSegments(host.workDir);
  expect(saved).toHaveLength(30);
  expect(saved[0]?.source).toBe('尊敬的各位领导');
});

test('plays the audio and the highlight follows the playing segment', async ({ app, host }) => {
  const segments = storedSegments(host.workDir);
  const media = app.getByTestId('media');
  await app.getByTestId('play').click();
  await expect
    .poll(() => media.evaluate((m: HTMLMediaElement) => m.currentTime), { timeout: 15_000 })
    .toBeGreaterThan((segments[2]?.start ?? 0) / 1000 + 0.2);
  // Pause inside a segment and check the highlighted row is the one under the playhead.
  await app.getByTestId('play').click();
  const t = await media.evaluate((m: HTMLMediaElement) => m.currentTime * 1000);
  expect(await media.evaluate((m: HTMLMediaElement) => m.paused)).toBe(true);
  const playing = segments.find((s) => t >= s.start && t < s.end);
  const current = app.locator('[data-testid="segment-row"][aria-current="true"]');
  if (playing) {
    await expect(current).toHaveCount(1);
    await expect(current).toHaveAttribute('data-segment-id', playing.id);
  } else {
    await expect(current).toHaveCount(0);
  }
  // The highlight moved past the first segment while playing.
  expect(t).toBeGreaterThan(segments[1]?.end ?? 0);
});

test('follows a Chinese OS locale and switches language', async ({ page }, testInfo) => {
  const { startWebHost } = await import('./web-host');
  const host = await startWebHost(testInfo.outputPath('zh-host'), { locale: 'zh_CN.UTF-8' });
  try {
    await page.goto(host.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('button', { name: /打开/ })).toBeVisible();
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('button', { name: /Open/ })).toBeVisible();
    // The choice is saved: a reload keeps English although the OS says Chinese.
    await page.reload();
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await host.stop();
  }
});

test('opens a bilingual SRT through the in-app file picker', async ({ app, host }) => {
  const srt = join(host.workDir, 'bilingual.srt');
  writeFileSync(
    srt,
    '1\n00:00:01,000 --> 00:00:02,500\n欢迎来到智源大会\nWelcome to the BAAI Conference\n\n2\n00:00:03,000 --> 00:00:04,000\n具身智能\nEmbodied AI\n',
  );
  await app.keyboard.press('Control+o');
  const picker = app.getByRole('dialog');
  await expect(picker).toBeVisible();
  // The picker fills the path field with its folder once the first listing arrives: type after that.
  await expect(picker.getByRole('textbox').first()).not.toHaveValue('');
  await picker.getByRole('textbox').first().fill(srt);
  await picker.getByRole('textbox').first().press('Enter');
  const rows = app.getByTestId('segment-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1).getByTestId('source-input')).toHaveValue('具身智能');
  await expect(rows.nth(1).getByTestId('translation-input')).toHaveValue('Embodied AI');
});
