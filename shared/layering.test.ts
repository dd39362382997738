import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The layering rules of docs/ARCHITECTURE.md, checked with the real compiler and the real linter:
// shared/ sees neither Node nor the DOM; the renderer sees the DOM but not Node, and its own layers
// (platform ← state ← features ← app) import downwards only.
const repo = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(repo, 'node_modules', '.bin', name);
// Inside the repo (ignored) so that type and module resolution see node_modules as the real tree does.
mkdirSync(join(repo, 'node_modules', '.cache'), { recursive: true });
const scratch = mkdtempSync(join(repo, 'node_modules', '.cache', 'zimu-layering-'));
// Biome skips node_modules: lint probes live in a temp folder with a copy of the lint config at its
// root, so the path-based rules apply to them as to the real tree.
const lintScratch = mkdtempSync(join(tmpdir(), 'zimu-lint-'));
copyFileSync(join(repo, 'biome.json'), join(lintScratch, 'biome.json'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  rmSync(lintScratch, { recursive: true, force: true });
});

function compiles(folder: 'shared' | 'renderer', code: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(scratch, `${folder}-`));
  writeFileSync(join(dir, 'probe.ts'), code);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ extends: join(repo, folder, 'tsconfig.json'), include: ['probe.ts'], exclude: [] }),
  );
  const r = spawnSync(bin('tsc'), ['-p', dir], { encoding: 'utf8', cwd: repo });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

function lints(path: string, code: string): { ok: boolean; output: string } {
  const file = join(lintScratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, code);
  const r = spawnSync(bin('biome'), ['lint', path], { encoding: 'utf8', cwd: lintScratch });
  rmSync(file);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

describe('compiler boundaries', () => {
  it('shared/ compiles plain TypeScript (control)', () => {
    const r = compiles('shared', 'export const n: number = [1, 2].map((x) => x * 2).length;\n');
    expect(r.output).toBe('');
    expect(r.ok).toBe(true);
  });

  it('shared/ cannot import Node modules', () => {
    const r = compiles('shared', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n");
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/node:fs/);
  });

  it('shared/ cannot use DOM or Node globals', () => {
    expect(compiles('shared', 'export const t = document.title;\n').ok).toBe(false);
    expect(compiles('shared', 'export const e = process.env;\n').ok).toBe(false);
  });

  it('renderer/ has the DOM but cannot import Node modules', () => {
    expect(compiles('renderer', 'export const t: string = document.title;\n').ok).toBe(true);
    const r = compiles('renderer', "import { spawn } from 'node:child_process';\nexport const s = spawn;\n");
    expect(r.ok).toBe(false);
    expect(compiles('renderer', 'export const e = process.env;\n').ok).toBe(false);
  });
});

describe('lint boundaries', () => {
  it('shared/ may not import electron, renderer code or Node', () => {
    expect(lints('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n").ok).toBe(false);
    expect(lints('shared/x.ts', "import { a } from '../renderer/platform';\nexport const b = a;\n").ok).toBe(false);
    expect(lints('shared/x.ts', "import { z } from 'zod';\nexport const s = z.string();\n").ok).toBe(true);
  });

  it('renderer/ may not import electron/ code or Node', () => {
    const r = lints(
      'renderer/x.ts',
      "import { loadProjectFile } from '../electron/services/project-store';\nexport const l = loadProjectFile;\n",
    );
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/renderer/);
    expect(lints('renderer/x.ts', "import fs from 'node:fs';\nexport const f = fs;\n").ok).toBe(false);
  });

  it('services may not import Electron', () => {
    expect(lints('electron/services/x.ts', "import { app } from 'electron';\nexport const a = app;\n").ok).toBe(false);
    expect(lints('electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n").ok).toBe(true);
  });

  it('the renderer layers import downwards only: platform ← state ← features ← app', () => {
    const probe = (path: string, from: string) => lints(path, `import { x } from '${from}';\nexport const y = x;\n`);
    // Violations of each layer, each rejected with the rule's reason.
    const stateOnApp = probe('renderer/state/x.ts', '../app/shortcuts');
    expect(stateOnApp.ok).toBe(false);
    expect(stateOnApp.output).toMatch(/renderer\/state sits below/);
    expect(probe('renderer/state/x.ts', '../features/grid/SegmentGrid').ok).toBe(false);
    expect(probe('renderer/features/grid/x.ts', '../../app/App').ok).toBe(false);
    expect(probe('renderer/platform/x.ts', '../state/editor').ok).toBe(false);
    expect(probe('renderer/ui/x.ts', '../state/editor').ok).toBe(false);
    expect(probe('renderer/i18n/x.ts', '../features/files/paths').ok).toBe(false);
    // Each layer keeps the renderer's own rule too: no Node.
    expect(probe('renderer/state/x.ts', 'node:fs').ok).toBe(false);
    // Downwards is fine.
    expect(probe('renderer/state/x.ts', '../platform/client').ok).toBe(true);
    expect(probe('renderer/features/grid/x.ts', '../../state/editor').ok).toBe(true);
    expect(probe('renderer/features/grid/x.ts', '../translate/TranslationRow').ok).toBe(true);
    expect(probe('renderer/app/x.ts', '../features/grid/SegmentGrid').ok).toBe(true);
  });

  it('the real renderer/ tree keeps these rules', () => {
    const r = spawnSync(bin('biome'), ['lint', 'renderer'], { encoding: 'utf8', cwd: repo });
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/noRestrictedImports/);
  });

  it('the real shared/ tree compiles under these rules', () => {
    expect(() => execFileSync(bin('tsc'), ['-p', 'shared'], { cwd: repo, encoding: 'utf8' })).not.toThrow();
  });
});
