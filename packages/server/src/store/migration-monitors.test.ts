/**
 * The events stored before windows were recorded with them get, when the store migrates, the
 * very window `windowStart` gives them, on each database's own date arithmetic.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { insertModelRows } from '../../test/support/raw-rows.js';
import { openTestStore, testDialects } from '../../test/support/test-stores.js';
import { windowStart } from '../profiles/window-profiles.js';
import { fillWindowStarts } from './migration-monitors.js';

describe.each(testDialects())('fillWindowStarts on %s', (dialect) => {
  it('gives each old event the window of its time, for the model window length', async () => {
    const { store, dispose } = await openTestStore(dialect);
    try {
      const db = store.db;
      const at = '2026-03-01T00:00:00.000Z';
      const models = [];
      for (const [name, seconds] of [
        ['hourly', 3600],
        ['odd', 97],
        ['daily', 86_400],
      ] as const) {
        const { modelId, versionId } = await insertModelRows(db, name, 'regression', at, seconds);
        models.push({ modelId, versionId, seconds });
      }
      const times = [
        '2026-03-03T14:37:12.345Z',
        '2026-03-03T00:00:00.000Z',
        '2025-12-31T23:59:59.999Z',
        '2026-02-28T23:01:40.000Z',
      ];
      const rows = models.flatMap((m) =>
        times.map((ts, i) => ({
          model_id: m.modelId,
          version_id: m.versionId,
          event_id: `e${i}`,
          ts,
          window_start: '',
          features: '{}',
          prediction: '1',
          scores: null,
          latency_ms: null,
          segment: null,
          quality: null,
          received_at: at,
        })),
      );
      await db.insertInto('predictions').values(rows).execute();
      await fillWindowStarts(db as unknown as Kysely<unknown>, dialect);
      const got = await db
        .selectFrom('predictions')
        .select(['model_id', 'ts', 'window_start'])
        .orderBy('id')
        .execute();
      const lengthOf = new Map(models.map((m) => [m.modelId, m.seconds]));
      expect(got.map((r) => r.window_start)).toEqual(
        got.map((r) => windowStart(r.ts, lengthOf.get(r.model_id) as number)),
      );
    } finally {
      await dispose();
    }
  });
});
