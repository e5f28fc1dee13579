/**
 * Windows of a count of predictions, on each database: each version's events fill a window of
 * `windowEvents` after another in the order they are stored, duplicates take no place, a
 * window closes when the next opens, and windows of a batch sharing one time still sort.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';

const T0 = Date.parse('2026-05-01T00:00:00.000Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString();

describe.each(testDialects())('count windows on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  const events = (from: number, n: number, time?: (i: number) => string) =>
    Array.from({ length: n }, (_, k) => {
      const i = from + k;
      return {
        id: `e${i}`,
        ...(time === undefined ? {} : { timestamp: time(i) }),
        version: 1,
        features: { x: i },
        prediction: i,
        latencyMs: 5,
      };
    });
  const windows = async (model: string) =>
    (
      await tend.ctx.db
        .selectFrom('window_profiles')
        .innerJoin('models', 'models.id', 'window_profiles.model_id')
        .select(['window_profiles.window_start', 'window_profiles.events'])
        .where('models.name', '=', model)
        .where('window_profiles.segment', '=', '')
        .where('window_profiles.column_name', '=', 'prediction')
        .orderBy('window_profiles.window_start')
        .execute()
    ).map((r) => [r.window_start, r.events]);

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect, { now: () => at(10_000) }));
    const created = await sendJson(tend, 'POST', '/api/v1/models', {
      name: 'counted',
      task: 'regression',
      windowEvents: 100,
    });
    expect(created.json()).toMatchObject({ windowEvents: 100, windowSeconds: 3600 });
    await sendJson(tend, 'POST', '/api/v1/models/counted/versions', {});
    await sendJson(tend, 'PUT', '/api/v1/models/counted/monitors/ops', { kind: 'operations' });
  });
  afterAll(async () => dispose());

  it('fills windows of 100 events in the order they arrive; a batch sent again takes no place', async () => {
    const first = events(0, 150, (i) => at(i));
    expect(
      (await sendJson(tend, 'POST', '/api/v1/models/counted/predictions', first)).json().accepted,
    ).toBe(150);
    expect(
      (await sendJson(tend, 'POST', '/api/v1/models/counted/predictions', first)).json().duplicates,
    ).toBe(150);
    // 60 more, 10 of them already sent: 50 close the second window, none opens a third.
    const second = [...events(140, 10, (i) => at(i)), ...events(150, 50, (i) => at(i))];
    expect(
      (await sendJson(tend, 'POST', '/api/v1/models/counted/predictions', second)).json().accepted,
    ).toBe(50);
    expect(await windows('counted')).toEqual([
      [at(0), 100],
      [at(100), 100],
    ]);
    await sendJson(
      tend,
      'POST',
      '/api/v1/models/counted/predictions',
      events(200, 10, (i) => at(i)),
    );
    expect(await windows('counted')).toEqual([
      [at(0), 100],
      [at(100), 100],
      [at(200), 10],
    ]);
  });

  it('closes a window when the next one opens, and measures its rate over its own span', async () => {
    expect(await tend.monitoring.tick()).toBe(2); // the third is still open
    expect(await tend.monitoring.tick()).toBe(0);
    const rates = (
      await tend.app.inject('/api/v1/models/counted/monitors/ops/results?metric=events_per_second')
    ).json().results;
    // 100 events a second apart: the first at 0 s, the last at 99 s.
    expect(rates.map((r: { value: number }) => r.value)).toEqual([100 / 99, 100 / 99]);
    const now = (
      await sendJson(tend, 'POST', '/api/v1/models/counted/monitors/evaluate', { window: at(150) })
    ).json();
    expect(now.windows).toEqual([expect.objectContaining({ windowStart: at(100), events: 100 })]);
  });

  it('keeps windows of one batch apart when its events share a time', async () => {
    await sendJson(tend, 'POST', '/api/v1/models', { name: 'untimed', task: 'regression' });
    await sendJson(tend, 'PATCH', '/api/v1/models/untimed', {
      windowEvents: 100,
      windowSeconds: 7200,
    });
    const model = (await tend.app.inject('/api/v1/models/untimed')).json();
    expect([model.windowEvents, model.windowSeconds]).toEqual([100, 7200]);
    await sendJson(tend, 'POST', '/api/v1/models/untimed/versions', {});
    // No timestamps: every event gets the time it was received, the same for the batch.
    await sendJson(tend, 'POST', '/api/v1/models/untimed/predictions', events(0, 250));
    const t = at(10_000);
    const next = (ms: number) => new Date(Date.parse(t) + ms).toISOString();
    expect(await windows('untimed')).toEqual([
      [t, 100],
      [next(1), 100],
      [next(2), 50],
    ]);
    const back = await sendJson(tend, 'PATCH', '/api/v1/models/untimed', { windowEvents: null });
    expect(back.json().windowEvents).toBe(null);
  });
});
