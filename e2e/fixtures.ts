import { test as base, expect, type Page } from '@playwright/test';
import { type RunningHost, startWebHost } from './web-host';

interface Fixtures {
  /** A fresh browser host on a private copy of the sample project. */
  host: RunningHost;
  /** The editor page, opened and ready (the renderer sets html[data-ready]). */
  app: Page;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
  host: async ({}, use, testInfo) => {
    const host = await startWebHost(testInfo.outputPath('host'));
    await use(host);
    await host.stop();
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await use(page);
  },
});

export { expect };
