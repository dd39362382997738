import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { copySample, repoRoot } from './web-host';

/** The Electron binary, or why there is none (npm install without the download, as in CI here). */
function electronBinary(): { path: string | null; reason: string } {
  try {
    const path = createRequire(__filename)('electron') as unknown as string;
    if (typeof path === 'string' && existsSync(path)) return { path, reason: '' };
    return { path: null, reason: `Electron binary not available: ${String(path)} does not exist` };
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    return {
      path: null,
      reason: `Electron binary not available (${first}); the same scenario runs in Chromium through the browser host`,
    };
  }
}

const binary = electronBinary();

// biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
test('Electron: shows the sample, edits a segment and plays audio', async ({}, testInfo) => {
  test.skip(binary.path === null, binary.reason);
  const project = copySample(testInfo.outputPath('work'));
  const app = await electron.launch({
    executablePath: binary.path as string,
    args: [join(repoRoot, 'out', 'main', 'index.js'), project, '--no-sandbox'],
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    // Isolation as the page sees it: no Node, and the bridge is exactly the contract's two functions.
    const surface = await page.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { zimu?: object }).zimu ?? {}).sort(),
    }));
    expect(surface).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'on'] });
    const segments = JSON.parse(readFileSync(project, 'utf8')).segments as { id: string }[];
    await expect(page.getByTestId('segment-row')).toHaveCount(segments.length);
    const field = page.locator('[data-segment-id="s2"]').getByTestId('source-input');
    await field.fill('各位来宾');
    await expect(field).toHaveValue('各位来宾');
    await page.getByTestId('play').click();
    await expect
      .poll(() => page.getByTestId('media').evaluate((m: HTMLMediaElement) => m.currentTime), { timeout: 15_000 })
      .toBeGreaterThan(1);
    await expect(page.locator('[data-testid="segment-row"][aria-current="true"]')).toHaveCount(1);
  } finally {
    await app.close();
  }
});

test.afterAll(() => {
  if (binary.path === null) console.log(`skipped Electron e2e: ${binary.reason}`);
});
