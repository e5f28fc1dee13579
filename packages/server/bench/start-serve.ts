/**
 * `tend serve` started for a bench as users start it (`bin/tend.js`, its own process) on a free
 * loopback port; resolves once it says where it serves.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/tend.js', import.meta.url));

/**
 * Start it with `args` (and Node flags from TEND_BENCH_NODE_FLAGS, e.g. `--cpu-prof`).
 *
 * @example
 * const server = await startServe(['--data-dir', dir]); await server.stop();
 */
export async function startServe(
  args: string[],
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const flags = (process.env.TEND_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, TEND_DATABASE_URL: '' },
  });
  let err = '';
  child.stderr.on('data', (c) => {
    err += c;
  });
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      const m = /serving (http:\/\/\S+) /.exec(out);
      if (m) resolve(m[1]);
    });
    void exit.then(() => reject(new Error(`tend serve exited: ${err}`)));
  });
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await exit;
    },
  };
}
