import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/ipc/contract';
import { createProject } from '../../shared/model/project';
import { serializeProjectFile } from '../../shared/model/project-file';
import { locateFfmpeg } from './ffmpeg';
import type { HostDeps } from './handlers';
import { createSettingsStore } from './settings';
import { makeTestHost, rejection } from './testing/host';

const run = promisify(execFile);
let dir: string;
let tone: string;

const BILINGUAL_SRT =
  '1\n00:00:01,000 --> 00:00:02,500\n你好，世界\nHello, world\n\n2\n00:00:03,000 --> 00:00:04,000\n第二句\nSecond line\n';

const makeHost = (over: Partial<HostDeps> = {}) => makeTestHost(dir, over);

/** A project file in `folder` whose media is stored relative to it. */
async function writeProject(folder: string, mediaRelative: string | null): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  const file = join(folder, 'episode.zimu');
  const project = createProject({
    title: 'Episode',
    media: mediaRelative ? { path: mediaRelative } : null,
    segments: [{ start: 0, end: 1000, source: '你好', translation: 'Hi' }],
  });
  await fs.writeFile(file, serializeProjectFile(project));
  return file;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'zimu-handlers-'));
  await fs.mkdir(join(dir, 'media'));
  tone = join(dir, 'media', 'tone.opus');
  const ffmpeg = locateFfmpeg().ffmpeg;
  await run(ffmpeg, ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=3', '-c:a', 'libopus', tone]);
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('createHandlers', () => {
  it('app.info describes the host', async () => {
    const info = await makeHost().handlers['app.info']({});
    expect(contract['app.info'].result.parse(info)).toEqual({
      name: 'Zimu',
      version: '1.2.3',
      host: 'web',
      platform: process.platform,
      locale: 'zh-CN',
    });
  });

  it('project.open on a .zimu opens its media under a registered id and records it as recent', async () => {
    const { handlers, deps } = makeHost();
    const file = await writeProject(join(dir, 'proj'), '../media/tone.opus');
    const doc = contract['project.open'].result.parse(await handlers['project.open']({ path: file }));
    expect(doc).toMatchObject({ path: file, sourcePath: file, format: 'zimu', warnings: [] });
    expect(doc.project.media?.path).toBe(tone);
    expect(doc.project.segments[0]).toMatchObject({ source: '你好', translation: 'Hi' });
    const media = doc.media;
    expect(media).not.toBeNull();
    expect(media?.url).toBe(deps.mediaUrl(media?.id ?? ''));
    expect(media?.path).toBe(tone);
    expect(Math.abs((media?.durationMs ?? 0) - 3000)).toBeLessThan(50);
    expect(media?.audioTracks).toHaveLength(1);
    expect(deps.media.pathOf(media?.id ?? '')).toBe(tone);
    expect((await deps.settings.get()).recentFiles).toEqual([file]);
  });

  it('project.open still opens a project whose media is missing, with a warning', async () => {
    const { handlers } = makeHost();
    const file = await writeProject(join(dir, 'orphan'), 'gone/missing.mp4');
    const doc = await handlers['project.open']({ path: file });
    expect(doc.media).toBeNull();
    expect(doc.project.media?.path).toBe(join(dir, 'orphan', 'gone', 'missing.mp4'));
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]?.message).toContain('missing.mp4');
  });

  it('project.open imports a bilingual SRT as an untitled-path document', async () => {
    const { handlers } = makeHost();
    const srt = join(dir, '第一集.srt');
    await fs.writeFile(srt, BILINGUAL_SRT);
    const doc = contract['project.open'].result.parse(await handlers['project.open']({ path: srt }));
    expect(doc).toMatchObject({ path: null, sourcePath: srt, format: 'srt', media: null });
    expect(doc.project.title).toBe('第一集');
    expect(doc.project.segments.map((s) => [s.start, s.end, s.source, s.translation])).toEqual([
      [1000, 2500, '你好，世界', 'Hello, world'],
      [3000, 4000, '第二句', 'Second line'],
    ]);
  });

  it('project.open refuses unknown formats and reports parse errors with file and line', async () => {
    const { handlers } = makeHost();
    const notes = join(dir, 'notes.json');
    await fs.writeFile(notes, '{"not": "captions"}');
    expect((await rejection(handlers['project.open']({ path: notes }))).toWire()).toMatchObject({
      code: 'parse-error',
      detail: { file: notes },
    });
    const broken = join(dir, 'broken.zimu');
    await fs.writeFile(broken, '{\n  "format": "zimu-project",\n  "version": 1\n  "title": ""\n}\n');
    const err = await rejection(handlers['project.open']({ path: broken }));
    expect(err.toWire()).toMatchObject({ code: 'parse-error', detail: { file: broken, line: 4 } });
  });

  it('project.initial opens the startup file, or says there is none', async () => {
    expect((await rejection(makeHost().handlers['project.initial']({}))).code).toBe('not-found');
    const srt = join(dir, 'startup.srt');
    await fs.writeFile(srt, BILINGUAL_SRT);
    const doc = await makeHost({ startupFile: srt }).handlers['project.initial']({});
    expect(doc.sourcePath).toBe(srt);
  });

  it('project.save writes a .zimu with a relative media path that opens again', async () => {
    const { handlers, deps } = makeHost();
    const project = createProject({
      title: 'Saved',
      media: { path: tone },
      segments: [{ start: 0, end: 1500, source: '保存', translation: 'Saved' }],
    });
    const out = join(dir, 'saved', 'saved.zimu');
    await fs.mkdir(join(dir, 'saved'));
    expect(await handlers['project.save']({ path: out, project })).toEqual({ path: out });
    expect(JSON.parse(await fs.readFile(out, 'utf8')).media.path).toBe('../media/tone.opus');
    expect((await deps.settings.get()).recentFiles[0]).toBe(out);
    const reopened = await handlers['project.open']({ path: out });
    expect(reopened.project).toEqual(project);
    expect(reopened.media?.path).toBe(tone);
  });

  it('project.export writes bilingual SRT, Chinese then English in one cue', async () => {
    const { handlers } = makeHost();
    const project = createProject({
      segments: [
        { start: 1000, end: 2500, source: '你好，世界', translation: 'Hello, world' },
        { source: '未定时', translation: 'Untimed' },
      ],
    });
    const out = join(dir, 'export.srt');
    const args = contract['project.export'].args.parse({ path: out, project, format: 'srt', layout: 'bilingual' });
    const r = await handlers['project.export'](args);
    expect(r).toMatchObject({ path: out, cues: 1 });
    expect(r.warnings).toHaveLength(1); // the untimed segment is left out, and said so
    expect(await fs.readFile(out, 'utf8')).toBe('1\n00:00:01,000 --> 00:00:02,500\n你好，世界\nHello, world\n');
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('dialogs are unsupported on a host without native dialogs', async () => {
    const { handlers } = makeHost();
    expect(await handlers['dialog.open']({ filter: 'document' })).toEqual({ supported: false, path: null });
    expect(await handlers['dialog.save']({ filter: 'subtitle-export', defaultPath: '/x.srt' })).toEqual({
      supported: false,
      path: null,
    });
  });

  it('settings.set persists for a new store on the same profile folder', async () => {
    const { handlers, profile } = makeHost();
    expect(await handlers['settings.get']({})).toEqual({ language: null, theme: 'system', recentFiles: [] });
    const saved = await handlers['settings.set']({ patch: { language: 'en', theme: 'dark' } });
    expect(saved).toEqual({ language: 'en', theme: 'dark', recentFiles: [] });
    const again = makeHost({ settings: createSettingsStore(profile) }).handlers;
    expect(await again['settings.get']({})).toEqual(saved);
  });

  it('opening and saving still work when recent files cannot be recorded', async () => {
    const blocker = join(dir, 'profile-blocker');
    await fs.writeFile(blocker, 'not a folder');
    const { handlers } = makeHost({ settings: createSettingsStore(join(blocker, 'Zimu')) });
    const srt = join(dir, 'no-profile.srt');
    await fs.writeFile(srt, BILINGUAL_SRT);
    expect((await handlers['project.open']({ path: srt })).project.segments).toHaveLength(2);
    const out = join(dir, 'no-profile.zimu');
    expect(await handlers['project.save']({ path: out, project: createProject() })).toEqual({ path: out });
    expect((await rejection(handlers['settings.set']({ patch: { theme: 'dark' } }))).code).toBe('io-error');
  });

  it('fs.list lists folders first and hides dot-files', async () => {
    const folder = join(dir, 'listing');
    await fs.mkdir(join(folder, 'sub'), { recursive: true });
    await fs.mkdir(join(folder, '.cache'));
    await fs.writeFile(join(folder, 'a.srt'), '');
    await fs.writeFile(join(folder, '.DS_Store'), '');
    const listing = await makeHost().handlers['fs.list']({ dir: folder });
    expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([
      ['sub', 'dir'],
      ['a.srt', 'file'],
    ]);
  });
});
