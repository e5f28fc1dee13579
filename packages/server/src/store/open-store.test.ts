/**
 * Opening the store migrates a new database once: a second open, or one racing the first on
 * the same PostgreSQL database, finds the schema current and runs nothing.
 */
import pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { openTestStore, testDialects } from '../../test/support/test-stores.js';
import { openStore, redactUrl } from './open-store.js';

describe.each(testDialects())('openStore on %s', (dialect) => {
  it('migrates a new database once, and records what ran', async () => {
    const { store, options, dispose } = await openTestStore(dialect);
    try {
      expect(store.migrated).toEqual([
        '0001_registry',
        '0002_ingest',
        '0003_monitors',
        '0004_outcome_scores',
      ]);
      const [again, racing] = await Promise.all([openStore(options), openStore(options)]);
      expect([...again.migrated, ...racing.migrated]).toEqual([]);
      await again.close();
      await racing.close();
      const ran = await store.db
        .selectFrom('kysely_migration' as 'models')
        .select('name' as 'name')
        .execute();
      expect(ran.map((r) => r.name)).toEqual([
        '0001_registry',
        '0002_ingest',
        '0003_monitors',
        '0004_outcome_scores',
      ]);
    } finally {
      await dispose();
    }
  });
});

describe.runIf(testDialects().includes('postgres'))('openStore on PostgreSQL', () => {
  it('lives through the server dropping its idle connections, and uses new ones', async () => {
    const { store, options, dispose } = await openTestStore('postgres');
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const admin = new pg.Client({ connectionString: options.databaseUrl });
    try {
      await store.db.selectFrom('models').select('id').execute(); // a connection now idle
      await admin.connect();
      const dropped = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      expect(dropped.rowCount).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await store.db.selectFrom('models').select('id').execute()).toEqual([]);
      expect(said.mock.calls.map((c) => String(c[0])).join('')).toContain(
        'an idle PostgreSQL connection failed',
      );
    } finally {
      said.mockRestore();
      await admin.end();
      await dispose();
    }
  });
});

describe('openStore', () => {
  it('refuses a URL that is not PostgreSQL, and never prints a password', async () => {
    await expect(
      openStore({ dataDir: '.', databaseUrl: 'mysql://root:pw@db/tend' }),
    ).rejects.toThrow(
      'the database URL must start with postgres:// (got mysql://root:***@db/tend)',
    );
    expect(redactUrl('postgres://tend:s3cret@db:5432/tend')).toBe(
      'postgres://tend:***@db:5432/tend',
    );
  });

  it('says which database it could not open', async () => {
    await expect(
      openStore({ dataDir: '.', databaseUrl: 'postgres://nobody@127.0.0.1:1/none' }),
    ).rejects.toThrow(/^cannot open the database at postgres:\/\/nobody@127\.0\.0\.1:1\/none: /);
  });
});
