import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT, sampleDir, startWebHost } from './web-host';

// Opening media other than through the Link media button: the command line, drag and drop, and
// choosing among several audio tracks.

const sampleAudio = join(sampleDir, 'bv1uh4y1w77v-p1.opus');
const SRT =
  '1\n00:00:01,000 --> 00:00:02,500\n各位来宾，欢迎来到智源大会\n\n2\n00:00:03,000 --> 00:00:04,000\n具身智能\n';

async function ready(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
}

/** An M4A with two AAC tracks: silence first, the sample's speech second (an interpreter's track). */
function twoTrackFile(dir: string): string {
  const file = join(dir, 'two-tracks.m4a');
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono', '-i', sampleAudio],
    ...['-map', '0:a', '-map', '1:a', '-t', '20', '-c:a', 'aac', '-b:a', '64k', file],
  ]);
  return file;
}

/** Drop files on the page the way a drag from the file manager does; `paths` stands in for Electron's preload. */
async function dropFiles(page: Page, names: string[], paths: Record<string, string> | null): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ names, paths }) => {
      if (paths) {
        // Only the preload's one function: the page keeps talking to the browser host.
        (window as unknown as { zimu: { pathForFile(f: File): string } }).zimu = {
          pathForFile: (f: File) => paths[f.name] ?? '',
        };
      }
      const transfer = new DataTransfer();
      for (const name of names) transfer.items.add(new File(['x'], name));
      return transfer;
    },
    { names, paths },
  );
  await page.dispatchEvent('body', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('file-drop')).toBeVisible();
  await page.dispatchEvent('body', 'drop', { dataTransfer });
  await expect(page.getByTestId('file-drop')).toHaveCount(0);
  // The drop has read the paths; without the stand-in the page again knows it is not in Electron.
  await page.evaluate(() => {
    delete (window as { zimu?: unknown }).zimu;
  });
}

test('a document and media named on the command line open together', async ({ page }, testInfo) => {
  const dir = testInfo.outputPath('cli');
  mkdirSync(dir, { recursive: true });
  const srt = join(dir, 'talk.srt');
  writeFileSync(srt, SRT);
  const host = await startWebHost(testInfo.outputPath('cli-host'), { file: srt, media: sampleAudio });
  try {
    await ready(page, host.url);
    await expect(page.getByTestId('segment-row')).toHaveCount(2);
    await expect(page.getByTestId('waveform')).toHaveAttribute('data-region-count', '2', { timeout: 30_000 });
    await expect(page.getByTestId('media')).toHaveAttribute('src', /\/media\//);
  } finally {
    await host.stop();
  }
});

test('dropping a subtitle file and its video opens one and links the other', async ({ app, host }, testInfo) => {
  const dir = testInfo.outputPath('drop');
  mkdirSync(dir, { recursive: true });
  const srt = join(dir, 'dropped.srt');
  writeFileSync(srt, SRT);
  await dropFiles(app, ['dropped.srt', 'speech.opus'], { 'dropped.srt': srt, 'speech.opus': sampleAudio });
  await expect(app.getByTestId('segment-row')).toHaveCount(2);
  await expect(app.getByTestId('segment-row').first().getByTestId('source-input')).toHaveValue(
    '各位来宾，欢迎来到智源大会',
  );
  await expect(app.getByTestId('waveform')).toHaveAttribute('data-region-count', '2', { timeout: 30_000 });
  // The sample project it replaced is untouched on disk.
  const stored = JSON.parse(readFileSync(join(host.workDir, SAMPLE_PROJECT), 'utf8'));
  expect(stored.segments).toHaveLength(30);
});

test('in a browser, which hides a dropped file’s path, the picker opens to find it', async ({ app }) => {
  await dropFiles(app, ['talk.srt'], null);
  await expect(app.getByRole('dialog')).toBeVisible();
  await expect(app.getByText('where talk.srt is')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog')).toHaveCount(0);
  await expect(app.getByTestId('segment-row')).toHaveCount(30);

  // A file Zimu cannot open is named, and nothing else happens.
  await dropFiles(app, ['notes.docx'], null);
  await expect(app.getByText('cannot open notes.docx')).toBeVisible();
  await expect(app.getByRole('dialog')).toHaveCount(0);
});

test('a file with two audio tracks lets the user choose the track; the project keeps the choice', async ({
  app,
  host,
}, testInfo) => {
  const dir = testInfo.outputPath('tracks');
  mkdirSync(dir, { recursive: true });
  const file = twoTrackFile(dir);
  await dropFiles(app, ['two-tracks.m4a'], { 'two-tracks.m4a': file });
  const track = app.getByTestId('audio-track');
  await expect(track).toHaveValue('0');
  await expect(track.locator('option')).toHaveCount(2);
  const firstSrc = await app.getByTestId('media').getAttribute('src');
  await expect(app.getByTestId('waveform')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });

  await track.selectOption('1');
  await expect(app.getByTestId('audio-track')).toHaveValue('1');
  // Playback switches to a file holding that track alone, and the waveform is drawn from it.
  await expect(app.getByTestId('media')).not.toHaveAttribute('src', firstSrc ?? '');
  await expect(app.getByTestId('waveform')).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });

  await app.keyboard.press('Control+s');
  await expect
    .poll(() => JSON.parse(readFileSync(join(host.workDir, SAMPLE_PROJECT), 'utf8')).media)
    .toMatchObject({ path: expect.stringContaining('two-tracks.m4a'), audioTrack: 1 });
});
