import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function electronPresent(): boolean {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

describe('npm start without the Electron binary', () => {
  const skip = electronPresent() ? 'the Electron binary is installed here, so npm start opens Electron' : false;
  it.skipIf(skip !== false)(
    `says so in one line and serves the editor instead${skip ? ` (skipped: ${skip})` : ''}`,
    async () => {
      const profile = mkdtempSync(join(tmpdir(), 'zimu-start-'));
      const needsBuild = !existsSync(join(root, 'out', 'main', 'web.js'));
      const child = spawn(process.execPath, [join(root, 'scripts', 'start.mjs')], {
        cwd: root,
        env: { ...process.env, ZIMU_NO_BUILD: needsBuild ? '0' : '1', ZIMU_PROFILE_DIR: profile },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        out += d.toString();
      });
      try {
        const url = await new Promise<string>((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`no URL printed:\n${out}`)), 60_000);
          const poll = setInterval(() => {
            const m = /Zimu is running at (\S+)/.exec(out);
            if (m?.[1]) {
              clearInterval(poll);
              clearTimeout(timer);
              ok(m[1]);
            }
          }, 50);
        });
        const notice = out.split('\n').filter((l) => l.startsWith('Electron binary not available'));
        expect(notice).toHaveLength(1);
        expect(notice[0]).toMatch(/starting the browser host instead/);
        const page = await fetch(url);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
        const token = new URL(url).searchParams.get('token') ?? '';
        const initial = await fetch(new URL('/api/project.initial', url), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-zimu-token': token },
          body: '{}',
        });
        const body = (await initial.json()) as { ok: boolean; value?: { project: { segments: unknown[] } } };
        expect(body.ok).toBe(true);
        expect(body.value?.project.segments.length).toBe(30);
      } finally {
        child.kill('SIGTERM');
        rmSync(profile, { recursive: true, force: true });
      }
    },
  );
});
