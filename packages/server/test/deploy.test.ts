/**
 * The files under deploy/ work: Prometheus's own promtool accepts the scrape config and the
 * alerting rules, and every query of the Grafana dashboard names only metrics a live server
 * exposes (and the data source the provisioning defines).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TendApp } from '../src/http/app.js';
import { tempDir } from './support/temp-files.js';
import { openTestApp, sendJson } from './support/test-app.js';

const DEPLOY = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const PROMTOOL = '/usr/bin/promtool';
const hasPromtool = spawnSync(PROMTOOL, ['--version']).status === 0;
if (!hasPromtool && process.env.CI === 'true') {
  throw new Error(
    `${PROMTOOL} is missing: in CI the deploy files must be checked (.ci/run installs prometheus)`,
  );
}

let tend: TendApp;
let dispose: () => Promise<void>;
const tmp = tempDir('tend-deploy-');
beforeAll(async () => {
  ({ tend, dispose } = await openTestApp('sqlite'));
  const post = (url: string, body: unknown) => sendJson(tend, 'POST', url, body);
  await post('/api/v1/models', { name: 'm', task: 'regression' });
  await post('/api/v1/models/m/versions', { inputSchema: [{ name: 'x', type: 'integer' }] });
  await post('/api/v1/models/m/predictions', [
    { id: 'a', version: 1, features: { x: 'y' }, prediction: 1, latencyMs: 3 },
  ]);
  await post('/api/v1/models/m/predictions', [
    { id: 'b', version: 7, features: {}, prediction: 1 },
  ]);
  await post('/api/v1/models/m/labels', [{ id: 'a', label: 1 }]);
  await post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/' });
  await tend.webhooks.drain();
});
afterAll(async () => {
  await dispose();
  tmp.remove();
});

describe('deploy/', () => {
  it.runIf(hasPromtool)('has a scrape config and alerting rules promtool accepts', () => {
    const rules = spawnSync(
      PROMTOOL,
      ['check', 'rules', join(DEPLOY, 'prometheus/tend-rules.yml')],
      { encoding: 'utf8' },
    );
    expect(rules.stdout).toContain('SUCCESS: 8 rules found');
    expect(rules.status).toBe(0);
    // The config names a key file, which must exist: checked beside a stand-in one.
    copyFileSync(join(DEPLOY, 'prometheus/prometheus.yml'), join(tmp.dir, 'prometheus.yml'));
    copyFileSync(join(DEPLOY, 'prometheus/tend-rules.yml'), join(tmp.dir, 'tend-rules.yml'));
    writeFileSync(join(tmp.dir, 'tend-api-key'), 'tend_example\n');
    const config = spawnSync(PROMTOOL, ['check', 'config', 'prometheus.yml'], {
      cwd: tmp.dir,
      encoding: 'utf8',
    });
    expect(config.stdout + config.stderr).toContain('SUCCESS');
    expect(config.status).toBe(0);
  });

  it('has a Grafana dashboard whose queries name only metrics Tend exposes', async () => {
    const dashboard = JSON.parse(
      readFileSync(join(DEPLOY, 'grafana/dashboards/tend.json'), 'utf8'),
    );
    const provisioned = readFileSync(
      join(DEPLOY, 'grafana/provisioning/datasources/prometheus.yml'),
      'utf8',
    );
    const exposed = new Set(
      (await tend.app.inject({ url: '/metrics' })).body
        .split('\n')
        .filter((l) => l.startsWith('# TYPE '))
        .map((l) => l.split(' ')[2]),
    );
    const exprs: string[] = dashboard.panels.flatMap((p: { targets: { expr: string }[] }) =>
      p.targets.map((t) => t.expr),
    );
    expect(exprs.length).toBeGreaterThan(10);
    const named = new Set(exprs.flatMap((e) => e.match(/tend_[a-z_]+/g) ?? []));
    const unknown = [...named].filter((n) => !exposed.has(n.replace(/_(bucket|sum|count)$/, '')));
    expect(unknown).toEqual([]);
    for (const p of dashboard.panels) expect(provisioned).toContain(`uid: ${p.datasource.uid}`);
    const rules = readFileSync(join(DEPLOY, 'prometheus/tend-rules.yml'), 'utf8');
    const inRules = new Set(rules.match(/tend_[a-z_]+/g) ?? []);
    expect([...inRules].filter((n) => !exposed.has(n.replace(/_(bucket|sum|count)$/, '')))).toEqual(
      [],
    );
  });
});
