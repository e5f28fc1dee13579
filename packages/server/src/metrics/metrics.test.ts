/**
 * `/metrics` after some traffic: ingestion, refusals, findings, reported latency, requests by
 * route pattern, the registry's size, monitor results and firing alerts, in a text Prometheus's own `promtool check metrics`
 * accepts without a complaint (Debian's `prometheus` package; `.ci/run` installs it).
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import type { TendApp } from '../http/app.js';

const PROMTOOL = '/usr/bin/promtool';
const hasPromtool = spawnSync(PROMTOOL, ['--version']).status === 0;
if (!hasPromtool && process.env.CI === 'true') {
  throw new Error(
    `${PROMTOOL} is missing: in CI the metrics must be checked by promtool (.ci/run installs prometheus)`,
  );
}

let tend: TendApp;
let dispose: () => Promise<void>;
const post = (url: string, body: unknown) => sendJson(tend, 'POST', url, body);

beforeAll(async () => {
  ({ tend, dispose } = await openTestApp('sqlite'));
  await post('/api/v1/models', { name: 'churn', task: 'binary_classification' });
  await post('/api/v1/models/churn/versions', { inputSchema: [{ name: 'age', type: 'integer' }] });
  const events = [
    { id: 'a', version: 1, features: { age: 30 }, prediction: 0, latencyMs: 4 },
    { id: 'b', version: 1, features: { age: 'x' }, prediction: 1, latencyMs: 40 },
  ];
  await post('/api/v1/models/churn/predictions', events);
  await post('/api/v1/models/churn/predictions', events);
  await post('/api/v1/models/churn/predictions', [
    { id: 'c', version: 9, features: {}, prediction: 0 },
  ]);
  await post('/api/v1/models/no-such-model/predictions', [
    { id: 'c', features: {}, prediction: 0 },
  ]);
  // A monitor evaluated and a rule firing, so the monitor and alert gauges hold values too.
  await sendJson(tend, 'PUT', '/api/v1/models/churn/monitors/ops', {
    kind: 'operations',
    config: { latencyP99Ms: { alert: 10 } },
  });
  await sendJson(tend, 'PUT', '/api/v1/models/churn/alert-rules/slow', {
    monitor: 'ops',
    metric: 'latency_*',
  });
  await post('/api/v1/models/churn/monitors/evaluate', {});
});
afterAll(async () => dispose());

describe('/metrics', () => {
  it('counts ingestion, refusals, findings, latency, requests and the registry', async () => {
    const res = await tend.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    const line = (prefix: string) => text.split('\n').find((l) => l.startsWith(prefix));
    expect(
      line('tend_ingested_events_total{model="churn",kind="prediction",outcome="accepted"}'),
    ).toMatch(/ 2$/);
    expect(
      line('tend_ingested_events_total{model="churn",kind="prediction",outcome="duplicate"}'),
    ).toMatch(/ 2$/);
    expect(line('tend_ingest_refused_batches_total{model="churn",kind="prediction"}')).toMatch(
      / 1$/,
    );
    expect(text).not.toContain('no-such-model');
    expect(line('tend_data_quality_findings_total{model="churn",finding="type"}')).toMatch(/ 1$/);
    expect(
      line('tend_prediction_latency_seconds_bucket{le="0.005",model="churn",version="1"}'),
    ).toMatch(/ 2$/);
    expect(line('tend_prediction_latency_seconds_count{model="churn",version="1"}')).toMatch(/ 4$/);
    expect(
      line(
        'tend_http_requests_total{method="POST",route="/api/v1/models/:model/predictions",status="200"}',
      ),
    ).toMatch(/ 2$/);
    expect(line('tend_registry_models ')).toBe('tend_registry_models 1');
    expect(line('tend_registry_versions{model="churn"}')).toBe(
      'tend_registry_versions{model="churn"} 1',
    );
    expect(text).toContain('tend_process_resident_memory_bytes');
    expect(
      line('tend_monitor_status{model="churn",version="1",monitor="ops",metric="latency_p99_ms"}'),
    ).toMatch(/ 2$/);
    expect(line('tend_alerts_firing{model="churn",severity="warning"}')).toMatch(/ 1$/);
    expect(line('tend_monitor_evaluation_seconds_count{model="churn"}')).toMatch(/ 1$/);
  });

  it.runIf(hasPromtool)('passes promtool check metrics', async () => {
    const res = await tend.app.inject({ url: '/metrics' });
    const check = spawnSync(PROMTOOL, ['check', 'metrics'], { input: res.body, encoding: 'utf8' });
    expect(check.stdout + check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});
