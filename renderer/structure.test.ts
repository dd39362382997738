import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The renderer's shape, read from its source: feature folders depend on each other without cycles,
// and production code never finds elements by their test ids. (The layer order itself,
// platform ← state ← features ← app, is a lint rule: biome.json, proved in shared/layering.test.ts.)

const root = resolve(import.meta.dirname);

interface SourceFile {
  /** Path from renderer/, with forward slashes. */
  path: string;
  source: string;
}

function productionFiles(dir = root): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : productionFiles(full);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    return [{ path: relative(root, full).split('\\').join('/'), source: readFileSync(full, 'utf8') }];
  });
}

/** The folder a renderer file belongs to: `features/<name>` for features, else its top folder. */
function folderOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'features' && parts.length > 2) return `features/${parts[1]}`;
  return parts.length > 1 ? (parts[0] ?? path) : '(root)';
}

/** Relative import specifiers of a module (static imports and re-exports). */
function importsOf(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]/gm)]
    .map((m) => m[1] ?? '')
    .concat([...source.matchAll(/^\s*import\s*['"](\.[^'"]+)['"]/gm)].map((m) => m[1] ?? ''));
}

/** Which folder imports which (inside renderer/ only). */
function folderGraph(files: readonly SourceFile[]): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const from = folderOf(file.path);
    for (const spec of importsOf(file.source)) {
      const target = relative(root, resolve(root, file.path, '..', spec))
        .split('\\')
        .join('/');
      if (target.startsWith('..')) continue; // shared/
      const to = folderOf(target.includes('/') ? target : `${target}/x`);
      if (to === from) continue;
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** Every cycle's folders (strongly connected groups of more than one), each sorted. */
function folderCycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((s) => [...s])]);
  const reach = (from: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length > 0) {
      const node = stack.pop() as string;
      for (const next of graph.get(node) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  };
  const reachable = new Map([...nodes].map((n) => [n, reach(n)]));
  const groups = new Map<string, string[]>();
  for (const a of nodes) {
    const group = [...nodes].filter((b) => b === a || (reachable.get(a)?.has(b) && reachable.get(b)?.has(a))).sort();
    if (group.length > 1) groups.set(group.join(' ↔ '), group);
  }
  return [...groups.values()];
}

/** Places where code looks elements up by test id (selectors, dataset), not the attributes themselves. */
function testIdQueries(files: readonly SourceFile[]): string[] {
  return files.flatMap((file) =>
    file.source
      .split('\n')
      .flatMap((line, i) =>
        /\[data-testid|dataset\.testid|getByTestId/.test(line) ? [`${file.path}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

describe('renderer structure', () => {
  const files = productionFiles();

  it('reads the real tree (control)', () => {
    const graph = folderGraph(files);
    expect(graph.get('app')?.has('features/grid')).toBe(true);
    expect(graph.get('features/grid')?.has('state')).toBe(true);
  });

  it('has no cycles between folders (features/grid ↔ features/translate and the like)', () => {
    expect(folderCycles(folderGraph(files))).toEqual([]);
  });

  it('finds cycles when there is one (the guard itself)', () => {
    const withCycle = folderGraph([
      ...files,
      { path: 'features/translate/probe.ts', source: "import { SegmentGrid } from '../grid/SegmentGrid';\n" },
    ]);
    expect(folderCycles(withCycle)).toContainEqual(['features/grid', 'features/translate']);
    expect(
      folderCycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']]);
  });

  it('never queries elements by data-testid in production code (test ids stay attributes for the tests)', () => {
    expect(testIdQueries(files)).toEqual([]);
  });

  it('notices a test-id query (the guard itself), but not the attribute', () => {
    const probe = (source: string) => testIdQueries([{ path: 'features/x/probe.ts', source }]);
    expect(probe('document.querySelector(\'[data-testid="zoom-in"]\')?.click();')).toHaveLength(1);
    expect(probe('const side = element.dataset.testid;')).toHaveLength(1);
    expect(probe('<button data-testid="zoom-in" />')).toEqual([]);
  });
});
