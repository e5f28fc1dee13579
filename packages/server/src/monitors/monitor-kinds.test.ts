/**
 * The monitors the end-to-end test leaves out, through the HTTP API on each database: the
 * decay forecast on a metric falling in a straight line, a rule that waits for N consecutive
 * windows, training–serving skew on the first windows, label and prediction drift, an exact
 * test on a window larger than one page of events, and alerts kept alive in a real
 * Alertmanager, re-sent while firing and ended once resolved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAlertmanager, startAlertmanager } from '../../test/support/alertmanager.js';
import { tempDir } from '../../test/support/temp-files.js';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');

/** `n` events of day `day`, `right` of them predicted right; x shifted by `shift`. */
function day(prefix: string, dayIndex: number, n: number, right: number, shift = 0) {
  const events = Array.from({ length: n }, (_, i) => {
    const label = i % 2;
    return {
      id: `${prefix}${dayIndex}_${i}`,
      timestamp: new Date(T0 + dayIndex * DAY + i * 1000).toISOString(),
      version: 1,
      features: { x: (i % 50) + shift, color: i % 3 === 0 ? 'red' : 'blue' },
      prediction: i < right ? label : 1 - label,
      probabilities: { '1': i < right ? 0.8 : 0.3 },
      latencyMs: 10,
    };
  });
  const labels = events.map((e, i) => ({ id: e.id, label: i % 2 }));
  return { events, labels };
}

describe.each(testDialects())('monitor kinds on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  let clock = '2026-03-01T00:00:00.000Z';
  const tmp = tempDir('tend-kinds-');
  const results = async (model: string, monitor: string, query = '') =>
    (await tend.app.inject(`/api/v1/models/${model}/monitors/${monitor}/results${query}`)).json()
      .results as {
      windowStart: string;
      metric: string;
      value: number | null;
      status: string;
      detail: Record<string, unknown>;
    }[];
  const put = async (path: string, body: unknown) => {
    const r = await sendJson(tend, 'PUT', path, body);
    expect(r.statusCode, r.body).toBeLessThan(300);
  };

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect, {
      now: () => clock,
      webhookDelivery: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 },
    }));
    await sendJson(tend, 'POST', '/api/v1/models', {
      name: 'decaying',
      task: 'binary_classification',
      windowSeconds: 86_400,
    });
    await sendJson(tend, 'POST', '/api/v1/models/decaying/versions', {});
    const reference = [
      'x,color,prediction,label',
      ...Array.from(
        { length: 1000 },
        (_, i) => `${i % 50},${i % 3 === 0 ? 'red' : 'blue'},${i % 2},${i % 2}`,
      ),
    ].join('\n');
    const ref = await tend.app.inject({
      method: 'PUT',
      url: '/api/v1/models/decaying/versions/1/reference?format=csv&prediction=prediction&label=label',
      payload: reference,
      headers: { 'content-type': 'text/csv' },
    });
    expect(ref.statusCode, ref.body).toBe(200);
    await put('/api/v1/models/decaying/monitors/accuracy', {
      kind: 'performance',
      config: { metric: 'accuracy', bootstrap: 0 },
    });
    await put('/api/v1/models/decaying/monitors/forecast', {
      kind: 'decay',
      config: { monitor: 'accuracy', threshold: 0.8 },
    });
    await put('/api/v1/models/decaying/monitors/skew', { kind: 'skew', config: { windows: 2 } });
    await put('/api/v1/models/decaying/monitors/labels', { kind: 'label_drift' });
    await put('/api/v1/models/decaying/monitors/outputs', { kind: 'prediction_drift' });
    await put('/api/v1/models/decaying/alert-rules/low-accuracy', {
      monitor: 'accuracy',
      metric: 'accuracy',
      when: { below: 0.9 },
      for: 2,
      severity: 'warning',
    });
    // Accuracy 0.95, 0.92, 0.89, 0.86, 0.83: a straight line that reaches 0.80 a day later.
    // From day 2, x shifts by 30: the inputs drift, not in the first two days (the skew).
    for (const [d, right] of [95, 92, 89, 86, 83].entries()) {
      const { events, labels } = day('e', d, 100, right, d >= 2 ? 30 : 0);
      expect(
        (await sendJson(tend, 'POST', '/api/v1/models/decaying/predictions', events)).statusCode,
      ).toBe(200);
      expect(
        (await sendJson(tend, 'POST', '/api/v1/models/decaying/labels', labels)).statusCode,
      ).toBe(200);
    }
    clock = new Date(T0 + 5 * DAY + 60_000).toISOString();
    expect(await tend.monitoring.tick()).toBe(5);
  });
  afterAll(async () => {
    await dispose();
    tmp.remove();
  });

  it('forecasts when a metric falling in a straight line crosses its threshold', async () => {
    const acc = await results('decaying', 'accuracy', '?metric=accuracy');
    expect(acc.map((r) => r.value)).toEqual([0.95, 0.92, 0.89, 0.86, 0.83]);
    const forecast = await results('decaying', 'forecast');
    expect(forecast.map((r) => r.status)).toEqual([
      'no_data',
      'no_data',
      'alert',
      'alert',
      'alert',
    ]);
    const last = forecast[4];
    expect(last.metric).toBe('days_to_threshold:accuracy');
    expect(last.value).toBeCloseTo(1, 9);
    expect(last.detail.forecast).toBe('at this rate accuracy falls below 0.8 in about 1 day');
    expect(last.detail.slopePerDay).toBeCloseTo(-0.03, 12);
    expect(forecast[2].value).toBeCloseTo(3, 9); // 0.89 falls 0.09 at 0.03 a day
  });

  it('raises an alert only after the condition held for the windows the rule asks', async () => {
    const alerts = (await tend.app.inject('/api/v1/alerts?model=decaying')).json().alerts;
    expect(alerts).toHaveLength(1);
    // 0.89 is the first window below 0.9, 0.86 the second: the alert is raised there.
    expect(alerts[0]).toMatchObject({ status: 'firing', windowStart: '2026-03-05T00:00:00.000Z' });
    const one = (await tend.app.inject(`/api/v1/alerts/${alerts[0].id}`)).json();
    expect(one.events[0].detail).toContain('decaying v1 accuracy is ok (0.86)');
  });

  it('measures training–serving skew on the first windows, kept under the first', async () => {
    const skew = await results('decaying', 'skew', '?metric=feature:*');
    expect(new Set(skew.map((r) => r.windowStart))).toEqual(new Set(['2026-03-01T00:00:00.000Z']));
    expect(skew.map((r) => [r.metric, r.status])).toEqual([
      ['feature:color', 'ok'],
      ['feature:x', 'ok'],
    ]);
    expect(skew[0].detail.productionWindows).toMatchObject({ windows: 2, events: 200 });
  });

  it('finds label drift and prediction drift against the reference', async () => {
    // Labels half 0, half 1 every day, as in the reference: chi-square 0, p = 1.
    const labels = await results('decaying', 'labels', '?metric=label');
    expect(labels.map((r) => [r.status, r.detail.statistic, r.detail.pValue])).toEqual(
      Array(5).fill(['ok', 0, 1]),
    );
    const outputs = await results('decaying', 'outputs', '?metric=prediction');
    expect(outputs).toHaveLength(5);
    expect(outputs[0].detail.exact).toBe(true);
    expect(outputs[0].detail.method).toBe('chisquare');
  });

  it('tests a window larger than one page of events exactly, on every event', async () => {
    await sendJson(tend, 'POST', '/api/v1/models', { name: 'big', task: 'regression' });
    await sendJson(tend, 'POST', '/api/v1/models/big/versions', {});
    const ref = ['x,k', ...Array.from({ length: 2000 }, (_, i) => `${i % 100},a`)].join('\n');
    await tend.app.inject({
      method: 'PUT',
      url: '/api/v1/models/big/versions/1/reference?format=csv',
      payload: ref,
      headers: { 'content-type': 'text/csv' },
    });
    await put('/api/v1/models/big/monitors/drift', {
      kind: 'feature_drift',
      config: { exactLimit: 20_000 },
    });
    for (let b = 0; b < 12; b++) {
      const batch = Array.from({ length: 1000 }, (_, i) => ({
        id: `g${b}_${i}`,
        // Many events share a time: the pages must neither skip nor repeat them.
        timestamp: new Date(T0 + 6 * DAY + Math.floor((b * 1000 + i) / 7) * 1000).toISOString(),
        version: 1,
        features: { x: ((b * 1000 + i) % 100) + (b >= 6 ? 50 : 0) },
        prediction: 1,
      }));
      expect(
        (await sendJson(tend, 'POST', '/api/v1/models/big/predictions', batch)).statusCode,
      ).toBe(200);
    }
    const done = (await sendJson(tend, 'POST', '/api/v1/models/big/monitors/evaluate', {})).json();
    expect(done.windows[0].events).toBe(12_000);
    const x = done.results.find((r: { metric: string }) => r.metric === 'feature:x');
    expect(x.detail).toMatchObject({ exact: true, currentValues: 12_000, referenceValues: 2000 });
    // Half the window moved up by 50 on a uniform 0…99: the CDFs part by a quarter at 49.
    expect(x.detail.statistic).toBeCloseTo(0.25, 12);
  });

  it('expects a window to hold what the same hour held on earlier days (the median)', async () => {
    await sendJson(tend, 'POST', '/api/v1/models', { name: 'steady', task: 'regression' });
    await sendJson(tend, 'POST', '/api/v1/models/steady/versions', {});
    await put('/api/v1/models/steady/monitors/quality', { kind: 'data_quality' });
    // 10:00–11:00 on four days: 100, 120 and 80 events, then 40.
    for (const [d, n] of [100, 120, 80, 40].entries()) {
      const events = Array.from({ length: n }, (_, i) => ({
        id: `v${d}_${i}`,
        timestamp: new Date(T0 + 20 * DAY + d * DAY + 10 * 3_600_000 + i * 1000).toISOString(),
        version: 1,
        features: { x: i },
        prediction: i,
      }));
      expect(
        (await sendJson(tend, 'POST', '/api/v1/models/steady/predictions', events)).statusCode,
      ).toBe(200);
    }
    const done = (
      await sendJson(tend, 'POST', '/api/v1/models/steady/monitors/evaluate', {})
    ).json();
    const volume = done.results.find((r: { metric: string }) => r.metric === 'volume_ratio');
    expect([volume.value, volume.status]).toEqual([0.4, 'alert']);
    expect(volume.detail).toMatchObject({ events: 40, expected: 100, windows: 3, periodHours: 24 });
  });

  it('counts failed calls as the error rate, storing why each failed', async () => {
    await sendJson(tend, 'POST', '/api/v1/models', { name: 'flaky', task: 'regression' });
    await sendJson(tend, 'POST', '/api/v1/models/flaky/versions', {});
    await put('/api/v1/models/flaky/monitors/ops', { kind: 'operations' });
    const events = Array.from({ length: 100 }, (_, i) => ({
      id: `f${i}`,
      timestamp: new Date(T0 + 8 * DAY + i * 1000).toISOString(),
      version: 1,
      features: { x: i },
      ...(i < 7 ? { prediction: null, error: 'upstream timeout' } : { prediction: i }),
    }));
    expect(
      (await sendJson(tend, 'POST', '/api/v1/models/flaky/predictions', events)).statusCode,
    ).toBe(200);
    const done = (
      await sendJson(tend, 'POST', '/api/v1/models/flaky/monitors/evaluate', {})
    ).json();
    const rate = done.results.find((r: { metric: string }) => r.metric === 'error_rate');
    expect([rate.value, rate.status, rate.detail]).toEqual([
      0.07,
      'alert',
      { errors: 7, events: 100 },
    ]);
    const row = await tend.ctx.db
      .selectFrom('predictions')
      .select(['error', 'prediction'])
      .where('event_id', '=', 'f0')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ error: 'upstream timeout', prediction: 'null' });
  });

  describe.runIf(hasAlertmanager)('with a real Alertmanager', () => {
    let am: Awaited<ReturnType<typeof startAlertmanager>>;
    beforeAll(async () => {
      am = await startAlertmanager(tmp);
    });
    afterAll(async () => am?.stop());

    const active = async () =>
      (await (await fetch(`${am.url}/api/v2/alerts?active=true`)).json()) as {
        labels: Record<string, string>;
        endsAt: string;
      }[];

    it('keeps a firing alert alive there, and ends it once resolved', async () => {
      await put(`/api/v1/channels/am-${dialect}`, {
        type: 'alertmanager',
        settings: { url: am.url },
      });
      await sendJson(tend, 'POST', '/api/v1/models', { name: 'slow', task: 'regression' });
      await sendJson(tend, 'POST', '/api/v1/models/slow/versions', {});
      await put('/api/v1/models/slow/monitors/ops', {
        kind: 'operations',
        config: { latencyP99Ms: { alert: 100 } },
      });
      await put('/api/v1/models/slow/alert-rules/latency', {
        monitor: 'ops',
        metric: 'latency_p99_ms',
        severity: 'critical',
        channels: [`am-${dialect}`],
      });
      const send = (hour: number, latency: number) =>
        sendJson(
          tend,
          'POST',
          '/api/v1/models/slow/predictions',
          Array.from({ length: 50 }, (_, i) => ({
            id: `s${hour}_${i}`,
            timestamp: new Date(T0 + 7 * DAY + hour * 3_600_000 + i * 1000).toISOString(),
            version: 1,
            features: { x: i },
            prediction: i,
            latencyMs: latency,
          })),
        );
      // Real time here: Alertmanager compares endsAt with its own clock.
      const now = Date.now();
      clock = new Date(now).toISOString();
      await send(0, 500);
      await tend.monitoring.evaluate('slow');
      await tend.monitoring.notifier.drain();
      const firing = (await active()).filter((a) => a.labels.model === 'slow');
      expect(firing).toHaveLength(1);
      expect(firing[0].labels).toMatchObject({
        alertname: 'latency',
        severity: 'critical',
        metric: 'latency_p99_ms',
        source: 'tend',
      });
      // A minute on, the loop sends it again (Alertmanager would forget it otherwise).
      clock = new Date(now + 61_000).toISOString();
      await tend.monitoring.tick();
      const [alert] = (await tend.app.inject('/api/v1/alerts?model=slow')).json().alerts;
      const deliveries = (await tend.app.inject(`/api/v1/alerts/${alert.id}`)).json().deliveries;
      expect(deliveries.map((d: { alertStatus: string }) => d.alertStatus)).toEqual([
        'firing',
        'firing',
      ]);
      // A fast hour resolves it, and Alertmanager no longer lists it as active (it ends at
      // Tend's clock, which must not be ahead of Alertmanager's).
      clock = new Date().toISOString();
      await send(1, 20);
      await tend.monitoring.evaluate('slow', {
        window: new Date(T0 + 7 * DAY + 3_600_000).toISOString(),
      });
      await tend.monitoring.notifier.drain();
      expect((await active()).filter((a) => a.labels.model === 'slow')).toEqual([]);
    });
  });
});
