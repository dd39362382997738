import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startWebHost } from '../../e2e/web-host';
import { chromiumArgs } from '../../playwright.config';

const root = resolve(__dirname, '..', '..');
const outDir = join(root, 'test-results', 'screenshots');
mkdirSync(outDir, { recursive: true });
async function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'zimu-shots-'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    for (const locale of ['en_US.UTF-8', 'zh_CN.UTF-8']) {
      const host = await startWebHost(join(scratch, locale), { locale });
      const file = join(host.workDir, 'corrected.txt');
      copyFileSync(join(root, 'shared/reimport/eval/cases/merged.txt'), file);
      try {
        for (const scheme of ['light', 'dark'] as const) {
          const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme });
          await page.goto(host.url);
          await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
          await page.getByTestId('correction-menu').click();
          await page.screenshot({ path: join(outDir, `corr-menu-${locale.slice(0, 2)}-${scheme}.png`) });
          await page.getByRole('menuitem').nth(1).click();
          const path = page.getByRole('dialog').getByRole('textbox').first();
          await page.waitForFunction(() => (document.querySelector('dialog input') as HTMLInputElement)?.value !== '');
          await path.fill(file);
          await path.press('Enter');
          await page.getByTestId('review-item').first().waitFor();
          await page.screenshot({ path: join(outDir, `corr-review-${locale.slice(0, 2)}-${scheme}.png`) });
          await page.keyboard.press('Escape');
          await page.getByTestId('correction-menu').click();
          await page.getByRole('menuitem').nth(0).click();
          await page.waitForTimeout(300);
          await page.screenshot({ path: join(outDir, `corr-export-${locale.slice(0, 2)}-${scheme}.png`) });
          await page.keyboard.press('Escape');
          await page.getByTestId('correction-menu').click();
          await page.getByRole('menuitem').nth(2).click();
          await page.waitForTimeout(300);
          await page.screenshot({ path: join(outDir, `corr-batch-${locale.slice(0, 2)}-${scheme}.png`) });
          await page.close();
        }
      } finally {
        await host.stop();
      }
    }
  } finally {
    await browser.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}
main().catch((err: unknown) => { console.error(err); process.exit(1); });
