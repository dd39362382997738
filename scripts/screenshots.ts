// `npx tsx scripts/screenshots.ts [outDir]`: screenshots of the sample project in both UI
// languages and both themes, for looking at the UI as a user would; the English light one is the
// README's picture (docs/screenshot.png).
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startWebHost } from '../e2e/web-host';
import { chromiumArgs } from '../playwright.config';

const root = resolve(__dirname, '..');
const outDir = resolve(process.argv[2] ?? join(root, 'test-results', 'screenshots'));
mkdirSync(outDir, { recursive: true });

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'zimu-shots-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumArgs,
  });
  try {
    for (const locale of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
      const host = await startWebHost(join(scratch, locale), { locale });
      try {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
          await page.goto(host.url);
          await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
          // Play a moment so the playing row and the playhead show, then pause.
          await page.getByTestId('play').click();
          await page.waitForFunction(
            () => (document.querySelector('[data-testid="media"]') as HTMLMediaElement).currentTime > 6.2,
          );
          await page.getByTestId('play').click();
          const file = join(outDir, `${locale.slice(0, 2)}-${scheme}.png`);
          await page.screenshot({ path: file });
          console.log(`wrote ${file}`);
          await page.close();
        }
      } finally {
        await host.stop();
      }
    }
    mkdirSync(join(root, 'docs'), { recursive: true });
    copyFileSync(join(outDir, 'en-light.png'), join(root, 'docs', 'screenshot.png'));
    console.log('wrote docs/screenshot.png');
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
