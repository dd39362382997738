#!/usr/bin/env node
// `npm start [file]`: build, then open Zimu in Electron — or, where the Electron binary is missing
// (installed with ELECTRON_SKIP_BINARY_DOWNLOAD, or a machine it cannot be downloaded to), say so
// in one line and start the browser host instead, so this command always gives a working editor.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);

const build = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? { path } : { reason: `${path} is missing` };
  } catch (err) {
    return { reason: String(err instanceof Error ? err.message : err).split('\n')[0] };
  }
}

const electron = electronBinary();
if (!electron.path)
  console.log(`Electron binary not available (${electron.reason}); starting the browser host instead.`);
const child = electron.path
  ? spawn(electron.path, [root, ...args], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [join(root, 'out', 'main', 'web.js'), ...args], { cwd: root, stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
