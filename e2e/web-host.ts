import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

// Playwright loads specs as CommonJS (the package is not "type": "module"), so __dirname it is.
export const repoRoot = resolve(__dirname, '..');
export const sampleDir = join(repoRoot, 'electron', 'sample');
export const SAMPLE_PROJECT = 'bv1uh4y1w77v-p1.zimu';

export interface RunningHost {
  url: string;
  origin: string;
  /** A private copy of the sample, so tests may save over it. */
  workDir: string;
  profileDir: string;
  stop(): Promise<void>;
}

/** Copy the sample project and its media into `dir` and return the project's path. */
export function copySample(dir: string): string {
  mkdirSync(dir, { recursive: true });
  cpSync(sampleDir, dir, { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  return join(dir, SAMPLE_PROJECT);
}

/**
 * Start the built browser host (`out/main/web.js`) as a user would, on a free port with its own
 * profile folder, and wait for the line that gives its URL.
 */
export async function startWebHost(
  baseDir: string,
  options: { locale?: string; file?: string; media?: string } = {},
): Promise<RunningHost> {
  const workDir = join(baseDir, 'work');
  const profileDir = join(baseDir, 'profile');
  const file = options.file ?? copySample(workDir);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      join(repoRoot, 'out', 'main', 'web.js'),
      file,
      ...(options.media ? [options.media] : []),
      '--port',
      '0',
      '--profile',
      profileDir,
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, LANG: options.locale ?? 'en_US.UTF-8', LC_ALL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`web host printed no URL within 15 s:\n${output}`)), 15_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /Zimu is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => fail(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    workDir,
    profileDir,
    stop: () =>
      new Promise<void>((ok) => {
        if (child.exitCode !== null) return ok();
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      }),
  };
}
