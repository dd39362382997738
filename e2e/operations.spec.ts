import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT } from './web-host';

interface StoredSegment {
  id: string;
  start: number | null;
  end: number | null;
  source: string;
  translation: string;
}

const stored = (workDir: string): StoredSegment[] =>
  JSON.parse(readFileSync(join(workDir, SAMPLE_PROJECT), 'utf8')).segments as StoredSegment[];

const rows = (app: Page) => app.getByTestId('segment-row');
const row = (app: Page, id: string) => app.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`);
const source = (app: Page, id: string) => row(app, id).getByTestId('source-input');
const translation = (app: Page, id: string) => row(app, id).getByTestId('translation-input');

/** Save with Ctrl+S and wait until the file on disk passes `check`. */
async function saveAndRead(app: Page, workDir: string, check: (segments: StoredSegment[]) => boolean) {
  await app.keyboard.press('Control+s');
  await expect.poll(() => check(stored(workDir))).toBe(true);
  return stored(workDir);
}

/** Put the text cursor at `offset` in a field. */
async function cursorAt(app: Page, id: string, side: 'source' | 'translation', offset: number) {
  const field = row(app, id).getByTestId(`${side}-input`);
  await field.click();
  await field.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), offset);
}

test('splits a segment at the text cursor with Ctrl+Enter: texts and times on disk', async ({ app, host }) => {
  const before = stored(host.workDir).find((s) => s.id === 's6');
  if (!before || before.start === null || before.end === null) throw new Error('sample s6 is not timed');
  await cursorAt(app, 's6', 'source', 4);
  await app.keyboard.press('Control+Enter');
  await expect(rows(app)).toHaveCount(31);
  await expect(source(app, 's6')).toHaveValue('再次欢迎');
  const second = rows(app).nth(6);
  await expect(second.getByTestId('source-input')).toHaveValue('大家来参加今天的志愿大会');
  // The text cursor moves to the start of the new segment, so Ctrl+Enter again keeps splitting.
  await expect(second.getByTestId('source-input')).toBeFocused();

  const saved = await saveAndRead(app, host.workDir, (s) => s.length === 31);
  const [a, b] = [saved[5], saved[6]];
  expect(a?.id).toBe('s6');
  expect(b?.id).not.toBe('s6');
  const mid = before.start + Math.round(((before.end - before.start) * 4) / before.source.length);
  expect([a?.start, a?.end, b?.start, b?.end]).toEqual([before.start, mid, mid, before.end]);
  expect([a?.source, b?.source]).toEqual(['再次欢迎', '大家来参加今天的志愿大会']);
  // The translation is cut at a word boundary, nothing lost or added.
  expect(`${a?.translation} ${b?.translation}`).toBe(before.translation);
  expect(a?.translation).not.toBe('');
});

test('merges with the next segment (Alt+M) and by a Shift+click selection', async ({ app, host }) => {
  await source(app, 's2').click();
  await app.keyboard.press('Alt+m');
  await expect(rows(app)).toHaveCount(29);
  await expect(source(app, 's2')).toHaveValue('各位来宾各位专家');
  await expect(translation(app, 's2')).toHaveValue('honored guests, experts');

  // Select s4 and s5 with the mouse (number cells), then merge the selection.
  await row(app, 's4').locator('.cell-number').click();
  await row(app, 's5')
    .locator('.cell-number')
    .click({ modifiers: ['Shift'] });
  await app.keyboard.press('Alt+m');
  await expect(rows(app)).toHaveCount(28);
  await expect(source(app, 's4')).toHaveValue('各位朋友大家上午好');

  const saved = await saveAndRead(app, host.workDir, (s) => s.length === 28);
  const s2 = saved.find((s) => s.id === 's2');
  expect([s2?.start, s2?.end]).toEqual([3804, 7604]);
  expect(saved.find((s) => s.id === 's4')?.translation).toBe('and friends, good morning, everyone.');
  expect(saved.some((s) => s.id === 's3' || s.id === 's5')).toBe(false);
});

test('deletes a segment and undo brings it back; redo deletes it again', async ({ app, host }) => {
  await source(app, 's3').click();
  await app.keyboard.press('Control+Shift+k');
  await expect(rows(app)).toHaveCount(29);
  await expect(row(app, 's3')).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(rows(app)).toHaveCount(30);
  await expect(source(app, 's3')).toHaveValue('各位专家');
  await app.getByTestId('redo').click();
  await expect(row(app, 's3')).toHaveCount(0);
  await app.getByTestId('undo').click();
  await expect(row(app, 's3')).toHaveCount(1);
  // Undone back to the state on disk: the document is clean again.
  await expect.poll(() => app.title()).not.toContain('●');
  const saved = await saveAndRead(app, host.workDir, (s) => s.length === 30);
  expect(saved.find((s) => s.id === 's3')?.source).toBe('各位专家');
});

test('Ctrl+Z after typing restores the old text in one step, in the field being typed in', async ({ app }) => {
  const field = source(app, 's2');
  await field.click();
  await field.press('End');
  await app.keyboard.type('，欢迎你们');
  await expect(field).toHaveValue('各位来宾，欢迎你们');
  await app.keyboard.press('Control+z');
  await expect(field).toHaveValue('各位来宾');
  await expect(field).toBeFocused();
  await app.keyboard.press('Control+Shift+z');
  await expect(field).toHaveValue('各位来宾，欢迎你们');
  // Leaving the field ends the step: the next typing is undone on its own.
  await translation(app, 's2').click();
  await field.click();
  await field.press('End');
  await app.keyboard.type('！');
  await app.keyboard.press('Control+z');
  await expect(field).toHaveValue('各位来宾，欢迎你们');
});

test('shifts all segments by an offset from the toolbar dialog', async ({ app, host }) => {
  const before = stored(host.workDir);
  await app.getByTestId('shift-times').click();
  await app.getByTestId('shift-input').fill('1000');
  await app.getByTestId('shift-scope-all').check();
  await app.getByTestId('shift-apply').click();
  const saved = await saveAndRead(app, host.workDir, (s) => s[0]?.start === (before[0]?.start ?? 0) + 1000);
  for (const [i, seg] of saved.entries()) {
    expect(seg.start).toBe((before[i]?.start ?? 0) + 1000);
    expect(seg.end).toBe((before[i]?.end ?? 0) + 1000);
  }
});

test('retimes from the keyboard: nudges and inserts, each one undo step', async ({ app, host }) => {
  await source(app, 's1').click();
  await app.keyboard.press('Alt+Shift+1'); // start −100 ms
  await app.keyboard.press('Alt+4'); // end +10 ms
  await app.keyboard.press('Alt+Enter'); // insert after s1
  await expect(rows(app)).toHaveCount(31);
  // The new segment's source field has the cursor: type its text.
  await app.keyboard.type('新的一句');
  await expect(rows(app).nth(1).getByTestId('source-input')).toHaveValue('新的一句');
  const saved = await saveAndRead(app, host.workDir, (s) => s.length === 31);
  expect([saved[0]?.start, saved[0]?.end]).toEqual([400, 3464]);
  expect(saved[1]?.source).toBe('新的一句');
  // The new one sits in the gap after s1 (it ends where s2 starts).
  expect([saved[1]?.start, saved[1]?.end]).toEqual([3464, 3804]);
});

test('find and replace: replace all is one undo step', async ({ app }) => {
  await app.keyboard.press('Control+h');
  await expect(app.getByTestId('find-bar')).toBeVisible();
  await app.getByTestId('find-input').fill('各位');
  await expect(app.getByTestId('find-count')).toContainText('4');
  await app.getByTestId('replace-input').fill('诸位');
  await app.getByTestId('replace-all').click();
  await expect(source(app, 's2')).toHaveValue('诸位来宾');
  await expect(source(app, 's4')).toHaveValue('诸位朋友');
  await app.keyboard.press('Control+z');
  await expect(source(app, 's2')).toHaveValue('各位来宾');
  await expect(source(app, 's3')).toHaveValue('各位专家');
  await expect(source(app, 's4')).toHaveValue('各位朋友');
});
