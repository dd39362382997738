import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runPcm, type Transport } from './pcm-stream';

/** A child that writes `bytes` deterministic bytes in odd-sized writes, then exits with `code`. */
function writer(bytes: number, code = 0): string[] {
  const script = `
    const total = ${bytes}; let sent = 0, i = 0;
    function next() {
      while (sent < total) {
        const n = Math.min(total - sent, 12345 + (i++ % 7));
        const b = Buffer.alloc(n); for (let k = 0; k < n; k++) b[k] = (sent + k) * 31 % 251;
        sent += n;
        if (!process.stdout.write(b)) return process.stdout.once('drain', next);
      }
      process.stderr.write('first line\\nlast line\\n');
      process.exitCode = ${code};
    }
    next();`;
  return ['-e', script];
}

function expected(bytes: number): string {
  const b = Buffer.alloc(bytes);
  for (let k = 0; k < bytes; k++) b[k] = (k * 31) % 251;
  return createHash('sha1').update(b).digest('hex');
}

describe('runPcm', () => {
  for (const transport of ['socket', 'pipe'] as Transport[]) {
    it(`hands over every byte in order, then the exit code and stderr (${transport})`, async () => {
      const hash = createHash('sha1');
      let total = 0;
      const run = runPcm(
        process.execPath,
        writer(5_000_001, 3),
        (bytes) => {
          hash.update(bytes);
          total += bytes.length;
        },
        { transport },
      );
      const { code, stderr } = await run.done;
      expect(total).toBe(5_000_001);
      expect(hash.digest('hex')).toBe(expected(5_000_001));
      expect(code).toBe(3);
      expect(stderr.trim().split('\n').pop()).toBe('last line');
    });
  }

  it('lowers the priority of the child when asked', async () => {
    let out = '';
    const script = "setTimeout(() => process.stdout.write(String(require('node:os').getPriority())), 300)";
    const run = runPcm(
      process.execPath,
      ['-e', script],
      (b) => {
        out += b.toString();
      },
      { niceness: 7 },
    );
    expect((await run.done).code).toBe(0);
    expect(out).toBe('7');
  });

  it('kills the child, even before it has started', async () => {
    const sleeper = ['-e', 'setTimeout(() => {}, 60000)'];
    const early = runPcm(process.execPath, sleeper, () => {});
    early.kill();
    expect((await early.done).code).toBeNull();
    const late = runPcm(process.execPath, sleeper, () => {});
    await new Promise((r) => setTimeout(r, 200));
    late.kill();
    expect((await late.done).code).toBeNull();
  });

  it('rejects when the program cannot be started', async () => {
    await expect(runPcm('/nonexistent/ffmpeg', [], () => {}).done).rejects.toThrow(/ENOENT/);
    await expect(runPcm('/nonexistent/ffmpeg', [], () => {}, { transport: 'pipe' }).done).rejects.toThrow(/ENOENT/);
  });
});
