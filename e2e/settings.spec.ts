import { copyFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT } from './web-host';

const rows = (app: Page) => app.getByTestId('segment-row');

async function openSettings(app: Page) {
  await app.getByTestId('open-settings').click();
  const dialog = app.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test('rebinding a shortcut shows conflicts, works at once and persists across a reload', async ({ app }) => {
  const dialog = await openSettings(app);
  const merge = dialog.locator('[data-testid="shortcut-row"][data-action="merge"]');
  // Alt+P is play/pause's: a conflict is reported.
  await merge.getByTestId('add-shortcut').click();
  await app.keyboard.press('Alt+p');
  await expect(merge.getByTestId('conflict')).toContainText('Play / pause');
  await merge.getByTestId('chord').filter({ hasText: 'Alt+P' }).click();
  await expect(merge.getByTestId('conflict')).toHaveCount(0);
  // Replace Alt+M by Alt+K.
  await merge.getByTestId('chord').filter({ hasText: 'Alt+M' }).click();
  await merge.getByTestId('add-shortcut').click();
  await app.keyboard.press('Alt+k');
  await expect(merge.getByTestId('chord')).toHaveText(['Alt+K ×']);
  await app.getByTestId('settings-done').click();

  await app.reload();
  await expect(app.locator('html[data-ready="true"]')).toBeAttached();
  await app.locator('[data-segment-id="s2"]').getByTestId('source-input').click();
  await app.keyboard.press('Alt+m');
  await expect(rows(app)).toHaveCount(30);
  await app.keyboard.press('Alt+k');
  await expect(rows(app)).toHaveCount(29);
  // The shortcut sheet shows the new key.
  await app.locator('.workspace').click({ position: { x: 5, y: 5 } });
  await app.getByTestId('open-shortcuts').click();
  await expect(app.locator('.shortcut-line[data-action="merge"] kbd')).toHaveText(['Alt+K']);
});

test('? outside text fields opens the shortcut sheet, but types in a field', async ({ app }) => {
  const field = app.locator('[data-segment-id="s1"]').getByTestId('translation-input');
  await field.click();
  await field.press('End');
  await app.keyboard.press('?');
  await expect(field).toHaveValue('Distinguished leaders,?');
  await expect(app.getByTestId('shortcut-sheet')).toHaveCount(0);
  await field.blur();
  await app.keyboard.press('?');
  await expect(app.getByTestId('shortcut-sheet')).toBeVisible();
});

test('recent files: listed, reopened, and a missing one reported and removed', async ({ app, host }) => {
  const copy = join(host.workDir, 'copy.zimu');
  copyFileSync(join(host.workDir, SAMPLE_PROJECT), copy);
  // Open the copy (it becomes recent), then the sample again.
  for (const file of [copy, join(host.workDir, SAMPLE_PROJECT)]) {
    await app.keyboard.press('Control+o');
    const picker = app.getByRole('dialog', { name: 'Open a file' });
    const pathField = picker.getByRole('textbox', { name: 'Path' });
    await expect(pathField).not.toHaveValue('');
    await pathField.fill(file);
    await pathField.press('Enter');
    await expect(picker).toBeHidden();
    await expect.poll(() => app.title()).toContain(basename(file));
  }
  await app.getByTestId('recent-menu').click();
  const items = app.getByTestId('recent-item');
  await expect(items.first()).toContainText(SAMPLE_PROJECT);
  await expect(items.nth(1)).toContainText('copy.zimu');

  // Reopen the copy from the list.
  await items.nth(1).click();
  await expect.poll(() => app.title()).toContain('copy.zimu');

  // Gone from disk: a clear error, and it leaves the list.
  unlinkSync(copy);
  await app.getByTestId('recent-menu').click();
  await app.getByTestId('recent-item').filter({ hasText: 'copy.zimu' }).click();
  await expect(app.getByRole('alert').filter({ hasText: 'copy.zimu' })).toBeVisible();
  await app.getByTestId('recent-menu').click();
  await expect(app.getByTestId('recent-item').filter({ hasText: 'copy.zimu' })).toHaveCount(0);
  await expect(app.getByTestId('recent-item')).toHaveCount(1);
});

test('the export dialog starts from the export defaults chosen in settings, kept across a reload', async ({ app }) => {
  const dialog = await openSettings(app);
  await dialog.getByTestId('default-format').selectOption('vtt');
  await app.getByTestId('settings-done').click();
  await app.reload();
  await expect(app.locator('html[data-ready="true"]')).toBeAttached();
  await app.locator('body').click({ position: { x: 2, y: 2 } });
  await app.keyboard.press('Control+e');
  const exportDialog = app.getByRole('dialog', { name: 'Export captions' });
  await expect(exportDialog.getByRole('radio', { name: /WebVTT/ })).toBeChecked();
});
