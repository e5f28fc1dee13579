/**
 * `tend serve` killed with SIGKILL in the middle of ingestion loses nothing it acknowledged:
 * after a restart every acknowledged event is stored, the window profiles count exactly the
 * stored events, and sending every batch again (the acknowledged ones and the ones cut off)
 * stores each event once and keeps the profiles consistent. On each database.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open-store.js';
import { startServe } from './support/start-serve.js';
import { tempDir } from './support/temp-files.js';
import { openTestStore, testDialects } from './support/test-stores.js';

if (!existsSync(new URL('../dist/bundle/main.js', import.meta.url))) {
  throw new Error('build the packages first: npm run build');
}

const serve = (args: string[]) => startServe(args);

const BATCHES = 40;
const PER_BATCH = 200;
const batch = (b: number) =>
  JSON.stringify(
    Array.from({ length: PER_BATCH }, (_, i) => ({
      id: `e${b}_${i}`,
      version: 1,
      timestamp: new Date(Date.UTC(2026, 2, 3, b % 3, i % 60)).toISOString(),
      features: { x: i, c: i % 2 === 0 ? 'a' : 'b' },
      prediction: i % 2,
      segment: { region: i % 3 === 0 ? 'EU' : 'US' },
    })),
  );

async function post(url: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe.each(testDialects())('tend serve killed mid-ingestion on %s', (dialect) => {
  it('keeps every acknowledged event, consistent profiles, and a replay changes nothing', async () => {
    const tmp = tempDir('tend-crash-');
    const test = dialect === 'postgres' ? await openTestStore('postgres') : undefined;
    await test?.store.close();
    const args = [
      '--data-dir',
      tmp.dir,
      ...(test ? ['--database-url', test.options.databaseUrl as string] : []),
    ];
    try {
      let s = await serve(args);
      await post(
        `${s.url}/api/v1/models`,
        JSON.stringify({ name: 'm', task: 'binary_classification' }),
      );
      await post(`${s.url}/api/v1/models/m/versions`, '{}');
      const acked = new Set<number>();
      let sent = 0;
      // Three senders at once; the server is killed once a third of the batches are acknowledged.
      const sender = async (url: string) => {
        while (sent < BATCHES) {
          const b = sent++;
          try {
            const r = await post(`${url}/api/v1/models/m/predictions`, batch(b));
            if (r.ok) acked.add(b);
          } catch {
            return; // the server is gone
          }
          if (acked.size === Math.floor(BATCHES / 3)) s.child.kill('SIGKILL');
        }
      };
      await Promise.all([sender(s.url), sender(s.url), sender(s.url)]);
      await s.exit;
      expect(acked.size).toBeGreaterThanOrEqual(Math.floor(BATCHES / 3));
      expect(acked.size).toBeLessThan(BATCHES);

      const check = async () => {
        const store = await openStore({ dataDir: tmp.dir, databaseUrl: test?.options.databaseUrl });
        try {
          const ids = new Set(
            (await store.db.selectFrom('predictions').select('event_id').execute()).map(
              (r) => r.event_id,
            ),
          );
          const profiled = await store.db
            .selectFrom('window_profiles')
            .select((eb) => eb.fn.sum<number>('events').as('n'))
            .where('segment', '=', '')
            .where('column_name', '=', 'prediction')
            .executeTakeFirstOrThrow();
          const eu = await store.db
            .selectFrom('window_profiles')
            .select((eb) => eb.fn.sum<number>('events').as('n'))
            .where('segment', '=', 'region=EU')
            .where('column_name', '=', 'feature:x')
            .executeTakeFirstOrThrow();
          return { ids, profiled: Number(profiled.n), eu: Number(eu.n) };
        } finally {
          await store.close();
        }
      };
      const after = await check();
      for (const b of acked) {
        for (let i = 0; i < PER_BATCH; i++) expect(after.ids.has(`e${b}_${i}`)).toBe(true);
      }
      // Whole batches only: a batch is stored in one transaction or not at all.
      expect(after.ids.size % PER_BATCH).toBe(0);
      expect(after.profiled).toBe(after.ids.size);

      s = await serve(args);
      for (let b = 0; b < BATCHES; b++) {
        const r = await post(`${s.url}/api/v1/models/m/predictions`, batch(b));
        expect(r.status).toBe(200);
      }
      s.child.kill('SIGTERM');
      await s.exit;
      const replayed = await check();
      expect(replayed.ids.size).toBe(BATCHES * PER_BATCH);
      expect(replayed.profiled).toBe(BATCHES * PER_BATCH);
      expect(replayed.eu).toBe(BATCHES * Math.ceil(PER_BATCH / 3));
    } finally {
      await test?.dispose();
      tmp.remove();
    }
  });
});
