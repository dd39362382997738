import { describe, expect, it } from 'vitest';
import { englishMessage } from '../ipc/messages';
import { createProject, setText } from './project';
import { parseProjectFile, serializeProjectFile } from './project-file';

const project = setText(
  createProject({
    title: '智源大会',
    media: { path: 'talk.opus', bvid: 'BV1uH4y1w77V' },
    segments: [
      { start: 0, end: 1000, source: '尊敬的各位领导 {a} [b]' },
      { start: 1000, end: 2000, source: '各位来宾' },
    ],
  }),
  's1',
  'translation',
  'Distinguished leaders',
);

describe('project file', () => {
  it('round-trips a project', () => {
    const parsed = parseProjectFile(serializeProjectFile(project));
    expect(parsed).toEqual({ ok: true, project });
  });

  it('accepts a UTF-8 BOM', () => {
    expect(parseProjectFile(`\uFEFF${serializeProjectFile(project)}`).ok).toBe(true);
  });

  it('reports broken JSON with its line', () => {
    const text = serializeProjectFile(project).replace('"各位来宾"', '"各位来宾",,');
    const parsed = parseProjectFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const expected = text.split('\n').findIndex((l) => l.includes(',,')) + 1;
    expect(parsed.problem.line).toBe(expected);
    expect(englishMessage(parsed.problem.message)).toMatch(/not valid JSON/);
  });

  it('reports a schema violation at the offending segment', () => {
    const data = JSON.parse(serializeProjectFile(project));
    data.segments[1].end = 10; // before its start
    const text = JSON.stringify(data, null, 2);
    const parsed = parseProjectFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(englishMessage(parsed.problem.message)).toMatch(/segments\.1/);
    const lines = text.split('\n');
    // The reported line is inside the second segment's object, at or after its opening brace.
    const secondOpen =
      lines.findIndex((l, i) => i > lines.findIndex((x) => x.includes('"s1"')) && l.trim() === '{') + 1;
    expect(parsed.problem.line).toBeGreaterThanOrEqual(secondOpen);
    expect(parsed.problem.line).toBeLessThan(secondOpen + 10);
  });

  it('reports a missing member at the object that lacks it, not at the next one that has it', () => {
    const data = JSON.parse(serializeProjectFile(project));
    delete data.segments[0].end;
    const text = JSON.stringify(data, null, 2);
    const parsed = parseProjectFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(englishMessage(parsed.problem.message)).toMatch(/segments\.0\.end/);
    const lines = text.split('\n');
    // The first segment opens on the line after `"segments": [`.
    expect(parsed.problem.line).toBe(lines.findIndex((l) => l.includes('"segments"')) + 2);
  });

  it('reports a missing language at the languages object, not at a segment with a "source" key', () => {
    const data = JSON.parse(serializeProjectFile(project));
    delete data.languages.source;
    const text = JSON.stringify(data, null, 2);
    const parsed = parseProjectFile(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problem.line).toBe(text.split('\n').findIndex((l) => l.includes('"languages"')) + 1);
  });

  it('rejects other formats and versions', () => {
    const data = JSON.parse(serializeProjectFile(project));
    expect(parseProjectFile(JSON.stringify({ ...data, format: 'other' })).ok).toBe(false);
    expect(parseProjectFile(JSON.stringify({ ...data, version: 2 })).ok).toBe(false);
    expect(parseProjectFile('').ok).toBe(false);
  });
});
