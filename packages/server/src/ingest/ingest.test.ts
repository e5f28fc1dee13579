/**
 * Production events through the HTTP API on each database: a batch is stored whole or refused
 * whole, idempotent by event id, as JSON or NDJSON; schema mismatches are counted (or refused
 * in strict mode); labels replace earlier labels; feedback is stored once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';

describe.each(testDialects())('ingestion on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;

  const send = (method: string, url: string, body: unknown, type = 'application/json') =>
    tend.app.inject({
      method: method as 'POST',
      url,
      payload: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': type },
    });
  const stored = async () =>
    (
      await tend.ctx.db.selectFrom('predictions').select('event_id').orderBy('event_id').execute()
    ).map((r) => r.event_id);

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect, { ingestBodyLimit: 200_000 }));
    await send('POST', '/api/v1/models', { name: 'churn', task: 'binary_classification' });
    await send('POST', '/api/v1/models/churn/versions', {
      inputSchema: [
        { name: 'age', type: 'integer' },
        { name: 'plan', type: 'categorical', categories: ['a', 'b'] },
        { name: 'income', type: 'double', nullable: true },
      ],
    });
    await send('POST', '/api/v1/models/churn/versions', {});
    await send('PUT', '/api/v1/models/churn/aliases/champion', { version: 1 });
  });
  afterAll(async () => dispose());

  it('stores values as sent: a null stays missing, a number sent as text stays text', async () => {
    const r = await send('POST', '/api/v1/models/churn/predictions', [
      { id: 'raw1', version: 1, features: { age: '31', plan: 'a', income: null }, prediction: '1' },
    ]);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().findings.byFeature).toEqual({ age: { type: 1 } });
    const row = await tend.ctx.db
      .selectFrom('predictions')
      .select(['features', 'prediction'])
      .where('event_id', '=', 'raw1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.features)).toEqual({ age: '31', plan: 'a', income: null });
    expect(JSON.parse(row.prediction)).toBe('1');
    await tend.ctx.db.deleteFrom('predictions').where('event_id', '=', 'raw1').execute();
  });

  it('stores a batch once, counts what does not match the input schema, and takes NDJSON', async () => {
    const batch = [
      {
        id: 'p1',
        version: 1,
        features: { age: 31, plan: 'a', income: null },
        prediction: 0,
        probabilities: { '0': 0.8, '1': 0.2 },
        latencyMs: 12,
      },
      {
        id: 'p2',
        alias: 'champion',
        features: { age: 31.5, plan: 'c', extra: 1 },
        prediction: 1,
        segment: { region: 'EU' },
      },
      { id: 'p3', timestamp: '2026-03-03T14:00:00+01:00', features: { plan: 'b' }, prediction: 0 },
      { id: 'p4', version: 2, features: { anything: 'goes' }, prediction: 1 },
    ];
    const first = await send('POST', '/api/v1/models/churn/predictions', batch);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({
      accepted: 4,
      duplicates: 0,
      findings: {
        missing: 1,
        type: 1,
        category: 1,
        unexpected: 1,
        byFeature: {
          age: { type: 1, missing: 1 },
          plan: { category: 1 },
          extra: { unexpected: 1 },
        },
      },
    });
    const again = await send('POST', '/api/v1/models/churn/predictions', batch);
    expect([again.json().accepted, again.json().duplicates]).toEqual([0, 4]);
    const p3 = await tend.ctx.db
      .selectFrom('predictions')
      .selectAll()
      .where('event_id', '=', 'p3')
      .executeTakeFirstOrThrow();
    expect(p3.ts).toBe('2026-03-03T13:00:00.000Z');
    expect(JSON.parse(p3.quality as string)).toEqual([{ feature: 'age', kind: 'missing' }]);
    const ndjson =
      '{"id":"p5","version":2,"features":{},"prediction":1}\n\n{"id":"p5","version":2,"features":{},"prediction":1}\n';
    const lines = await send(
      'POST',
      '/api/v1/models/churn/predictions',
      ndjson,
      'application/x-ndjson',
    );
    expect([lines.json().accepted, lines.json().duplicates]).toEqual([1, 1]);
    expect(await stored()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('refuses a batch with an event it cannot store, naming each, and writes none of it', async () => {
    const bad = await send('POST', '/api/v1/models/churn/predictions', [
      { id: 'n1', version: 1, features: { age: 1, plan: 'a' }, prediction: 0 },
      { id: 'n2', version: 9, features: {}, prediction: 0 },
      { id: 'n3', alias: 'canary', features: {}, prediction: 0 },
    ]);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { field: 'body.1.version', message: 'model "churn" has no version 9' },
      { field: 'body.2.alias', message: 'model "churn" has no alias "canary"' },
    ]);
    expect(bad.json().detail).toMatch(
      /^2 of 3 events cannot be stored .*nothing of this batch was written$/,
    );
    const shape = await send('POST', '/api/v1/models/churn/predictions', [
      { id: 'n4', features: {} },
    ]);
    expect([shape.statusCode, shape.json().errors[0].field]).toEqual([422, 'body.0.prediction']);
    const line = await send(
      'POST',
      '/api/v1/models/churn/predictions',
      '{"id":"n5"}\n{oops\n',
      'application/x-ndjson',
    );
    expect([line.statusCode, line.json().detail]).toEqual([
      422,
      expect.stringMatching(/^line 2 is not JSON/),
    ]);
    const empty = await send('POST', '/api/v1/models/churn/predictions', []);
    expect(empty.statusCode).toBe(422);
    const huge = Array.from({ length: 3000 }, (_, i) => ({
      id: `h${i}`,
      version: 2,
      features: { text: 'x'.repeat(50) },
      prediction: 0,
    }));
    expect((await send('POST', '/api/v1/models/churn/predictions', huge)).statusCode).toBe(413);
    const nobody = await send('POST', '/api/v1/models/nobody/predictions', [
      { id: 'x', features: {}, prediction: 0 },
    ]);
    expect(nobody.statusCode).toBe(404);
    expect(await stored()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('in strict mode refuses events that do not match the input schema', async () => {
    await send('PATCH', '/api/v1/models/churn', { strictInputs: true });
    const res = await send('POST', '/api/v1/models/churn/predictions', [
      { id: 's1', version: 1, features: { age: 40, plan: 'a' }, prediction: 0 },
      { id: 's2', version: 1, features: { age: 'forty', plan: 'a' }, prediction: 0 },
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'body.1.features.age', message: 'is not of the type integer' },
    ]);
    await send('PATCH', '/api/v1/models/churn', { strictInputs: false });
    expect(await stored()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5']);
  });

  it('keeps the last label of a prediction, and feedback once by its id', async () => {
    const labels = await send('POST', '/api/v1/models/churn/labels', [
      { id: 'p1', label: 0 },
      { id: 'p1', label: 1 },
      { id: 'not-yet-predicted', label: 1 },
    ]);
    expect(labels.json()).toEqual({ accepted: 2, replaced: 0 });
    const corrected = await send('POST', '/api/v1/models/churn/labels', [
      { id: 'p1', label: 0, timestamp: '2026-03-10T00:00:00Z' },
    ]);
    expect(corrected.json()).toEqual({ accepted: 1, replaced: 1 });
    const p1 = await tend.ctx.db
      .selectFrom('labels')
      .selectAll()
      .where('event_id', '=', 'p1')
      .executeTakeFirstOrThrow();
    expect([p1.label, p1.ts]).toEqual(['0', '2026-03-10T00:00:00.000Z']);
    const fb = [{ id: 'f1', predictionId: 'p1', thumbs: 'down', comment: 'wrong again' }];
    expect((await send('POST', '/api/v1/models/churn/feedback', fb)).json()).toEqual({
      accepted: 1,
      duplicates: 0,
    });
    expect((await send('POST', '/api/v1/models/churn/feedback', fb)).json()).toEqual({
      accepted: 0,
      duplicates: 1,
    });
    const silent = await send('POST', '/api/v1/models/churn/feedback', [
      { id: 'f2', predictionId: 'p1', timestamp: '2026-03-10T00:00:00Z' },
    ]);
    expect([silent.statusCode, silent.json().errors]).toEqual([
      422,
      [{ field: 'body.0', message: 'feedback needs thumbs, a rating or a comment' }],
    ]);
    const badThumbs = await send('POST', '/api/v1/models/churn/feedback', [
      { id: 'f3', predictionId: 'p1', thumbs: 'sideways' },
    ]);
    expect(badThumbs.statusCode).toBe(422);
  });
});
