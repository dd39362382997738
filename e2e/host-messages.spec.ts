import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startWebHost } from './web-host';

// The host says what went wrong by message code; the UI words it in its own language.

async function openThroughPicker(page: Page, path: string): Promise<void> {
  await page.keyboard.press('Control+o');
  const picker = page.getByRole('dialog');
  await expect(picker).toBeVisible();
  // The picker fills the path field with its folder once the first listing arrives: type after that.
  await expect(picker.getByRole('textbox').first()).not.toHaveValue('');
  await picker.getByRole('textbox').first().fill(path);
  await picker.getByRole('textbox').first().press('Enter');
}

test('host errors and warnings read in Chinese in the Chinese UI', async ({ page }, testInfo) => {
  const host = await startWebHost(testInfo.outputPath('zh-host'), { locale: 'zh_CN.UTF-8' });
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(host.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

    const binary = join(host.workDir, 'broken.srt');
    writeFileSync(binary, Buffer.from([0x31, 0x0a, 0x00, 0x01, 0x02, 0xff, 0x00]));
    await openThroughPicker(page, binary);
    const banner = page.getByRole('alert');
    await expect(banner).toContainText(`${binary}: 这是二进制文件，不是文本`);
    await expect(banner).not.toContainText('binary file');
    await page.screenshot({ path: testInfo.outputPath('zh-error-banner.png') });

    // A file that opens with a repaired line: its warning is Chinese too, with its line.
    const srt = join(host.workDir, 'arrow.srt');
    writeFileSync(srt, '1\n00:00:01,000 -> 00:00:02,000\n你好\n');
    await openThroughPicker(page, srt);
    await expect(page.getByTestId('segment-row')).toHaveCount(1);
    await page.getByTestId('warnings-button').click();
    const panel = page.getByTestId('warnings-panel');
    await expect(panel).toContainText('时间行中的箭头“->”有误，已按“-->”读取');
    await expect(panel).toContainText('2');

    // Switched to English, the same warning reads as the command line says it.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('warnings-button').click();
    await expect(page.getByTestId('warnings-panel')).toContainText(
      'malformed arrow "->" in the timing line read as "-->"',
    );
  } finally {
    await host.stop();
  }
});
