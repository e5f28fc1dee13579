/**
 * `tend ingest` against a real server on a loopback port: a CSV backfill stores each row as an
 * event (features, time, segment, probabilities) and its label; a second run stores nothing
 * twice; a row without a prediction stops it with exit code 2.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captured } from '../../test/support/captured.js';
import { csv, tempDir } from '../../test/support/temp-files.js';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import type { TendApp } from '../http/app.js';
import { type IngestFlags, runIngest } from './ingest-command.js';

let tend: TendApp;
let dispose: () => Promise<void>;
const tmp = tempDir('tend-ingest-');

beforeAll(async () => {
  ({ tend, dispose } = await openTestApp('sqlite'));
  vi.stubEnv('TEND_URL', await tend.app.listen({ host: '127.0.0.1', port: 0 }));
  const post = (url: string, body: unknown) => sendJson(tend, 'POST', url, body);
  await post('/api/v1/models', { name: 'churn', task: 'binary_classification' });
  await post('/api/v1/models/churn/versions', {});
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await dispose();
  tmp.remove();
});

function ingest(file: string, flags: Partial<IngestFlags>) {
  return captured(() =>
    runIngest(file, { model: 'churn', prediction: 'score', batch: '2', ...flags }),
  );
}

describe('tend ingest', () => {
  it('backfills events and labels from a CSV, and stores nothing twice', async () => {
    const file = tmp.write(
      'history.csv',
      csv(
        ['request', 'ts', 'age', 'plan', 'score', 'region', 'churned'],
        [
          ['r1', '2026-03-01T10:00:00Z', 31, 'a', 0.2, 'EU', 0],
          ['r2', '2026-03-01T10:05:00Z', 45, 'b', 0.9, 'US', 1],
          ['r3', '2026-03-01T11:00:00Z', 28, 'a', 0.4, 'EU', ''],
        ],
      ),
    );
    const flags = {
      version: '1',
      id: 'request',
      timestamp: 'ts',
      segment: ['region'],
      label: 'churned',
      probabilities: undefined,
    };
    const first = await ingest(file, flags);
    expect([first.code, first.out]).toEqual([
      0,
      'churn: 3 events stored, 0 already stored, 2 labels\n',
    ]);
    const r2 = await tend.ctx.db
      .selectFrom('predictions')
      .selectAll()
      .where('event_id', '=', 'r2')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(r2.features)).toEqual({ age: 45, plan: 'b' });
    expect([r2.ts, JSON.parse(r2.prediction), JSON.parse(r2.segment as string)]).toEqual([
      '2026-03-01T10:05:00.000Z',
      0.9,
      { region: 'US' },
    ]);
    const labels = await tend.ctx.db
      .selectFrom('labels')
      .select(['event_id', 'label'])
      .orderBy('event_id')
      .execute();
    expect(labels).toEqual([
      { event_id: 'r1', label: '0' },
      { event_id: 'r2', label: '1' },
    ]);
    const again = await ingest(file, flags);
    expect(again.out).toBe('churn: 0 events stored, 3 already stored, 2 labels\n');
  });

  it('names the row without a prediction, and a server refusal, with their exit codes', async () => {
    const file = tmp.write(
      'gaps.csv',
      csv(
        ['age', 'score'],
        [
          [1, 0.5],
          [2, ''],
        ],
      ),
    );
    const gap = await ingest(file, { version: '1' });
    expect([gap.code, gap.err]).toEqual([
      2,
      `tend: row 2 of ${file} has no value in the prediction column "score"\n`,
    ]);
    const ok = tmp.write('ok.csv', csv(['age', 'score'], [[1, 0.5]]));
    const refused = await ingest(ok, { version: '7' });
    expect([refused.code, refused.err]).toEqual([
      1,
      'tend: rows 1–1 were refused: 1 of 1 events cannot be stored (body.0.version: model "churn" has no version 7); nothing of this batch was written\n',
    ]);
    const missing = await ingest(ok, { version: '1', prediction: 'nope' });
    expect(missing.err).toBe(`tend: the prediction column "nope" is not in ${ok}\n`);
  });
});
