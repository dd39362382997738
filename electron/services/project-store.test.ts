import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZimuError } from '../../shared/ipc/errors';
import { createProject } from '../../shared/model/project';
import { serializeProjectFile } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { loadProjectFile, saveProjectFile } from './project-store';

let dir: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-store-'));
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function sample(mediaPath: string | null): Project {
  return createProject({
    title: '示例 Sample',
    media: mediaPath ? { path: mediaPath, title: 'Clip', bvid: 'BV1uh4y1w77v', part: 'p1' } : null,
    segments: [
      { start: 0, end: 1500, source: '大家好', translation: 'Hello everyone', speaker: 'A' },
      { start: 1500, end: 3000, source: '今天讲 "JSON" [数组]', translation: 'Today: "JSON" {arrays}' },
      { start: 3000, end: 4200, source: '第三句', translation: 'Third', note: 'check', flags: ['needs-review'] },
      { source: '未定时', translation: '' },
    ],
  });
}

async function loadError(path: string): Promise<ZimuError> {
  const err = await loadProjectFile(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZimuError);
  return err as ZimuError;
}

/** 1-based line of the first occurrence of `needle` at or after `from`. */
function lineOf(text: string, needle: string, from = 0): number {
  const at = text.indexOf(needle, from);
  expect(at).toBeGreaterThanOrEqual(0);
  return text.slice(0, at).split('\n').length;
}

describe('saveProjectFile / loadProjectFile', () => {
  it('round-trips a project; media is stored relative and comes back absolute', async () => {
    const projectDir = join(dir, 'round trip 项目');
    await fs.mkdir(join(projectDir, 'media'), { recursive: true });
    const mediaPath = join(projectDir, 'media', '视频 clip.mp4');
    const file = join(projectDir, 'p.zimu');
    const project = sample(mediaPath);

    await saveProjectFile(file, project);
    const stored = JSON.parse(await fs.readFile(file, 'utf8'));
    expect(stored.format).toBe('zimu-project');
    expect(stored.version).toBe(1);
    expect(stored.media.path).toBe('media/视频 clip.mp4');

    const loaded = await loadProjectFile(file);
    expect(loaded).toEqual(project);
    expect(loaded.media?.path).toBe(mediaPath);
  });

  it('stores media in a sibling folder as ../ and resolves it back', async () => {
    await fs.mkdir(join(dir, 'projects'), { recursive: true });
    const mediaPath = join(dir, 'footage', 'a.opus');
    const file = join(dir, 'projects', 'a.zimu');
    await saveProjectFile(file, sample(mediaPath));
    expect(JSON.parse(await fs.readFile(file, 'utf8')).media.path).toBe('../footage/a.opus');
    expect((await loadProjectFile(file)).media?.path).toBe(mediaPath);
  });

  it('round-trips a project without media and keeps an absolute stored path absolute', async () => {
    const file = join(dir, 'nomedia.zimu');
    await saveProjectFile(file, sample(null));
    expect((await loadProjectFile(file)).media).toBeNull();

    const abs = join(dir, 'abs.zimu');
    await fs.writeFile(abs, serializeProjectFile(sample('/elsewhere/clip.mp4')));
    expect((await loadProjectFile(abs)).media?.path).toBe('/elsewhere/clip.mp4');
  });

  it('loads a file written with a UTF-8 BOM', async () => {
    const file = join(dir, 'bom.zimu');
    await fs.writeFile(file, `\uFEFF${serializeProjectFile(sample(null))}`);
    expect((await loadProjectFile(file)).title).toBe('示例 Sample');
  });

  it('reports malformed JSON as parse-error with the file and the line', async () => {
    const good = serializeProjectFile(sample(null));
    // Drop the comma that ends the line before "nextId".
    const nextIdLine = lineOf(good, '"nextId"');
    const lines = good.split('\n');
    lines[nextIdLine - 2] = (lines[nextIdLine - 2] as string).replace(/,$/, '');
    const file = join(dir, 'broken.zimu');
    await fs.writeFile(file, lines.join('\n'));

    const err = await loadError(file);
    expect(err.code).toBe('parse-error');
    expect(err.message).toMatch(/not valid JSON/);
    expect(err.detail?.file).toBe(file);
    // V8 points at the token after the missing comma.
    expect(err.detail?.line).toBe(nextIdLine);
  });

  it('reports a schema violation in segment 3 at that segment, with the field path', async () => {
    const text = serializeProjectFile(sample(null)).replace('"end": 4200', '"end": 2000');
    const file = join(dir, 'bad-timing.zimu');
    await fs.writeFile(file, text);

    const err = await loadError(file);
    expect(err.code).toBe('parse-error');
    expect(err.message).toContain('segments.2');
    expect(err.message).toContain('end is before start');
    expect(err.detail?.file).toBe(file);
    // The line that opens the third segment's object (the one before its "id").
    expect(err.detail?.line).toBe(lineOf(text, '"id": "s3"') - 1);
  });

  it('refuses a JSON file that is not a project', async () => {
    const file = join(dir, 'other.zimu');
    await fs.writeFile(file, '{\n  "format": "something-else",\n  "version": 1\n}\n');
    const err = await loadError(file);
    expect(err.code).toBe('parse-error');
    expect(err.detail?.file).toBe(file);
  });

  it('reports a missing project file as not-found and a binary one as unreadable', async () => {
    expect((await loadError(join(dir, 'nope.zimu'))).code).toBe('not-found');
    const bin = join(dir, 'bin.zimu');
    await fs.writeFile(bin, Buffer.from([0x7b, 0x00, 0x01, 0x7d]));
    expect((await loadError(bin)).code).toBe('unreadable');
  });
});
