import { expect, test } from './fixtures';

test('closing with unsaved edits asks first; with none it closes at once', async ({ app }) => {
  const asked: string[] = [];
  app.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss(); // stay on the page
  });
  const field = app.locator('[data-testid="segment-row"][data-segment-id="s6"]').getByTestId('source-input');
  await field.fill('再次欢迎大家来参加今天的智源大会');
  await field.blur();
  await app.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  // Dismissed: the page and the edit are still there.
  expect(app.isClosed()).toBe(false);
  await expect(field).toHaveValue('再次欢迎大家来参加今天的智源大会');

  await app.keyboard.press('Control+s');
  await expect(app.getByText('Unsaved changes')).toHaveCount(0);
  await app.close({ runBeforeUnload: true });
  await expect.poll(() => app.isClosed()).toBe(true);
  expect(asked).toEqual(['beforeunload']);
});
