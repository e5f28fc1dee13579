/**
 * A version's reference on each database: from an uploaded CSV (profiles of every column and a
 * bounded seeded sample), from the version's production windows, read back, and refused with
 * the file's own name and line when the file is bad.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';
import { REFERENCE_SAMPLE, sampleRows } from './reference.js';

describe('sampleRows', () => {
  it('draws the same sorted, distinct rows for the same seed, all rows when few', () => {
    const a = sampleRows(100_000, 1000, 3);
    expect(a).toEqual(sampleRows(100_000, 1000, 3));
    expect(a).not.toEqual(sampleRows(100_000, 1000, 4));
    expect(new Set(a).size).toBe(1000);
    expect(a.every((x, i) => i === 0 || x > a[i - 1])).toBe(true);
    // Uniform: about a tenth of the rows fall in each tenth of the range.
    const tenths = Array.from(
      { length: 10 },
      (_, t) => a.filter((x) => Math.floor(x / 10_000) === t).length,
    );
    expect(Math.min(...tenths)).toBeGreaterThan(60);
    expect(sampleRows(3, 10, 1)).toEqual([0, 1, 2]);
  });
});

describe.each(testDialects())('references on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  const json = (method: string, url: string, body?: unknown) =>
    tend.app.inject({
      method: method as 'POST',
      url,
      ...(body === undefined
        ? {}
        : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
  const upload = (query: string, body: string) =>
    tend.app.inject({
      method: 'PUT',
      url: `/api/v1/models/m/versions/1/reference?${query}`,
      payload: body,
      headers: { 'content-type': 'text/csv' },
    });

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect));
    await json('POST', '/api/v1/models', { name: 'm', task: 'binary_classification' });
    await json('POST', '/api/v1/models/m/versions', {});
  });
  afterAll(async () => dispose());

  it('profiles every column of an uploaded file and keeps a bounded sample', async () => {
    const rows = Array.from(
      { length: 6000 },
      (_, i) => `${i % 90},${i % 3 === 0 ? 'a' : 'b'},${(i % 10) / 10},${i % 2},x${i}`,
    );
    const csv = `age,plan,score,y,request\n${rows.join('\n')}\n`;
    const res = await upload('name=train.csv&prediction=score&label=y&ignore=request', csv);
    expect(res.statusCode).toBe(200);
    const ref = res.json();
    expect(ref).toMatchObject({ model: 'm', version: 1, source: 'train.csv' });
    expect(ref.columns.map((c: { column: string }) => c.column)).toEqual([
      'feature:age',
      'feature:plan',
      'label',
      'prediction',
    ]);
    const age = ref.columns[0];
    expect([age.events, age.sampled]).toEqual([6000, REFERENCE_SAMPLE]);
    const mean = Array.from({ length: 6000 }, (_, i) => i % 90).reduce((s, x) => s + x, 0) / 6000;
    expect(age.summary.numbers.mean).toBeCloseTo(mean, 10);
    expect(ref.columns[1].summary.items.top.map((t: { value: string }) => t.value)).toEqual([
      'b',
      'a',
    ]);
    expect((await json('GET', '/api/v1/models/m/versions/1/reference')).json()).toEqual(ref);
    const audit = (await json('GET', '/api/v1/audit?action=version.reference.set')).json().events;
    expect(audit[0].after).toEqual({
      source: 'train.csv',
      columns: ['feature:age', 'feature:plan', 'prediction', 'label'],
      rows: 6000,
    });
  });

  it('refuses a bad file with its own name and line, and a column it does not have', async () => {
    const ragged = await upload('name=train.csv', 'a,b\n1,2\n3\n');
    expect(ragged.statusCode).toBe(422);
    expect(ragged.json().detail).toBe('train.csv:3: row has 1 field, the header has 2');
    const missing = await upload('name=train.csv&prediction=score', 'a,b\n1,2\n');
    expect([missing.statusCode, missing.json().detail]).toEqual([
      422,
      'prediction column "score" is not in the file',
    ]);
    expect((await json('GET', '/api/v1/models/m/versions/2/reference')).statusCode).toBe(404);
  });

  it("takes a reference from the version's production windows", async () => {
    const events = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      version: 1,
      timestamp: `2026-03-0${1 + (i % 3)}T12:00:00Z`,
      features: { age: i, plan: 'a' },
      prediction: i % 2,
    }));
    await json('POST', '/api/v1/models/m/predictions', events);
    const empty = await json('POST', '/api/v1/models/m/versions/1/reference/from-production', {
      from: '2025-01-01',
      to: '2025-02-01',
    });
    expect(empty.statusCode).toBe(422);
    const res = await json('POST', '/api/v1/models/m/versions/1/reference/from-production', {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-03T00:00:00Z',
    });
    expect(res.statusCode).toBe(200);
    const ref = res.json();
    expect(ref.source).toBe('production 2026-03-01T00:00:00.000Z to 2026-03-03T00:00:00.000Z');
    const age = ref.columns.find((c: { column: string }) => c.column === 'feature:age');
    // Days 1 and 2 of the three: i % 3 of 0 or 1.
    const kept = events.filter((_, i) => i % 3 !== 2);
    expect([age.events, age.sampled]).toEqual([kept.length, kept.length]);
    expect(age.summary.numbers.mean).toBeCloseTo(
      kept.reduce((s, e) => s + e.features.age, 0) / kept.length,
      10,
    );
  });

  it('samples a range of more events than a page, uniformly and without holding their ids', async () => {
    for (let b = 0; b < 12; b++) {
      const batch = Array.from({ length: 1000 }, (_, i) => ({
        id: `big${b}_${i}`,
        version: 1,
        // Many events share a second: the pages must neither skip nor repeat them.
        timestamp: new Date(
          Date.parse('2026-04-01T00:00:00Z') + Math.floor((b * 1000 + i) / 9) * 1000,
        ).toISOString(),
        features: { age: b * 1000 + i },
        prediction: 0,
      }));
      expect((await json('POST', '/api/v1/models/m/predictions', batch)).statusCode).toBe(200);
    }
    const res = await json('POST', '/api/v1/models/m/versions/1/reference/from-production', {
      from: '2026-04-01T00:00:00Z',
      to: '2026-04-02T00:00:00Z',
    });
    expect(res.statusCode).toBe(200);
    const age = res.json().columns.find((c: { column: string }) => c.column === 'feature:age');
    expect([age.events, age.sampled]).toEqual([12_000, REFERENCE_SAMPLE]);
    const row = await tend.ctx.db
      .selectFrom('reference_profiles')
      .select('sample')
      .where('column_name', '=', 'feature:age')
      .executeTakeFirstOrThrow();
    const sample = JSON.parse(row.sample) as number[];
    expect(new Set(sample).size).toBe(REFERENCE_SAMPLE); // each event drawn once
    // Drawn across the whole range: as many from each half, give or take the sampling noise.
    const early = sample.filter((a) => a < 6000).length;
    expect(Math.abs(early - REFERENCE_SAMPLE / 2)).toBeLessThan(200);
  });
});
