import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { expect, test } from './fixtures';
import { SAMPLE_PROJECT } from './web-host';

/** Three bilingual cues: Chinese on the first line, English on the second. */
const CUES = [
  {
    from: 1,
    to: 2.5,
    srt: '00:00:01,000 --> 00:00:02,500',
    zh: '欢迎来到智源大会',
    en: 'Welcome to the BAAI Conference',
  },
  {
    from: 3,
    to: 4.2,
    srt: '00:00:03,000 --> 00:00:04,200',
    zh: '今天我们讨论具身智能',
    en: 'Today we discuss embodied AI',
  },
  { from: 5, to: 7, srt: '00:00:05,000 --> 00:00:07,000', zh: '谢谢各位来宾', en: 'Thank you, dear guests' },
] as const;

/** A GBK-encoded bilingual SRT with CRLF line endings, as Chinese Windows tools write it. */
function writeGbkSrt(dir: string, name = 'talk-gbk.srt'): string {
  const text = CUES.map((c, i) => `${i + 1}\r\n${c.srt}\r\n${c.zh}\r\n${c.en}\r\n`).join('\r\n');
  const file = join(dir, name);
  writeFileSync(file, iconv.encode(text, 'gbk'));
  return file;
}

/** Ctrl+O, type the path into the in-app picker's path field, Enter. */
async function openThroughPicker(app: Page, file: string): Promise<void> {
  await app.keyboard.press('Control+o');
  const picker = app.getByRole('dialog', { name: 'Open a file' });
  await expect(picker).toBeVisible();
  const pathField = picker.getByRole('textbox', { name: 'Path' });
  // The picker fills this field with its folder once the first listing arrives: type after that.
  await expect(pathField).not.toHaveValue('');
  await pathField.fill(file);
  await pathField.press('Enter');
  await expect(picker).toBeHidden();
}

const rows = (app: Page) => app.getByTestId('segment-row');
const sourceOf = (app: Page, i: number) => rows(app).nth(i).getByTestId('source-input');
const translationOf = (app: Page, i: number) => rows(app).nth(i).getByTestId('translation-input');

/** Open the export dialog with Ctrl+E and wait for its dry run to have answered. */
async function openExportDialog(app: Page): Promise<Locator> {
  // Focus on the page, not in a field, so the shortcut reaches the app.
  await app.locator('body').click({ position: { x: 2, y: 2 } });
  await app.keyboard.press('Control+e');
  const dialog = app.getByRole('dialog', { name: 'Export captions' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The export dialog with these options chosen, once its dry run of them has answered. */
async function exportDialogWith(
  app: Page,
  options: { format: RegExp; layout?: string; encoding?: string },
): Promise<Locator> {
  const dialog = await openExportDialog(app);
  await dialog.getByRole('radio', { name: options.format }).check();
  if (options.layout) await dialog.getByLabel('Text', { exact: true }).selectOption(options.layout);
  if (options.encoding) await dialog.getByLabel('Encoding', { exact: true }).selectOption(options.encoding);
  await expect(dialog.locator('.export-check')).toHaveAttribute('aria-busy', 'false');
  return dialog;
}

/** The in-app save picker: accept the suggested name, in the folder it starts in. */
async function acceptSuggestedName(app: Page, expectedName: string): Promise<void> {
  const picker = app.getByRole('dialog', { name: 'Export captions to' });
  await expect(picker).toBeVisible();
  await expect(picker.getByLabel('File name')).toHaveValue(expectedName);
  const confirm = picker.getByRole('button', { name: 'Export', exact: true });
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(picker).toBeHidden();
}

test('opens a GBK subtitle file, shows its encoding and exports bilingual WebVTT and Bilibili BCC', async ({
  app,
  host,
}) => {
  const file = writeGbkSrt(host.workDir);
  await openThroughPicker(app, file);

  await expect(rows(app)).toHaveCount(3);
  for (const [i, cue] of CUES.entries()) {
    await expect(sourceOf(app, i)).toHaveValue(cue.zh);
    await expect(translationOf(app, i)).toHaveValue(cue.en);
  }
  await expect(app.getByTestId('encoding-button')).toHaveText('GB18030');

  // Bilingual WebVTT: each cue's Chinese line, then its English line, in one cue.
  const vtt = await exportDialogWith(app, { format: /WebVTT/, layout: 'bilingual' });
  await vtt.getByRole('button', { name: 'Choose file…' }).click();
  await acceptSuggestedName(app, 'talk-gbk.vtt');
  await expect(app.getByTestId('status-info')).toHaveText('Exported 3 cues to talk-gbk.vtt');
  const vttText = readFileSync(join(host.workDir, 'talk-gbk.vtt'), 'utf8');
  expect(vttText.startsWith('WEBVTT')).toBe(true);
  for (const cue of CUES) {
    const timing = cue.srt.replaceAll(',', '.');
    expect(vttText).toContain(`${timing}\n${cue.zh}\n${cue.en}\n`);
  }
  expect(vttText.match(/-->/g)).toHaveLength(3);

  // Bilibili BCC: seconds, location 2, both languages in one content.
  const bcc = await exportDialogWith(app, { format: /Bilibili BCC/, layout: 'bilingual' });
  await bcc.getByRole('button', { name: 'Choose file…' }).click();
  await acceptSuggestedName(app, 'talk-gbk.bcc');
  await expect(app.getByTestId('status-info')).toHaveText('Exported 3 cues to talk-gbk.bcc');
  const json = JSON.parse(readFileSync(join(host.workDir, 'talk-gbk.bcc'), 'utf8')) as {
    body: { from: number; to: number; location: number; content: string }[];
  };
  expect(json.body).toHaveLength(3);
  for (const [i, cue] of CUES.entries()) {
    expect(json.body[i]).toMatchObject({ from: cue.from, to: cue.to, location: 2, content: `${cue.zh}\n${cue.en}` });
  }
});

test('lists the characters an encoding cannot write and exports anyway only when confirmed', async ({ app, host }) => {
  const field = app.locator('[data-testid="segment-row"][data-segment-id="s1"]').getByTestId('source-input');
  await field.fill('尊敬的各位领导😀');
  await field.blur();

  const dialog = await exportDialogWith(app, { format: /SubRip SRT/, layout: 'source', encoding: 'gbk' });
  // The dialog's dry run already says what GBK would lose.
  const preview = dialog.getByTestId('export-unencodable');
  await expect(preview).toContainText('GBK cannot write:');
  await expect(preview.getByRole('listitem')).toHaveText(['😀']);
  await dialog.getByRole('button', { name: 'Choose file…' }).click();

  // Before any path is asked: confirm the loss.
  const confirm = app.getByRole('dialog', { name: 'Some characters cannot be written' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('GBK cannot write 1 character of this document:');
  await expect(confirm.getByTestId('lossy-characters').getByRole('listitem')).toHaveText(['😀']);
  await confirm.getByRole('button', { name: 'Export anyway (characters become ?)' }).click();

  const name = SAMPLE_PROJECT.replace(/\.zimu$/, '.srt');
  await acceptSuggestedName(app, name);
  await expect(app.getByTestId('status-info')).toContainText(`to ${name}`);
  const written = join(host.workDir, name);
  expect(existsSync(written)).toBe(true);
  const text = iconv.decode(readFileSync(written), 'gbk');
  expect(text).toContain('尊敬的各位领导?\n');
  expect(text).not.toContain('😀');
});

test('going back from the lossy question to change the encoding keeps every character', async ({ app, host }) => {
  const field = app.locator('[data-testid="segment-row"][data-segment-id="s1"]').getByTestId('source-input');
  await field.fill('尊敬的各位领导😀');
  await field.blur();

  const dialog = await exportDialogWith(app, { format: /SubRip SRT/, layout: 'source', encoding: 'gbk' });
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  const confirm = app.getByRole('dialog', { name: 'Some characters cannot be written' });
  await confirm.getByRole('button', { name: 'Change encoding' }).click();

  // The options come back as they were; GB18030 writes everything.
  const again = app.getByRole('dialog', { name: 'Export captions' });
  await expect(again.getByLabel('Encoding', { exact: true })).toHaveValue('gbk');
  await again.getByLabel('Encoding', { exact: true }).selectOption('gb18030');
  await expect(again.getByTestId('export-unencodable')).toHaveCount(0);
  await again.getByRole('button', { name: 'Choose file…' }).click();
  const name = SAMPLE_PROJECT.replace(/\.zimu$/, '.srt');
  await acceptSuggestedName(app, name);
  await expect(app.getByTestId('status-info')).toContainText(`to ${name}`);
  const text = iconv.decode(readFileSync(join(host.workDir, name)), 'gb18030');
  expect(text).toContain('尊敬的各位领导😀\n');
});

test('reopens a file with another encoding, asking before unsaved edits are lost', async ({ app, host }) => {
  const file = writeGbkSrt(host.workDir);
  await openThroughPicker(app, file);
  await expect(sourceOf(app, 0)).toHaveValue(CUES[0].zh);
  const encoding = app.getByTestId('encoding-button');
  await expect(encoding).toHaveText('GB18030');

  // GBK bytes read as Big5: the Chinese turns into mojibake, the English stays.
  await encoding.click();
  const menu = app.getByRole('menu', { name: 'Reopen with encoding…' });
  await expect(menu.getByRole('menuitemradio', { name: /GB18030/ })).toHaveAttribute('aria-checked', 'true');
  await menu.getByRole('menuitemradio', { name: 'Big5' }).click();
  await expect(encoding).toHaveText('Big5');
  await expect(sourceOf(app, 0)).not.toHaveValue(CUES[0].zh);
  await expect(sourceOf(app, 0)).not.toHaveValue('');
  await expect(app.getByTestId('status-info')).toContainText('as Big5');

  // An edit, then back to GB18030: the discard question comes first.
  await translationOf(app, 2).fill('Thanks, everyone');
  await translationOf(app, 2).blur();
  await encoding.click();
  await menu.getByRole('menuitemradio', { name: 'GB18030' }).click();
  const discard = app.getByRole('dialog', { name: 'Unsaved changes' });
  await expect(discard).toContainText('read the file again with another encoding');
  await discard.getByRole('button', { name: 'Discard changes' }).click();
  await expect(encoding).toHaveText('GB18030');
  for (const [i, cue] of CUES.entries()) {
    await expect(sourceOf(app, i)).toHaveValue(cue.zh);
    await expect(translationOf(app, i)).toHaveValue(cue.en);
  }
});

test('shows the problems found while reading a file', async ({ app, host }) => {
  const file = join(host.workDir, 'broken.srt');
  writeFileSync(
    file,
    '1\n00:00:01,000 --> 00:00:02,000\n第一句\nFirst\n\n2\n00:00:03,000 -> 00:00:04,000\n第二句\nSecond\n\n3\n00:00:05,000 --> 00:00:06,000\n第三句\nThird\n',
  );
  await openThroughPicker(app, file);
  await expect(rows(app)).toHaveCount(3);
  await expect(app.getByTestId('status-info')).toHaveText('Opened broken.srt with 1 warning — see the status bar');
  const button = app.getByTestId('warnings-button');
  await expect(button).toHaveText('1 warning');
  await button.click();
  const panel = app.getByTestId('warnings-panel');
  await expect(panel).toContainText('line 7');
  await expect(panel).toContainText('malformed arrow');
  await app.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
});

test('imports a second file as the translation track', async ({ app, host }) => {
  const project = JSON.parse(readFileSync(join(host.workDir, SAMPLE_PROJECT), 'utf8')) as {
    segments: { id: string; start: number; end: number; translation: string }[];
  };
  const [s11, s12] = [project.segments[10], project.segments[11]];
  if (!s11 || !s12) throw new Error('the sample has fewer segments than expected');
  expect(s11.translation).toBe('');
  const ts = (ms: number) => new Date(ms).toISOString().slice(11, 23).replace('.', ',');
  writeFileSync(
    join(host.workDir, 'english.srt'),
    [
      `1\n${ts(s11.start)} --> ${ts(s11.end)}\nBAAI was founded in November 2018\n`,
      `2\n${ts(s12.start)} --> ${ts(s12.end)}\nas a new kind of AI research institute.\n`,
      '3\n02:00:00,000 --> 02:00:02,000\nThis cue matches nothing.\n',
    ].join('\n'),
  );
  await app.getByRole('button', { name: 'Import translation…' }).click();
  const picker = app.getByRole('dialog', { name: 'Import a translation track' });
  const pathField = picker.getByRole('textbox', { name: 'Path' });
  // The picker fills this field with its folder once the first listing arrives: type after that.
  await expect(pathField).not.toHaveValue('');
  await pathField.fill(join(host.workDir, 'english.srt'));
  await pathField.press('Enter');
  await expect(picker).toBeHidden();
  await expect(app.getByTestId('status-info')).toHaveText('2 segments got a translation, 1 cue matched nothing');
  const row = (id: string) => app.locator(`[data-testid="segment-row"][data-segment-id="${id}"]`);
  await expect(row(s11.id).getByTestId('translation-input')).toHaveValue('BAAI was founded in November 2018');
  await expect(row(s12.id).getByTestId('translation-input')).toHaveValue('as a new kind of AI research institute.');
  await expect(app.getByText('Unsaved changes', { exact: true })).toBeVisible();
});
