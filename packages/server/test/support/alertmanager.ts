/**
 * A real Prometheus Alertmanager (Debian's `prometheus-alertmanager`) for tests, started on a
 * free loopback port with a config that routes nowhere; `.ci/run` installs it, and in CI a
 * missing binary fails the run instead of skipping its tests.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { tempDir } from './temp-files.js';

const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

/** Whether the binary is here; in CI its absence is an error. */
export const hasAlertmanager = spawnSync(ALERTMANAGER, ['--version']).status === 0;
if (!hasAlertmanager && process.env.CI === 'true') {
  throw new Error(
    `${ALERTMANAGER} is missing: in CI alerts must reach a real Alertmanager (.ci/run installs it)`,
  );
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Start Alertmanager with its storage in `tmp`; resolves once it answers /-/ready.
 *
 * @example
 * const am = await startAlertmanager(tempDir('am-')); await fetch(`${am.url}/api/v2/alerts`); await am.stop();
 */
export async function startAlertmanager(
  tmp: ReturnType<typeof tempDir>,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const config = tmp.write(
    'alertmanager.yml',
    'route:\n  receiver: none\nreceivers:\n  - name: none\n',
  );
  const child: ChildProcess = spawn(ALERTMANAGER, [
    `--config.file=${config}`,
    `--storage.path=${join(tmp.dir, `am-${port}`)}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=',
  ]);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Stopped means exited: Alertmanager writes its state as it stops, and the directory holding
  // it may be deleted next.
  const stop = async () => {
    child.kill();
    await exited;
  };
  for (let i = 0; i < 100; i++) {
    const ready = await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('Alertmanager did not start');
}
