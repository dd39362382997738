#!/usr/bin/env node
// `npm test`: build, type-check and lint, then the unit tests (Vitest) and the end-to-end tests
// (Playwright), and close with one plain line of real totals: `N passed, N failed, N skipped`.
// Build, type-check and lint count as one test each, so a broken build cannot pass quietly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const results = join(root, 'test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  console.log(`\n── ${label}: ${[command, ...args].map((a) => a.replace(root, '.')).join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed']++;
  lines.push(`${label.padEnd(10)} ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const built = check('build', bin('electron-vite'), ['build']);
check('typecheck', 'npm', ['run', '-s', 'typecheck']);
check('lint', bin('biome'), ['check', '.']);

// Unit tests.
const vitestJson = join(results, 'vitest.json');
const vitestOk = run('unit', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  const skipped = (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += skipped;
  lines.push(`unit       ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${skipped} skipped`);
  if (!vitestOk && v.numFailedTests === 0) {
    totals.failed++; // failed outside any test (e.g. a file that does not load)
    lines.push('unit       runner failed outside a test');
  }
} else {
  totals.failed++;
  lines.push('unit       runner crashed before reporting');
}

// End-to-end tests need the build.
const pwJson = join(results, 'playwright.json');
if (built) {
  const pwOk = run('e2e', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson });
  const p = existsSync(pwJson) ? readJson(pwJson) : null;
  if (p?.stats) {
    const passed = p.stats.expected + p.stats.flaky;
    totals.passed += passed;
    totals.failed += p.stats.unexpected;
    totals.skipped += p.stats.skipped;
    lines.push(`e2e        ${passed} passed, ${p.stats.unexpected} failed, ${p.stats.skipped} skipped`);
    if (!pwOk && p.stats.unexpected === 0) {
      totals.failed++;
      lines.push('e2e        runner failed outside a test');
    }
  } else {
    totals.failed++;
    lines.push('e2e        runner crashed before reporting');
  }
} else {
  totals.failed++;
  lines.push('e2e        not run: the build failed');
}

console.log('\n── summary');
for (const line of lines) console.log(line);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
