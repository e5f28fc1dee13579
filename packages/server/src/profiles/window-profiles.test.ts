/**
 * Window profiles through ingestion on each database: each stored event counts once in its
 * window, version, segments and columns; a batch sent again changes nothing; batches sent at
 * once into one window all count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';
import { type ProfiledEvent, profileEvents, windowStart, windowStarts } from './window-profiles.js';

describe('windowStart', () => {
  it('floors an event time to its window', () => {
    expect(windowStart('2026-03-03T14:37:12.345Z', 3600)).toBe('2026-03-03T14:00:00.000Z');
    expect(windowStart('2026-03-03T14:37:12.345Z', 86400)).toBe('2026-03-03T00:00:00.000Z');
    expect(windowStart('2026-03-03T14:00:00.000Z', 900)).toBe('2026-03-03T14:00:00.000Z');
  });

  it('floors each time of a batch, in and out of order', () => {
    const times = ['14:10', '14:50', '15:00', '14:59', '13:00', '15:30'].map(
      (t) => `2026-03-03T${t}:00.000Z`,
    );
    expect(windowStarts(times, 3600)).toEqual(times.map((t) => windowStart(t, 3600)));
    expect(windowStarts(times, 3600).map((t) => t.slice(11, 13))).toEqual([
      '14',
      '14',
      '15',
      '14',
      '13',
      '15',
    ]);
  });
});

describe('profileEvents', () => {
  const events = (segment: (i: number) => Record<string, string> | undefined): ProfiledEvent[] =>
    Array.from({ length: 900 }, (_, i) => ({
      versionId: 1,
      window: i < 600 ? 'w1' : 'w2',
      features: { x: ((i * 7919) % 1013) / 10, plan: ['a', 'b', 'c'][i % 3] },
      prediction: i % 2,
      segment: segment(i),
    }));
  const whole = (deltas: ReturnType<typeof profileEvents>, window: string, column: string) => {
    const d = deltas.find((x) => x.segment === '' && x.window === window && x.column === column);
    if (d === undefined) throw new Error(`no '' profile of ${column} in ${window}`);
    return { events: d.events, summary: d.profile.summary() };
  };

  it("gives all events' profiles the same counts and moments when one segment key splits them", () => {
    const plain = profileEvents(events(() => undefined));
    // Every event has a region (which splits the batch); only some have a tier.
    const split = profileEvents(
      events((i) => ({
        region: ['EU', 'US', 'APAC'][i % 3],
        ...(i % 4 === 0 ? { tier: 'g' } : {}),
      })),
    );
    // No key on every event: all events are profiled directly.
    const unsplit = profileEvents(
      events((i): Record<string, string> => (i % 2 === 0 ? { region: 'EU' } : { tier: 'g' })),
    );
    for (const window of ['w1', 'w2']) {
      for (const column of ['feature:x', 'feature:plan', 'prediction']) {
        const a = whole(plain, window, column);
        for (const b of [whole(split, window, column), whole(unsplit, window, column)]) {
          expect(b.events).toBe(a.events);
          const { numbers: an, items: ai, ...ac } = a.summary;
          const { numbers: bn, items: bi, ...bc } = b.summary;
          expect(bc).toEqual(ac);
          if (an !== undefined) {
            expect(bn?.mean).toBeCloseTo(an.mean, 12);
            expect(bn?.std).toBeCloseTo(an.std as number, 12);
            expect([bn?.min, bn?.max]).toEqual([an.min, an.max]);
          }
          expect(bi?.distinct).toBe(ai?.distinct);
        }
      }
    }
    // Each segment is still profiled on its own.
    const eu = split.filter((d) => d.segment === 'region=EU' && d.column === 'prediction');
    expect(eu.map((d) => d.events)).toEqual([200, 100]);
  });
});

describe.each(testDialects())('window profiles on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  const post = (url: string, body: unknown) => sendJson(tend, 'POST', url, body);
  const profiles = async (query: string) =>
    (await tend.app.inject({ url: `/api/v1/models/m/profiles?${query}` })).json();

  /** Event i of a batch: hour 14 or 15 of 3 March, age i, plan a/b, region EU or US. */
  const event = (id: string, i: number) => ({
    id,
    version: 1,
    timestamp: new Date(Date.UTC(2026, 2, 3, 14 + (i % 2), i % 60)).toISOString(),
    features: { age: i, plan: i % 3 === 0 ? 'a' : 'b' },
    prediction: i % 2,
    probabilities: { '1': (i % 10) / 10 },
    latencyMs: 5,
    segment: { region: i % 4 === 0 ? 'EU' : 'US' },
  });

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect));
    await post('/api/v1/models', { name: 'm', task: 'binary_classification' });
    await post('/api/v1/models/m/versions', {});
  });
  afterAll(async () => dispose());

  it('profiles each stored event once in its window, segments and columns', async () => {
    const batch = Array.from({ length: 100 }, (_, i) => event(`a${i}`, i));
    expect((await post('/api/v1/models/m/predictions', batch)).json().accepted).toBe(100);
    expect((await post('/api/v1/models/m/predictions', batch)).json().duplicates).toBe(100);
    const age = await profiles('column=feature:age');
    expect(age.windowSeconds).toBe(3600);
    expect(
      age.profiles.map((p: { windowStart: string; events: number }) => [p.windowStart, p.events]),
    ).toEqual([
      ['2026-03-03T14:00:00.000Z', 50],
      ['2026-03-03T15:00:00.000Z', 50],
    ]);
    const evens = Array.from({ length: 50 }, (_, k) => 2 * k);
    const first = age.profiles[0].summary;
    expect(first.numbers.mean).toBeCloseTo(evens.reduce((s, x) => s + x, 0) / 50, 12);
    expect([first.numbers.min, first.numbers.max]).toEqual([0, 98]);
    const eu = await profiles('column=prediction&segment=region%3DEU');
    expect(eu.profiles.map((p: { events: number }) => p.events)).toEqual(
      [25, 0].filter((n) => n > 0),
    );
    const plan = await profiles('column=feature:plan&from=2026-03-03T15:00:00Z');
    expect(plan.profiles).toHaveLength(1);
    expect(plan.profiles[0].summary.items.distinct).toBe(2);
    const columns = await profiles('from=2026-03-03T14:00:00Z&to=2026-03-03T15:00:00Z');
    expect(columns.profiles.map((p: { column: string }) => p.column)).toEqual([
      'feature:age',
      'feature:plan',
      'latency_ms',
      'prediction',
      'score:1',
    ]);
  });

  it('counts every event of batches sent at once into one window, whatever their order', async () => {
    // Odd batches list their events backwards and their segments in the other order, so the
    // batches touch the same profile rows in different orders.
    const batches = Array.from({ length: 8 }, (_, b) => {
      const events = Array.from({ length: 50 }, (_, i) => {
        const e = { ...event(`c${b}_${i}`, 2 * i), timestamp: '2026-03-04T10:30:00Z' };
        const tier = i % 2 === 0 ? 'gold' : 'basic';
        e.segment = (
          b % 2 === 0 ? { region: e.segment.region, tier } : { tier, region: e.segment.region }
        ) as typeof e.segment;
        return e;
      });
      return b % 2 === 0 ? events : events.reverse();
    });
    const answers = await Promise.all(
      batches.map((batch) => post('/api/v1/models/m/predictions', batch)),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(answers.map((a) => a.json().accepted)).toEqual(Array(8).fill(50));
    const window = await profiles('column=feature:age&from=2026-03-04T10:00:00Z');
    expect(window.profiles.map((p: { events: number }) => p.events)).toEqual([400]);
    expect(window.profiles[0].summary.count).toBe(400);
    const gold = await profiles('column=feature:age&from=2026-03-04T10:00:00Z&segment=tier%3Dgold');
    expect(gold.profiles.map((p: { events: number }) => p.events)).toEqual([200]);
  });
});
