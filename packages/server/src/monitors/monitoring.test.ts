/**
 * Monitoring end to end through the HTTP API, on each database: a reference is set, two windows
 * of production arrive (one like the reference, one drifted, broken and wrong), labels join,
 * the loop evaluates the closed windows, results match @tend/core's own computation on the same
 * values, a rule raises an alert that reaches a local signed-webhook receiver, is acknowledged,
 * and resolves when a healthy window follows.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accuracyScore, createRng, ks2samp } from '@tend/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';
import { verifySignature } from '../webhooks/signature.js';

const SECRET = 'a-secret-of-at-least-16';
const rng = createRng(7);
const normal = () => {
  // Box–Muller on the seeded generator: the same events on every run.
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};
const pick = <T>(xs: T[]) => xs[Math.floor(rng.next() * xs.length)];

interface Row {
  age: number;
  plan: string;
  income: number | null;
  label: number;
}

function rows(n: number, shift = 0): Row[] {
  return Array.from({ length: n }, () => ({
    age: Math.round(40 + shift + 10 * normal()),
    plan: pick(['a', 'b', 'c']),
    income: Math.round(50_000 + 15_000 * normal()),
    label: rng.next() < 0.3 ? 1 : 0,
  }));
}

const reference = rows(2000);
const csv = [
  'age,plan,income,prediction,label',
  ...reference.map((r) => `${r.age},${r.plan},${r.income},${r.label},${r.label}`),
].join('\n');

/** Events of a window: `accuracy` of them predicted right, with a confident score. */
function events(prefix: string, start: string, data: Row[], accuracy: number) {
  const t0 = Date.parse(start);
  return data.map((r, i) => {
    const right = i < Math.round(accuracy * data.length);
    const prediction = right ? r.label : 1 - r.label;
    return {
      id: `${prefix}${i}`,
      timestamp: new Date(t0 + i * 1000).toISOString(),
      version: 1,
      features: { age: r.age, plan: r.plan, income: r.income },
      prediction,
      probabilities: { [String(prediction)]: 0.95, [String(1 - prediction)]: 0.05 },
      latencyMs: 5 + (i % 50),
      segment: { region: i % 2 === 0 ? 'EU' : 'US' },
    };
  });
}

describe.each(testDialects())('monitoring on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  let clock = '2026-03-01T09:00:00.000Z';
  let receiver: Server;
  const received: { body: string; headers: Record<string, string | string[] | undefined> }[] = [];

  const windowA = rows(500);
  const windowB = rows(500, 15).map((r, i) => ({
    ...r,
    plan: i % 10 === 0 ? 'd' : r.plan,
    income: i % 10 < 3 ? null : r.income,
  }));
  const eventsA = events('a', '2026-03-01T10:00:00.000Z', windowA, 0.9);
  const eventsB = events('b', '2026-03-01T11:00:00.000Z', windowB, 0.6);
  const labelsOf = (evs: ReturnType<typeof events>, data: Row[]) =>
    evs.map((e, i) => ({ id: e.id, label: data[i].label }));
  const results = async (monitor: string, query = '') =>
    (await tend.app.inject(`/api/v1/models/credit/monitors/${monitor}/results${query}`)).json()
      .results as {
      windowStart: string;
      metric: string;
      segment: string;
      value: number | null;
      status: string;
      detail: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        received.push({ body, headers: req.headers });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
    ({ tend, dispose } = await openTestApp(dialect, {
      now: () => clock,
      webhookDelivery: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 2 },
    }));
    expect(
      (
        await sendJson(tend, 'POST', '/api/v1/models', {
          name: 'credit',
          task: 'binary_classification',
        })
      ).statusCode,
    ).toBe(201);
    expect((await sendJson(tend, 'POST', '/api/v1/models/credit/versions', {})).statusCode).toBe(
      201,
    );
    const ref = await tend.app.inject({
      method: 'PUT',
      url: '/api/v1/models/credit/versions/1/reference?format=csv&prediction=prediction&label=label',
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(ref.statusCode).toBe(200);
    const put = (path: string, body: unknown) => sendJson(tend, 'PUT', path, body);
    expect(
      (await put('/api/v1/channels/hook', { type: 'webhook', settings: { url, secret: SECRET } }))
        .statusCode,
    ).toBe(201);
    for (const [name, kind, config] of [
      ['quality', 'data_quality', {}],
      ['drift', 'feature_drift', {}],
      ['drift-sketch', 'feature_drift', { exactLimit: 100 }],
      [
        'accuracy',
        'performance',
        {
          metric: 'accuracy',
          threshold: { warning: 0.85, alert: 0.8 },
          segments: ['region'],
          fairness: { attribute: 'region', maxGap: 0.1 },
        },
      ],
      ['ops', 'operations', { latencyP99Ms: { warning: 40, alert: 100 } }],
      ['outputs', 'outputs', { confidentWrong: 0.9 }],
    ] as const) {
      const r = await put(`/api/v1/models/credit/monitors/${name}`, { kind, config });
      expect(r.statusCode, r.body).toBe(201);
    }
    const rule = await put('/api/v1/models/credit/alert-rules/drifted', {
      monitor: 'drift',
      metric: 'feature:*',
      severity: 'critical',
      channels: ['hook'],
      labels: { team: 'risk' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    for (const batch of [eventsA, eventsB]) {
      const r = await sendJson(tend, 'POST', '/api/v1/models/credit/predictions', batch);
      expect(r.statusCode, r.body).toBe(200);
    }
    await sendJson(tend, 'POST', '/api/v1/models/credit/labels', [
      ...labelsOf(eventsA, windowA),
      ...labelsOf(eventsB, windowB),
    ]);
  });
  afterAll(async () => {
    await dispose();
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('evaluates nothing while the windows are open, then each closed window once', async () => {
    clock = '2026-03-01T10:59:59.999Z';
    expect(await tend.monitoring.tick()).toBe(0); // window A (10:00) closes at 11:00
    clock = '2026-03-01T11:30:00.000Z';
    expect(await tend.monitoring.tick()).toBe(1);
    clock = '2026-03-01T12:30:00.000Z';
    expect(await tend.monitoring.tick()).toBe(1);
    expect(await tend.monitoring.tick()).toBe(0);
  });

  it('tests drift exactly as @tend/core does on the same values, and finds the drifted window', async () => {
    const age = await results('drift', '?metric=feature:age');
    expect(age.map((r) => r.status)).toEqual(['ok', 'alert']);
    const refAges = reference.map((r) => r.age);
    for (const [r, data] of [
      [age[0], windowA],
      [age[1], windowB],
    ] as const) {
      const ks = ks2samp(
        refAges,
        data.map((d) => d.age),
      );
      expect(r.detail.exact).toBe(true);
      expect(r.detail.method).toBe('ks');
      expect(r.detail.statistic).toBe(ks.statistic);
      expect(r.detail.pValue).toBe(ks.pValue);
      expect(r.value).toBe(ks.statistic);
    }
    const share = await results('drift', '?metric=drifted_share');
    expect(share[1].value).toBeGreaterThan(0);
    // Only the latest window, and without details, as a dashboard asks for a year of windows.
    const latest = await results('drift', '?metric=feature:*&latest=true');
    expect(new Set(latest.map((r) => r.windowStart))).toEqual(new Set([age[1].windowStart]));
    expect(latest.length).toBeGreaterThan(1);
    const bare = await results('drift', '?metric=feature:age&detail=false');
    expect(bare.map((r) => [r.value, r.status])).toEqual(age.map((r) => [r.value, r.status]));
    expect(bare.every((r) => !('detail' in r))).toBe(true);
    expect(await results('drift', '?metric=no-such-metric&latest=true')).toEqual([]);
  });

  it('from sketches on a window over the exact limit, KS D within its stated bound of the exact one', async () => {
    const [exact, sketch] = [
      (await results('drift', '?metric=feature:age'))[1],
      (await results('drift-sketch', '?metric=feature:age'))[1],
    ];
    expect(sketch.detail.exact).toBe(false);
    const bound = sketch.detail.errorBound as number;
    expect(
      Math.abs((sketch.detail.statistic as number) - (exact.detail.statistic as number)),
    ).toBeLessThanOrEqual(bound);
    expect(sketch.status).toBe('alert');
    const plan = (await results('drift-sketch', '?metric=feature:plan'))[1];
    expect(plan.detail.method).toBe('chisquare');
  });

  it('finds new categories, missing values and the volume', async () => {
    const q = await results('quality', '?metric=*:plan');
    const newPlan = q.find(
      (r) => r.metric === 'new_category_share:plan' && r.windowStart.startsWith('2026-03-01T11'),
    );
    expect(newPlan?.value).toBeCloseTo(0.1, 12);
    expect(newPlan?.status).toBe('alert');
    expect(newPlan?.detail.unseen).toEqual(['d']);
    const income = (await results('quality', '?metric=missing_share:income')).map((r) => [
      r.value,
      r.status,
    ]);
    expect(income).toEqual([
      [0, 'ok'],
      [0.3, 'alert'],
    ]);
    const age = (await results('quality', '?metric=out_of_range_share:age'))[1];
    const [lo, hi] = [
      Math.min(...reference.map((r) => r.age)),
      Math.max(...reference.map((r) => r.age)),
    ];
    expect(age.value).toBe(windowB.filter((r) => r.age < lo || r.age > hi).length / 500);
  });

  it('measures performance once labels join, per segment, with the fairness gap', async () => {
    const acc = await results('accuracy', '?metric=accuracy');
    expect(acc.map((r) => [r.value, r.status])).toEqual([
      [
        accuracyScore(
          windowA.map((r) => r.label),
          eventsA.map((e) => e.prediction),
        ),
        'ok',
      ],
      [0.6, 'alert'],
    ]);
    const [low, high] = acc[0].detail.interval as [number, number];
    expect(low).toBeLessThan(0.9);
    expect(high).toBeGreaterThan(0.9);
    const bySegment = await results('accuracy', '?segment=*&metric=accuracy');
    expect(new Set(bySegment.map((r) => r.segment))).toEqual(
      new Set(['', 'region=EU', 'region=US']),
    );
    const gap = await results('accuracy', '?metric=fairness_gap:*');
    expect(gap).toHaveLength(2);
    expect(gap[0].detail.maxGap).toBe(0.1);
  });

  it('reads latency percentiles and confidently wrong predictions', async () => {
    const p99 = (await results('ops', '?metric=latency_p99_ms'))[0];
    expect(p99.value).toBe(54);
    expect(p99.status).toBe('warning');
    const wrong = await results('outputs', '?metric=confident_wrong_share');
    expect(wrong.map((r) => r.value)).toEqual([0.1, 0.4]);
  });

  it('raises one alert per drifted feature, sends it signed, and lists it', async () => {
    const list = (await tend.app.inject('/api/v1/alerts?model=credit&status=firing')).json()
      .alerts as {
      id: number;
      labels: Record<string, string>;
      severity: string;
      summary: string;
    }[];
    const age = list.find((a) => a.labels.metric === 'feature:age');
    expect(age?.labels).toMatchObject({ monitor: 'drift', version: '1', team: 'risk' });
    expect(age?.severity).toBe('critical');
    await tend.monitoring.notifier.drain();
    const firing = received.map((r) => JSON.parse(r.body)).filter((b) => b.type === 'alert.firing');
    expect(firing.length).toBe(list.length);
    const first = received[0];
    const h = first.headers;
    expect(
      verifySignature(
        SECRET,
        h['x-tend-event-id'] as string,
        Number(h['x-tend-timestamp']),
        first.body,
        h['x-tend-signature'],
      ),
    ).toBe(true);
    const one = (await tend.app.inject(`/api/v1/alerts/${age?.id}`)).json();
    expect(one.events.map((e: { action: string }) => e.action)).toEqual(['firing', 'sent']);
    expect(one.deliveries[0]).toMatchObject({
      channel: 'hook',
      status: 'delivered',
      alertStatus: 'firing',
    });
  });

  it('acknowledges and silences an alert, and a late label re-evaluates history without news', async () => {
    const [alert] = (await tend.app.inject('/api/v1/alerts?status=firing')).json().alerts;
    const ack = await sendJson(tend, 'POST', `/api/v1/alerts/${alert.id}/ack`, {
      comment: 'looking',
    });
    expect(ack.json()).toMatchObject({ ackedBy: 'anonymous' });
    const silence = await sendJson(tend, 'POST', `/api/v1/alerts/${alert.id}/silence`, {
      minutes: 90,
    });
    expect(silence.json().silencedUntil).toBe('2026-03-01T14:00:00.000Z');
    const both = await sendJson(tend, 'POST', `/api/v1/alerts/${alert.id}/silence`, {
      minutes: 1,
      until: '2030-01-01T00:00:00Z',
    });
    expect(both.statusCode).toBe(422);
    // A label corrected in window A: A is evaluated again, and no alert changes.
    await sendJson(tend, 'POST', '/api/v1/models/credit/labels', [
      { id: 'a0', label: 1 - windowA[0].label },
    ]);
    const before = (await tend.app.inject('/api/v1/alerts')).json().alerts.length;
    expect(await tend.monitoring.tick()).toBe(1);
    expect((await tend.app.inject('/api/v1/alerts')).json().alerts.length).toBe(before);
  });

  it('resolves the alerts when a healthy window follows, and tells the receiver', async () => {
    const windowC = rows(500);
    await sendJson(
      tend,
      'POST',
      '/api/v1/models/credit/predictions',
      events('c', '2026-03-01T12:00:00.000Z', windowC, 0.9),
    );
    clock = '2026-03-01T13:30:00.000Z';
    expect(await tend.monitoring.tick()).toBe(1);
    await tend.monitoring.notifier.drain();
    const alerts = (await tend.app.inject('/api/v1/alerts?model=credit')).json().alerts as {
      status: string;
      endsAt: string | null;
    }[];
    expect(alerts.every((a) => a.status === 'resolved' && a.endsAt === clock)).toBe(true);
    // The silenced one was not sent; the others were.
    const resolved = received
      .map((r) => JSON.parse(r.body))
      .filter((b) => b.type === 'alert.resolved');
    expect(resolved.length).toBe(alerts.length - 1);
  });

  it('exposes the latest drift scores, performance and firing alerts at /metrics', async () => {
    const body = (await tend.app.inject('/metrics')).body;
    expect(body).toMatch(
      /tend_feature_drift_score\{model="credit",version="1",feature="age"\} [0-9.e-]+/,
    );
    expect(body).toMatch(
      /tend_model_performance\{model="credit",version="1",metric="accuracy"\} 0\.6\n/,
    );
    expect(body).toContain(
      'tend_monitor_status{model="credit",version="1",monitor="drift",metric="feature:age"} 0',
    );
    expect(body).toContain(
      'tend_alert_deliveries_total{channel_type="webhook",outcome="delivered"}',
    );
  });

  it('evaluates on demand, and refuses settings that cannot work, naming the field', async () => {
    const now = await sendJson(tend, 'POST', '/api/v1/models/credit/monitors/evaluate', {
      version: 1,
    });
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json().windows).toEqual([
      expect.objectContaining({ version: 1, windowStart: '2026-03-01T12:00:00.000Z', events: 500 }),
    ]);
    const cases: [string, unknown, string][] = [
      [
        '/monitors/x',
        { kind: 'feature_drift', config: { exactLimit: -1 } },
        'body.config.exactLimit',
      ],
      ['/monitors/x', { kind: 'feature_drift', config: { nope: 1 } }, 'body.config.nope'],
      ['/monitors/x', { kind: 'performance', config: { metric: 'r2' } }, 'body.config.metric'],
      ['/monitors/x', { kind: 'performance', config: {} }, 'body.config.metric'],
      [
        '/monitors/x',
        { kind: 'decay', config: { monitor: 'drift', threshold: 0.8 } },
        'body.config.monitor',
      ],
      ['/alert-rules/x', { monitor: 'nope' }, 'body.monitor'],
      ['/alert-rules/x', { monitor: 'drift', channels: ['nope'] }, 'body.channels'],
    ];
    for (const [path, body, field] of cases) {
      const r = await sendJson(tend, 'PUT', `/api/v1/models/credit${path}`, body);
      expect(r.statusCode, path).toBe(422);
      expect(
        r.json().errors?.map((e: { field: string }) => e.field) ?? [r.json().field],
        JSON.stringify(body),
      ).toContain(field);
    }
    const bad = await sendJson(tend, 'PUT', '/api/v1/channels/x', {
      type: 'slack',
      settings: { url: 'ftp://x' },
    });
    expect(bad.statusCode).toBe(422);
    const inUse = await sendJson(tend, 'DELETE', '/api/v1/channels/hook', {});
    expect(inUse.statusCode).toBe(409);
    const never = await sendJson(tend, 'POST', '/api/v1/models/credit/monitors/evaluate', {
      window: '2020-01-01T00:00:00Z',
    });
    expect(never.statusCode).toBe(404);
  });
});
