import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeBigProject } from './big-project';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT, startWebHost } from './web-host';

interface StoredSegment {
  id: string;
  source: string;
  translation: string;
}

const stored = (file: string) => JSON.parse(readFileSync(file, 'utf8')).segments as StoredSegment[];
const translateRow = (page: Page, id: string) => page.locator(`[data-testid="translate-row"][data-segment-id="${id}"]`);
const progress = (page: Page) => page.getByTestId('translate-progress');

test('translates in the translation view: Enter goes to the next untranslated, history is shared', async ({
  app,
  host,
}) => {
  const file = join(host.workDir, SAMPLE_PROJECT);
  const segments = stored(file);
  const untranslated = segments.filter((s) => s.translation.trim() === '');
  const total = segments.length;
  expect(untranslated.length).toBeGreaterThan(2);
  await expect(progress(app)).toHaveAttribute('data-done', String(total - untranslated.length));
  await expect(progress(app)).toHaveAttribute('data-total', String(total));

  await app.getByTestId('view-translate').click();
  await expect(app.getByTestId('view-translate')).toHaveAttribute('aria-pressed', 'true');
  const [first, second, third] = untranslated as [StoredSegment, StoredSegment, StoredSegment];
  // The first untranslated segment's field has the focus; its source is shown read-only above it.
  const firstField = translateRow(app, first.id).getByTestId('translation-input');
  await expect(firstField).toBeFocused();
  await expect(translateRow(app, first.id).getByTestId('translate-source')).toHaveText(first.source);
  await expect(translateRow(app, first.id).getByTestId('source-input')).toHaveCount(0);

  // Shift+Enter is a line break; Enter moves on.
  await app.keyboard.type('BAAI was founded');
  await app.keyboard.press('Shift+Enter');
  await app.keyboard.type('in November 2018');
  await app.keyboard.press('Enter');
  await expect(firstField).toHaveValue('BAAI was founded\nin November 2018');
  const secondField = translateRow(app, second.id).getByTestId('translation-input');
  await expect(secondField).toBeFocused();
  await expect(progress(app)).toHaveAttribute('data-done', String(total - untranslated.length + 1));

  await app.keyboard.type('as a new kind of research institute.');
  await app.keyboard.press('Enter');
  await expect(translateRow(app, third.id).getByTestId('translation-input')).toBeFocused();

  // Back in the grid, nothing is lost.
  await app.getByTestId('view-grid').click();
  const gridRow = app.locator(`[data-testid="segment-row"][data-segment-id="${second.id}"]`);
  await expect(gridRow.getByTestId('translation-input')).toHaveValue('as a new kind of research institute.');
  await app.keyboard.press('Control+s');
  await expect
    .poll(() => stored(file).find((s) => s.id === first.id)?.translation)
    .toBe('BAAI was founded\nin November 2018');
});

test('Enter in the translation view reaches untranslated segments far down a 5,000-segment talk', async ({
  page,
}, testInfo) => {
  const file = writeBigProject(testInfo.outputPath('talk'));
  const host = await startWebHost(testInfo.outputPath('big-host'), { file });
  try {
    await page.goto(host.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    const segments = stored(file);
    // Start from a segment near the end: the next untranslated ones are found by index, then rendered.
    const from = segments.findIndex((s, i) => i > 4950 && s.translation === '');
    const targets = segments.map((s, i) => ({ s, i })).filter(({ s, i }) => i > from && s.translation === '');
    expect(targets.length).toBeGreaterThan(1);
    await page.getByTestId('view-translate').click();
    // Scroll the (virtualized) list until the starting segment's row is rendered.
    await page.evaluate((index) => {
      const scroller = document.querySelector('[data-testid="grid-scroll"]') as HTMLElement;
      scroller.scrollTop = scroller.scrollHeight * (index / 5000);
    }, from);
    const startRow = translateRow(page, segments[from]?.id ?? '');
    await expect
      .poll(async () => {
        await page.evaluate((index) => {
          const scroller = document.querySelector('[data-testid="grid-scroll"]') as HTMLElement;
          const rows = [...scroller.querySelectorAll<HTMLElement>('[data-index]')].map((r) => Number(r.dataset.index));
          const first = Math.min(...rows);
          if (index < first) scroller.scrollTop -= 400;
          else if (index > Math.max(...rows)) scroller.scrollTop += 400;
        }, from);
        return startRow.count();
      })
      .toBe(1);
    await startRow.getByTestId('translation-input').click();
    await page.keyboard.type('A line.');
    await page.keyboard.press('Enter');
    const next = translateRow(page, targets[0]?.s.id ?? '').getByTestId('translation-input');
    await expect(next).toBeFocused();
    await expect(next).toBeInViewport();
    await expect(progress(page)).toHaveAttribute('data-done', String(segments.filter((s) => s.translation).length + 1));
  } finally {
    await host.stop();
  }
});
