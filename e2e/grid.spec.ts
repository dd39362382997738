import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { writeBigProject } from './big-project';
import { expect, test } from './fixtures';
import { type RunningHost, SAMPLE_PROJECT, startWebHost } from './web-host';

interface StoredSegment {
  id: string;
  start: number;
  end: number;
  source: string;
  translation: string;
}

const stored = (file: string) => JSON.parse(readFileSync(file, 'utf8')).segments as StoredSegment[];
const storedSample = (host: RunningHost) => stored(join(host.workDir, SAMPLE_PROJECT));
const row = (page: Page, id: string) => page.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`);
const mediaMs = (page: Page) =>
  page.getByTestId('media').evaluate((m: HTMLMediaElement) => Math.round(m.currentTime * 1000));

/** Save (Ctrl+S) and wait until the file on disk shows `check`. */
async function saveAndRead(page: Page, file: string, check: (segments: StoredSegment[]) => boolean) {
  await page.keyboard.press('Control+s');
  await expect.poll(() => check(stored(file))).toBe(true);
  return stored(file);
}

/** Type a Chinese phrase through Chromium's own IME path: composition updates, then the commit. */
async function compose(page: Page, steps: readonly string[], commit: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  await cdp.send('Input.insertText', { text: commit });
  await cdp.detach();
}

test.describe('on the sample project', () => {
  test('edits times inline: Enter commits, bad input is refused, Alt+arrows nudge', async ({ app, host }) => {
    const s2 = storedSample(host).find((s) => s.id === 's2') as StoredSegment;
    const start = row(app, 's2').getByTestId('start-input');
    const end = row(app, 's2').getByTestId('end-input');
    await expect(start).toHaveValue('0:00:03.804');

    await start.fill('0:00:03.900');
    await start.press('Enter');
    await expect(start).toHaveValue('0:00:03.900');
    await expect(row(app, 's2').getByTestId('duration')).toHaveText(((s2.end - 3900) / 1000).toFixed(2));

    // Not a time: a clear error, and the segment keeps its time.
    await start.fill('3.9 seconds');
    await start.press('Enter');
    await expect(row(app, 's2').getByTestId('time-error')).toHaveText('Not a time: type h:mm:ss.mmm');
    await expect(start).toHaveAttribute('aria-invalid', 'true');
    await start.blur();
    await expect(start).toHaveValue('0:00:03.900');
    // A start after the end.
    await start.fill('0:00:09');
    await start.press('Enter');
    await expect(row(app, 's2').getByTestId('time-error')).toHaveText('Start must not be after end');

    await end.focus();
    await expect(row(app, 's2').getByTestId('time-error')).toHaveCount(1);
    await end.press('Alt+ArrowUp');
    await end.press('Alt+ArrowUp');
    await end.press('Alt+Shift+ArrowDown');
    await expect(end).toHaveValue('0:00:05.614');
    const saved = await saveAndRead(app, join(host.workDir, SAMPLE_PROJECT), (segs) => segs[1]?.end === 5614);
    expect(saved[1]).toMatchObject({ id: 's2', start: 3900, end: 5614 });
    // Its neighbours are untouched.
    expect(saved[2]?.start).toBe(storedSample(host)[2]?.start);
  });

  test('selects rows by click, Shift+click and Ctrl+click, and seeks to the clicked one', async ({ app, host }) => {
    const segments = storedSample(host);
    await row(app, 's3').locator('.cell-number').click();
    await expect(row(app, 's3')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => mediaMs(app)).toBe(segments[2]?.start);
    await expect(row(app, 's3')).toHaveAttribute('aria-current', 'true');

    await row(app, 's6')
      .locator('.cell-duration')
      .click({ modifiers: ['Shift'] });
    for (const id of ['s3', 's4', 's5', 's6']) await expect(row(app, id)).toHaveAttribute('aria-selected', 'true');
    await expect(row(app, 's7')).toHaveAttribute('aria-selected', 'false');

    await row(app, 's4')
      .locator('.cell-number')
      .click({ modifiers: ['Control'] });
    await expect(row(app, 's4')).toHaveAttribute('aria-selected', 'false');
    await expect(row(app, 's5')).toHaveAttribute('aria-selected', 'true');
    // Clicking into a text field selects the row being edited: commands (split, merge…) act on it.
    await row(app, 's9').getByTestId('source-input').click();
    await expect(row(app, 's9')).toHaveAttribute('aria-selected', 'true');
    await expect(row(app, 's3')).toHaveAttribute('aria-selected', 'false');
  });

  test('marks reading speeds over the QA limits', async ({ app }) => {
    const field = row(app, 's2').getByTestId('translation-input');
    const cps = row(app, 's2').getByTestId('cps-translation');
    await expect(cps).not.toHaveAttribute('data-over', 'true');
    // s2 lasts 1.62 s: 40 characters is about 25 per second, over 17.
    await field.fill('honored guests and all of our dear friends');
    await expect(cps).toHaveAttribute('data-over', 'true');
    await expect(row(app, 's2').getByTestId('cps-source')).not.toHaveAttribute('data-over', 'true');
  });

  test('Chinese input method: composition text is committed once, without losses or repeats', async ({ app, host }) => {
    const field = row(app, 's2').getByTestId('source-input');
    await field.click();
    await field.press('End');
    await compose(app, ['z', 'zhi', 'zhiyuan', '智源'], '智源');
    await compose(app, ['d', 'da', 'dahui'], '大会');
    await expect(field).toHaveValue('各位来宾智源大会');

    // The same with composition events dispatched by hand, as an IME on another platform sends them.
    await field.evaluate((el: HTMLTextAreaElement) => {
      const base = el.value;
      el.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true, data: '' }));
      for (const text of ['ni', 'nihao', '你好']) {
        el.value = base + text;
        el.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, data: text }));
      }
      el.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '你好' }));
    });
    await expect(field).toHaveValue('各位来宾智源大会你好');
    const file = join(host.workDir, SAMPLE_PROJECT);
    const saved = await saveAndRead(app, file, (segs) => segs[1]?.source === '各位来宾智源大会你好');
    expect(saved[1]?.source).toBe('各位来宾智源大会你好');
  });

  test('a keystroke re-renders its own row, not the list', async ({ page, host }) => {
    await page.addInitScript(() => {
      (window as unknown as { __zimuRenders: Record<string, number> }).__zimuRenders = {};
    });
    await page.goto(host.url);
    await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    const field = row(page, 's5').getByTestId('translation-input');
    await field.click();
    await field.press('End');
    const counts = () =>
      page.evaluate(() => ({ ...(window as unknown as { __zimuRenders: Record<string, number> }).__zimuRenders }));
    await page.evaluate(() => {
      (window as unknown as { __zimuRenders: Record<string, number> }).__zimuRenders = {};
    });
    await page.keyboard.type(' yes', { delay: 20 });
    await expect(field).toHaveValue('good morning, everyone. yes');
    const after = await counts();
    expect(after['row:s5']).toBeGreaterThanOrEqual(4);
    const others = Object.entries(after).filter(([name]) => name !== 'row:s5');
    expect(others).toEqual([]);
  });

  test('the list follows playback to the playing row', async ({ app, host }) => {
    const s25 = storedSample(host)[24] as StoredSegment;
    const target = row(app, s25.id);
    await expect(target).not.toBeInViewport();
    await app.getByTestId('media').evaluate(
      (m: HTMLMediaElement, t) => {
        m.currentTime = t;
      },
      s25.start / 1000 + 0.05,
    );
    await app.getByTestId('play').click();
    await expect(target).toHaveAttribute('aria-current', 'true');
    await expect(target).toBeInViewport();
    await app.getByTestId('play').click();
  });

  test('typing a new start moves the waveform region; dragging a region retimes the row', async ({ app }) => {
    const waveform = app.getByTestId('waveform');
    await expect(waveform).toHaveAttribute('data-state', 'ready', { timeout: 30_000 });
    const region = waveform.locator('[part~="region"][part~="s6"]');
    const before = await region.boundingBox();
    if (!before) throw new Error('no region for s6');
    const start = row(app, 's6').getByTestId('start-input');
    await start.fill('0:00:10.500');
    await start.press('Enter');
    // 2 s earlier at the whole-file zoom: the region's left edge moves left.
    await expect.poll(async () => (await region.boundingBox())?.x ?? before.x).toBeLessThan(before.x - 5);

    const handle = region.locator('[part~="region-handle-right"]');
    const box = await handle.boundingBox();
    if (!box) throw new Error('no right handle');
    const end = row(app, 's6').getByTestId('end-input');
    const endBefore = await end.inputValue();
    await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.mouse.down();
    await app.mouse.move(box.x - 20, box.y + box.height / 2, { steps: 4 });
    await app.mouse.up();
    await expect(end).not.toHaveValue(endBefore);
    await expect(start).toHaveValue('0:00:10.500');
  });
});

/** A browser host on a freshly generated 5,000-segment talk (no media), and its page. */
const bigTest = test.extend<{ bigFile: string; bigApp: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures must destructure their dependencies.
  bigFile: async ({}, use, testInfo) => {
    await use(writeBigProject(testInfo.outputPath('talk')));
  },
  bigApp: async ({ page, bigFile }, use, testInfo) => {
    const host = await startWebHost(testInfo.outputPath('big-host'), { file: bigFile });
    try {
      await page.goto(host.url);
      await expect(page.locator('html[data-ready="true"]')).toBeAttached();
      await use(page);
    } finally {
      await host.stop();
    }
  },
});

/** Scroll the list until the last row is rendered (row heights are measured as they come into view). */
async function scrollToEnd(page: Page): Promise<Locator> {
  const scroller = page.getByTestId('grid-scroll');
  await expect
    .poll(async () => {
      await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      return row(page, 's5000').count();
    })
    .toBe(1);
  return scroller;
}

bigTest.describe('on a generated 5,000-segment talk', () => {
  bigTest(
    'renders only the rows in view, scrolls to the end and edits the last segment',
    async ({ bigApp, bigFile }) => {
      const rows = bigApp.getByTestId('segment-row');
      await expect(rows.first()).toBeVisible();
      expect(await rows.count()).toBeLessThan(60);
      await scrollToEnd(bigApp);
      const last = row(bigApp, 's5000');
      await expect(last.locator('.cell-number')).toHaveText('5000');
      const field = last.getByTestId('translation-input');
      await field.fill('The very last line.');
      await field.blur();
      const saved = await saveAndRead(bigApp, bigFile, (segs) => segs.at(-1)?.translation === 'The very last line.');
      expect(saved).toHaveLength(5000);
    },
  );

  bigTest('a row scrolled out and back shows the store’s text, also after an IME composition', async ({ bigApp }) => {
    const field = row(bigApp, 's3').getByTestId('source-input');
    await field.click();
    await field.press('End');
    await compose(bigApp, ['ce', 'ceshi'], '测试');
    const value = await field.inputValue();
    expect(value.endsWith('测试')).toBe(true);
    // Blur, so the row is no longer kept rendered for the focus, then scroll far away and back.
    await field.blur();
    const scroller = await scrollToEnd(bigApp);
    await expect(row(bigApp, 's3')).toHaveCount(0);
    await scroller.evaluate((el) => el.scrollTo({ top: 0 }));
    await expect(row(bigApp, 's3').getByTestId('source-input')).toHaveValue(value);
  });

  bigTest(
    'splits, merges, deletes and replaces all in the middle of the talk, each undoable',
    async ({ bigApp, bigFile }) => {
      const original = stored(bigFile);
      const s2500 = original[2499] as StoredSegment;
      expect(s2500.source.startsWith('过去一年里，')).toBe(true);
      const scroller = bigApp.getByTestId('grid-scroll');
      await expect
        .poll(async () => {
          await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight * 0.4999 }));
          return row(bigApp, 's2500').count();
        })
        .toBe(1);
      const field = row(bigApp, 's2500').getByTestId('source-input');

      // Split at the cursor after 过去一年里, then merge back with Alt+M: no space added between CJK.
      await field.click();
      await field.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(5, 5));
      await bigApp.keyboard.press('Control+Enter');
      await expect(field).toHaveValue('过去一年里');
      let saved = await saveAndRead(bigApp, bigFile, (segs) => segs.length === 5001);
      expect(saved[2500]?.source).toBe(s2500.source.slice(5));
      expect([saved[2499]?.start, saved[2500]?.end]).toEqual([s2500.start, s2500.end]);
      await field.click();
      await bigApp.keyboard.press('Alt+m');
      await expect(field).toHaveValue(s2500.source);

      // Delete the next segment and undo it.
      const next = row(bigApp, 's2501').getByTestId('source-input');
      await next.click();
      await bigApp.keyboard.press('Control+Shift+k');
      await expect(row(bigApp, 's2501')).toHaveCount(0);
      await bigApp.keyboard.press('Control+z');
      await expect(row(bigApp, 's2501')).toHaveCount(1);

      // Replace all over the 5,000 segments is one step too.
      await bigApp.keyboard.press('Control+h');
      await bigApp.getByTestId('find-input').fill('智源大会');
      await bigApp.getByTestId('replace-input').fill('北京智源大会');
      await bigApp.getByTestId('replace-all').click();
      saved = await saveAndRead(bigApp, bigFile, (segs) => segs[1]?.source.includes('北京智源大会') === true);
      expect(saved.filter((seg) => seg.source.includes('北京智源大会')).length).toBeGreaterThan(300);
      await bigApp.keyboard.press('Control+z');
      saved = await saveAndRead(bigApp, bigFile, (segs) => segs[1]?.source === original[1]?.source);
      expect(saved.map((seg) => [seg.id, seg.start, seg.end, seg.source])).toEqual(
        original.map((seg) => [seg.id, seg.start, seg.end, seg.source]),
      );
    },
  );

  bigTest('selects and retimes a segment far down the list', async ({ bigApp, bigFile }) => {
    const original = stored(bigFile)[4989] as StoredSegment;
    await scrollToEnd(bigApp);
    const r = row(bigApp, 's4990');
    await r.locator('.cell-number').click();
    await expect(r).toHaveAttribute('aria-selected', 'true');
    const start = r.getByTestId('start-input');
    await start.focus();
    await start.press('Alt+ArrowDown');
    const saved = await saveAndRead(bigApp, bigFile, (segs) => segs[4989]?.start === original.start - 100);
    expect(saved[4989]?.end).toBe(original.end);
  });
});
