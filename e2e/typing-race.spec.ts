import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';

// A fast typist on a slow machine: keys typed right after Insert or Split must all land in the new
// segment's field. The app moves the focus there within the command itself, so nothing depends on
// when the next frame comes. The CPU is throttled (Chromium's DevTools emulation) to make frames late.

const rows = (app: Page) => app.getByTestId('segment-row');
const row = (app: Page, id: string) => app.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`);
const source = (app: Page, id: string) => row(app, id).getByTestId('source-input');

/** Letters, digits and spaces: a space that missed the field would also start playback. */
const TYPED = 'quick brown fox 42 jumps';

const paused = (app: Page) =>
  app.evaluate(() => [...document.querySelectorAll('audio, video')].every((m) => (m as HTMLMediaElement).paused));

/** CDP key events for one press of `key` (with `text` when it types), modifiers as a bit mask. */
function keyEvents(key: string, code: string, text: string, modifiers = 0): Record<string, unknown>[] {
  const common = { key, code, modifiers, windowsVirtualKeyCode: virtualKey(key) };
  return [
    { type: text ? 'keyDown' : 'rawKeyDown', ...common, ...(text ? { text, unmodifiedText: text } : {}) },
    { type: 'keyUp', ...common },
  ];
}

function virtualKey(key: string): number {
  if (key === 'Enter') return 13;
  if (key === ' ') return 32;
  return key.toUpperCase().charCodeAt(0);
}

const ALT = 1;
const CTRL = 2;
const SHIFT = 8;

/**
 * Press a chord and type `text` as one burst: every event is sent before any has been handled, as
 * keys queue up while a slow machine is busy. Resolves when all were delivered.
 */
async function burst(cdp: CDPSession, chord: { key: string; code: string; modifiers: number }, text: string) {
  const events = [
    ...keyEvents(chord.key, chord.code, '', chord.modifiers),
    ...[...text].flatMap((ch) =>
      keyEvents(ch, ch === ' ' ? 'Space' : /\d/.test(ch) ? `Digit${ch}` : `Key${ch.toUpperCase()}`, ch),
    ),
  ];
  await Promise.all(events.map((event) => cdp.send('Input.dispatchKeyEvent', event as never)));
}

async function throttle(app: Page, rate: number): Promise<CDPSession> {
  const cdp = await app.context().newCDPSession(app);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

/** Click into s6's source field with the cursor at `offset`. */
async function cursorInS6(app: Page, offset: number): Promise<void> {
  const field = source(app, 's6');
  await field.click();
  await field.evaluate((el: HTMLTextAreaElement, at) => el.setSelectionRange(at, at), offset);
  await expect(field).toBeFocused();
}

const ENTER = { key: 'Enter', code: 'Enter' };

for (const { name, modifiers, newIndex } of [
  { name: 'Insert after (Alt+Enter)', modifiers: ALT, newIndex: 6 },
  { name: 'Insert before (Alt+Shift+Enter)', modifiers: ALT | SHIFT, newIndex: 5 },
]) {
  test(`every key typed right after ${name} lands in the new segment, under CPU throttling`, async ({ app }) => {
    const before = await source(app, 's6').inputValue();
    await cursorInS6(app, 2);
    const cdp = await throttle(app, 6);
    await burst(cdp, { ...ENTER, modifiers }, TYPED);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

    await expect(rows(app)).toHaveCount(31);
    const created = rows(app).nth(newIndex).getByTestId('source-input');
    await expect(created).toHaveValue(TYPED);
    await expect(created).toBeFocused();
    await expect(source(app, 's6')).toHaveValue(before);
    // A stray space outside the field would have started playback.
    expect(await paused(app)).toBe(true);
  });
}

test('every key typed right after Split (Ctrl+Enter) lands at the start of the new segment, under CPU throttling', async ({
  app,
}) => {
  await cursorInS6(app, 4);
  const cdp = await throttle(app, 6);
  await burst(cdp, { ...ENTER, modifiers: CTRL }, TYPED);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });

  await expect(rows(app)).toHaveCount(31);
  await expect(source(app, 's6')).toHaveValue('再次欢迎');
  const second = rows(app).nth(6).getByTestId('source-input');
  await expect(second).toHaveValue(`${TYPED}大家来参加今天的志愿大会`);
  await expect(second).toBeFocused();
  expect(await paused(app)).toBe(true);
});
