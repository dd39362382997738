import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../shared/ipc/messages';
import { parseProjectFile } from '../../shared/model/project-file';
import type { Project } from '../../shared/model/types';
import { locateFfmpeg } from '../services/ffmpeg';
import { SAMPLE_PROJECT } from '../services/sample';

// The built-in sample, as written by scripts/make-sample.mjs. Uses only files in this folder.
const dir = import.meta.dirname;
const seedText = readFileSync(join(dir, 'seed-transcript.txt'), 'utf8');
const projectText = readFileSync(join(dir, SAMPLE_PROJECT), 'utf8');
const timings = JSON.parse(readFileSync(join(dir, 'timings.json'), 'utf8')) as {
  gapMs: number;
  leadInMs: number;
  phrases: { text: string; start: number; end: number }[];
};

/** Same rule as the script: paragraphs after the title line, split on `，`, whitespace trimmed. */
function seedPhrases(text: string): string[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .join('\n')
    .split(/\n\s*\n/)
    .flatMap((paragraph) => paragraph.split('，'))
    .map((phrase) => phrase.trim())
    .filter((phrase) => phrase !== '');
}

function loadProject(): Project {
  const parsed = parseProjectFile(projectText);
  if (!parsed.ok) throw new Error(`sample project does not parse: ${englishMessage(parsed.problem.message)}`);
  return parsed.project;
}

function audioPath(project: Project): string {
  if (!project.media) throw new Error('sample project has no media');
  return join(dir, project.media.path);
}

describe('built-in sample project', () => {
  it('parses as a project file with its media next to it', () => {
    const parsed = parseProjectFile(projectText);
    expect(parsed.ok).toBe(true);
    const project = loadProject();
    expect(project.title).toBe('2024北京智源大会 · 智源进展报告：王仲远 (BV1uH4y1w77V)');
    expect(project.languages).toEqual({ source: 'zh-CN', translation: 'en' });
    expect(project.media).toMatchObject({ path: 'bv1uh4y1w77v-p1.opus', bvid: 'BV1uH4y1w77V', part: 'P1' });
    expect(project.media?.title).toBe(seedText.split('\n')[0]?.replace(/^#\s*/, ''));
    expect(existsSync(audioPath(project))).toBe(true);
    expect(projectText.endsWith('}\n')).toBe(true);
  });

  it('has 30 segments s1..s30 with strictly increasing, non-overlapping times', () => {
    const { segments, nextId } = loadProject();
    expect(segments.map((s) => s.id)).toEqual(Array.from({ length: 30 }, (_, i) => `s${i + 1}`));
    expect(nextId).toBe(31);
    segments.forEach((s, i) => {
      if (s.start === null || s.end === null) throw new Error(`${s.id} is untimed`);
      expect(s.end).toBeGreaterThan(s.start);
      const previous = segments[i - 1];
      if (previous?.end != null) expect(s.start).toBeGreaterThan(previous.end);
    });
  });

  it('keeps every segment within the audio', () => {
    const project = loadProject();
    const out = execFileSync(
      locateFfmpeg().ffprobe ?? 'ffprobe',
      ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', audioPath(project)],
      { encoding: 'utf8' },
    );
    const durationMs = Number(out.trim()) * 1000;
    expect(durationMs).toBeGreaterThan(0);
    for (const s of project.segments) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(durationMs);
    }
  });

  it('is timed exactly as timings.json records', () => {
    const { segments } = loadProject();
    expect(segments.map(({ start, end }) => ({ start, end }))).toEqual(
      timings.phrases.map(({ start, end }) => ({ start, end })),
    );
    expect(segments[0]?.start).toBe(timings.leadInMs);
    timings.phrases.slice(1).forEach((phrase, i) => {
      expect(phrase.start - (timings.phrases[i]?.end ?? Number.NaN)).toBe(timings.gapMs);
    });
  });

  it('holds the first 30 phrases of the seed transcript, in order and as written', () => {
    const phrases = seedPhrases(seedText).slice(0, 30);
    expect(loadProject().segments.map((s) => s.source)).toEqual(phrases);
    expect(timings.phrases.map((p) => p.text)).toEqual(phrases);
  });

  it('has some translations', () => {
    const translated = loadProject().segments.filter((s) => s.translation !== '');
    expect(translated.length).toBeGreaterThanOrEqual(5);
  });

  it('keeps the audio under 1 MB', () => {
    expect(statSync(audioPath(loadProject())).size).toBeLessThan(1024 * 1024);
  });

  it('ships the full seed transcript', () => {
    expect(seedText).toContain('智源');
    expect(seedText).toContain('BV1uH4y1w77V');
    expect(seedPhrases(seedText).length).toBeGreaterThan(500);
    expect(seedText).toContain('我的报告就到这。');
  });
});
