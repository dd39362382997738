import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Run a program that writes a long raw stream (ffmpeg decoding to s16le) and hand its output over
 * read by read, without a fresh buffer per read.
 *
 * A child's stdout pipe makes Node allocate a new buffer for every read (at most 64 KiB): for a
 * 2-hour talk that is 700 MB of short-lived buffers, which V8 frees only in bulk (RSS grows by
 * ~64 MB) and which cost page faults and system time that the two ffmpeg halves need. So on POSIX
 * the child's stdout is a Unix socket, in a private temp folder, whose other end Node reads into
 * one reused 1 MiB buffer (net's `onread`). On Windows, or if that setup fails, it is a plain pipe.
 */

export type Transport = 'socket' | 'pipe';

export const DEFAULT_TRANSPORT: Transport = process.platform === 'win32' ? 'pipe' : 'socket';
const READ_BUFFER_BYTES = 1024 * 1024;
/** Kept from the end of the child's stderr, for error messages. */
const STDERR_TAIL = 8192;

export interface PcmRun {
  /**
   * Settles once the program has exited and every byte of its output was handed over: its exit
   * code (null when killed). Rejects only when it could not be started.
   */
  done: Promise<{ code: number | null; stderr: string }>;
  kill(): void;
}

export interface PcmOptions {
  transport?: Transport;
  /** Scheduling priority (nice value, 0 = normal, higher = yields): work that is less urgent. */
  niceness?: number;
}

/** `onData` gets a view valid only during the call: copy what must outlive it. */
export function runPcm(
  command: string,
  args: string[],
  onData: (bytes: Buffer) => void,
  { transport = DEFAULT_TRANSPORT, niceness = 0 }: PcmOptions = {},
): PcmRun {
  let killed = false;
  let kill = () => {};
  const done = (async () => {
    const socket = transport === 'socket' ? await socketPair().catch(() => null) : null;
    if (killed) {
      socket?.close();
      return { code: null, stderr: '' };
    }
    const child = spawn(command, args, { stdio: ['ignore', socket ? socket.childEnd : 'pipe', 'pipe'] });
    kill = () => child.kill('SIGKILL');
    if (niceness && child.pid !== undefined) {
      try {
        setPriority(child.pid, niceness);
      } catch {
        // Only a hint: a system that refuses it still decodes.
      }
    }
    socket?.close(); // the child holds its own copy of its end
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-STDERR_TAIL);
    });
    const output = socket ? socket.read(onData) : readPipe(child.stdout as NonNullable<typeof child.stdout>, onData);
    const exited = new Promise<number | null>((resolveExit, reject) => {
      child.on('error', reject);
      child.on('close', (code) => resolveExit(code));
    });
    const [code] = await Promise.all([exited, output]);
    return { code, stderr };
  })();
  return {
    done,
    kill: () => {
      killed = true;
      kill();
    },
  };
}

function readPipe(stdout: NodeJS.ReadableStream, onData: (bytes: Buffer) => void): Promise<void> {
  stdout.on('data', onData);
  return new Promise((resolveEnd) => stdout.on('close', resolveEnd));
}

interface SocketPair {
  /** The accepted end, to become the child's stdout. */
  childEnd: Socket;
  /** Read everything that arrives at our end until the child closes it. */
  read(onData: (bytes: Buffer) => void): Promise<void>;
  /** Stop listening and drop our copy of the child's end (the listening socket's folder goes too). */
  close(): void;
}

/** A connected Unix socket pair: a server in a fresh 0700 folder, so no other user can connect first. */
async function socketPair(): Promise<SocketPair> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'zimu-pcm-'));
  const path = join(dir, 's');
  const server: Server = createServer({ pauseOnConnect: true });
  const cleanup = () => {
    server.close();
    void fs.rm(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(path, () => ok());
    });
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    // Nothing can arrive before the child exists, and read() is called in the same tick as spawn().
    let deliver: (bytes: Buffer) => void = () => {};
    const onread = {
      buffer,
      callback: (n: number) => {
        deliver(buffer.subarray(0, n));
        return true;
      },
    };
    const ours = connect({ path, onread });
    const closed = new Promise<void>((resolveClose) => ours.once('close', () => resolveClose()));
    const childEnd = await new Promise<Socket>((ok, fail) => {
      server.once('connection', ok);
      ours.once('error', fail);
    });
    return {
      childEnd,
      read(onData) {
        deliver = onData;
        return closed;
      },
      close() {
        childEnd.destroy();
        cleanup();
      },
    };
  } catch (err) {
    cleanup();
    throw err;
  }
}
