import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT } from './web-host';

function storedSources(workDir: string): Map<string, string> {
  const segments = JSON.parse(readFileSync(join(workDir, SAMPLE_PROJECT), 'utf8')).segments as {
    id: string;
    source: string;
    flags: string[];
  }[];
  return new Map(segments.map((s) => [s.id, s.source]));
}

async function menuItem(app: Page, name: string): Promise<void> {
  await app.getByTestId('correction-menu').click();
  await app.getByRole('menuitem', { name }).click();
}

const sourceOf = (app: Page, id: string) =>
  app.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`).getByTestId('source-input');

test('exports for correction, reimports the corrected file, reviews and applies it as one edit', async ({
  app,
  host,
}) => {
  // Export the source text in the transcript's paragraph style through the in-app save picker.
  await menuItem(app, 'Export for correction…');
  const exportDialog = app.getByRole('dialog', { name: 'Export for correction' });
  await expect(exportDialog).toBeVisible();
  await expect(exportDialog.getByRole('radio', { name: 'Paragraphs (transcript style)' })).toBeChecked();
  await exportDialog.getByRole('button', { name: 'Choose file…' }).click();
  const picker = app.getByRole('dialog', { name: 'Export captions to' });
  await expect(picker.getByLabel('File name')).toHaveValue('bv1uh4y1w77v-p1.correction.txt');
  await picker.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(exportDialog).toBeHidden();
  const exported = join(host.workDir, 'bv1uh4y1w77v-p1.correction.txt');
  await expect.poll(() => readFileSync(exported, 'utf8').length).toBeGreaterThan(100);
  const text = readFileSync(exported, 'utf8');
  expect(text.startsWith('# ')).toBe(true);
  expect(text).toContain('尊敬的各位领导，各位来宾，');

  // The editor corrects it: ASR errors fixed, a filler dropped, two phrases merged.
  const corrected = text
    .replaceAll('志愿', '智源')
    .replace('支援过去', '智源过去')
    .replace('接力棒啊', '接力棒')
    .replace('集聚区的呃，核心区啊。', '集聚区的核心区。');
  expect(corrected).not.toBe(text);
  writeFileSync(exported, corrected);

  // Reimport it through the in-app open picker.
  await menuItem(app, 'Reimport corrected text…');
  const openPicker = app.getByRole('dialog', { name: 'Open a file' });
  const pathField = openPicker.getByRole('textbox', { name: 'Path' });
  await expect(pathField).not.toHaveValue('');
  await pathField.fill(exported);
  await pathField.press('Enter');
  await expect(openPicker).toBeHidden();

  const review = app.getByRole('dialog', { name: 'Review the corrected text' });
  await expect(review.getByTestId('review-summary')).toContainText('6 segments change, 0 need review');
  const items = review.getByTestId('review-item');
  await expect(items).toHaveCount(6);
  const s6 = review.locator('[data-testid="review-item"][data-id="s6"]');
  await expect(s6.locator('.review-old')).toHaveText('再次欢迎大家来参加今天的志愿大会');
  await expect(s6.locator('.review-new')).toHaveText('再次欢迎大家来参加今天的智源大会');
  await expect(s6.locator('.diff-removed')).toHaveText('志愿');
  await expect(s6.locator('.diff-added')).toHaveText('智源');
  // The merged phrases go back onto their own timings.
  await expect(review.locator('[data-id="s21"] .review-new')).toHaveText('以及海淀区人工智能大模型集聚区的');
  await expect(review.locator('[data-id="s22"] .review-new')).toHaveText('核心区。');

  // Reject one change, apply the others.
  await s6.getByRole('checkbox').uncheck();
  await review.getByRole('button', { name: 'Apply 5 selected' }).click();
  await expect(review).toBeHidden();
  await expect(sourceOf(app, 's9')).toHaveValue('在智源大会上继续向大家报告。');
  await expect(sourceOf(app, 's8')).toHaveValue('非常荣幸能够从黄老师手中接过接力棒');
  await expect(sourceOf(app, 's6')).toHaveValue('再次欢迎大家来参加今天的志愿大会');

  // Saved to disk with the reimported texts.
  await app.locator('body').click({ position: { x: 2, y: 2 } });
  await app.keyboard.press('Control+s');
  await expect.poll(() => storedSources(host.workDir).get('s10')).toBe('智源过去一年的研究和工作方面的一些进展');
  const saved = storedSources(host.workDir);
  expect(saved.get('s22')).toBe('核心区。');
  expect(saved.get('s6')).toBe('再次欢迎大家来参加今天的志愿大会');
  expect(saved.get('s1')).toBe('尊敬的各位领导');

  // One undo restores every reimported segment; redo puts them back.
  await app.keyboard.press('Control+z');
  await expect(sourceOf(app, 's9')).toHaveValue('在志愿大会上继续向大家报告。');
  await expect(sourceOf(app, 's8')).toHaveValue('非常荣幸能够从黄老师手中接过接力棒啊');
  await expect(sourceOf(app, 's22')).not.toHaveValue('核心区。');
  await app.keyboard.press('Control+Shift+z');
  await expect(sourceOf(app, 's9')).toHaveValue('在智源大会上继续向大家报告。');
});

test('flags segments the corrected text leaves out and shows them first', async ({ app, host }) => {
  const file = join(host.workDir, 'corrected.txt');
  // One line per segment but two phrases merged into one line: aligned, not placed by position.
  const lines = ['尊敬的各位领导，各位来宾', '各位专家', '各位朋友', '大家上午好'];
  writeFileSync(file, `${lines.join('\n')}\n`);
  await menuItem(app, 'Reimport corrected text…');
  const picker = app.getByRole('dialog', { name: 'Open a file' });
  const pathField = picker.getByRole('textbox', { name: 'Path' });
  await expect(pathField).not.toHaveValue('');
  await pathField.fill(file);
  await pathField.press('Enter');
  const review = app.getByRole('dialog', { name: 'Review the corrected text' });
  await expect(review.getByTestId('review-summary')).toContainText('need review');
  // Segments 6–30 are not in the text: kept, flagged, and listed before anything else.
  await expect(review.getByTestId('review-item').first()).toHaveClass(/needs-review/);
  await expect(review.getByTestId('review-item').first()).toContainText('Not in the corrected text');
  await review.getByRole('button', { name: 'Discard all' }).click();
  await expect(review).toBeHidden();
  await expect(sourceOf(app, 's1')).toHaveValue('尊敬的各位领导');
});
