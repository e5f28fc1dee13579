/**
 * `tend serve` as users start it (`bin/tend.js`, the bundle, its own process) on a free
 * loopback port, for the tests and benches that need a real server process; resolves once it
 * says where it serves, and rejects with its stderr if it exits first.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TEND_BIN = fileURLToPath(new URL('../../bin/tend.js', import.meta.url));

export interface RunningServe {
  url: string;
  child: ChildProcess;
  /** What it has written to stderr so far. */
  stderr(): string;
  /** Its exit code, once it exits. */
  exit: Promise<number | null>;
  /** SIGTERM, then wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Start `tend serve ARGS` (with Node flags before the script, by default those in
 * TEND_BENCH_NODE_FLAGS, e.g. `--cpu-prof` to profile a bench's server).
 *
 * @example
 * const s = await startServe(['--data-dir', dir]); await fetch(`${s.url}/api/v1/health`); await s.stop();
 */
export async function startServe(
  args: string[],
  nodeFlags = (process.env.TEND_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
): Promise<RunningServe> {
  const child = spawn(process.execPath, [...nodeFlags, TEND_BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, TEND_DATABASE_URL: '' },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (c) => {
    err += c;
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      out += c;
      const match = /serving (http:\/\/\S+) /.exec(out);
      if (match) resolve(match[1]);
    });
    void exit.then((code) => reject(new Error(`tend serve exited ${code}: ${err}`)));
  });
  return {
    url,
    child,
    stderr: () => err,
    exit,
    stop: async () => {
      child.kill('SIGTERM');
      await exit;
    },
  };
}
