import { describe, expect, it } from 'vitest';
import type { SerializeOptions } from '../../../shared/formats/format';
import { createProject } from '../../../shared/model/project';
import type { Project } from '../../../shared/model/types';
import { detectFormat, exportFormats, formats } from './registry';

// One conformance suite for every row of the registry: a new format is tested by adding its row.

function bilingualProject(count: number): Project {
  const segments = Array.from({ length: count }, (_, i) => ({
    // Multiples of 10 ms, gaps between cues: representable by every timed format (ASS has centiseconds).
    start: i * 3000 + 10,
    end: i * 3000 + 2500,
    source: `第${i + 1}句：智源大会，具身智能😀`,
    translation: i % 3 === 2 ? '' : `Sentence ${i + 1}: the BAAI Conference`,
  }));
  return createProject({ title: 'Conformance', segments });
}

const options: SerializeOptions = { layout: 'bilingual', lineEnding: 'lf' };

function comparable(
  p: { segments: readonly { start?: number | null; end?: number | null; source?: string; translation?: string }[] },
  timed: boolean,
) {
  return p.segments.map((s) => ({
    ...(timed ? { start: s.start ?? null, end: s.end ?? null } : {}),
    source: s.source ?? '',
    translation: s.translation ?? '',
  }));
}

describe.each(exportFormats.map((f) => [f.id, f] as const))('%s', (_id, format) => {
  const serialize = format.serialize as NonNullable<typeof format.serialize>;
  const project = bilingualProject(12);
  const expected = comparable(project, format.timed);

  it('round-trips a bilingual document', () => {
    const { text } = serialize(project, options);
    expect(comparable(format.parse(text), format.timed)).toEqual(expected);
  });

  it('reads its own output with a BOM and with CRLF line endings', () => {
    const crlf = serialize(project, { ...options, lineEnding: 'crlf' }).text;
    if (format.id !== 'bcc' && format.id !== 'whisper') expect(crlf).toContain('\r\n');
    expect(comparable(format.parse(`\uFEFF${crlf}`), format.timed)).toEqual(expected);
  });

  it('is detected from its own output', () => {
    const { text } = serialize(project, options);
    expect(detectFormat(text, `x${format.extensions[0]}`)?.format.id).toBe(format.id);
  });

  it('never throws on empty input or garbage', () => {
    for (const input of ['', '\uFEFF', '\u0000\u0001\u0002binary', '{"not": "captions"}', '<html></html>']) {
      const parsed = format.parse(input);
      expect(Array.isArray(parsed.issues)).toBe(true);
    }
    expect(format.parse('').segments).toHaveLength(0);
  });

  it('handles 10,000 cues', () => {
    const big = bilingualProject(10_000);
    const parsed = format.parse(serialize(big, options).text);
    expect(parsed.segments).toHaveLength(10_000);
    expect(comparable({ segments: [parsed.segments[9_999] ?? {}] }, format.timed)).toEqual(
      comparable({ segments: [big.segments[9_999] ?? {}] }, format.timed),
    );
  });
});

describe('registry', () => {
  it('has unique ids and extensions in lower case with a dot', () => {
    const ids = formats.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of formats) for (const ext of f.extensions) expect(ext).toMatch(/^\.[a-z0-9]+$/);
  });
});
