/**
 * The databases a store test runs against: SQLite always, and PostgreSQL when
 * TEND_TEST_DATABASE_URL names a server (`.ci/run` sets it to the machine's local one). Each
 * test store is a fresh database — a new SQLite file, or a new PostgreSQL database created for
 * it and dropped after — so tests never see each other's rows.
 *
 * Outside CI, without the URL the PostgreSQL cases are skipped with a printed notice; in CI
 * (CI=true) a missing URL is an error, so the PostgreSQL run cannot be skipped silently.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Dialect } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/open-store.js';

const URL_VARIABLE = 'TEND_TEST_DATABASE_URL';
const postgresUrl = process.env[URL_VARIABLE];

if (postgresUrl === undefined && process.env.CI === 'true') {
  throw new Error(
    `${URL_VARIABLE} is not set: in CI the store tests must also run on PostgreSQL (.ci/run sets it)`,
  );
}

let noticed = false;

/**
 * The dialects to test, PostgreSQL only when a server is configured.
 *
 * @example
 * describe.each(testDialects())('registry on %s', (dialect) => { … });
 */
export function testDialects(): Dialect[] {
  if (postgresUrl === undefined) {
    if (!noticed) {
      noticed = true;
      process.stderr.write(
        `notice: PostgreSQL store tests skipped: set ${URL_VARIABLE}=postgres://… to run them\n`,
      );
    }
    return ['sqlite'];
  }
  return ['sqlite', 'postgres'];
}

/**
 * Drop a test database once its connections have gone. A closed pool's connections finish
 * closing a moment after it says it is closed; forcing the drop then would hit them with
 * "terminating connection" errors that nothing is left to catch.
 */
async function dropWhenClosed(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await admin.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

/** A database URL with another database name. */
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, migrated store of the dialect; `dispose` closes and deletes it.
 *
 * @example
 * const { store, dispose } = await openTestStore('postgres'); await dispose();
 */
export async function openTestStore(dialect: Dialect): Promise<{
  store: Store;
  dispose(): Promise<void>;
  options: { dataDir: string; databaseUrl?: string };
}> {
  if (dialect === 'sqlite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'tend-store-'));
    const store = await openStore({ dataDir });
    return {
      store,
      options: { dataDir },
      dispose: async () => {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  const name = `tend_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const databaseUrl = withDatabase(postgresUrl as string, name);
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-store-'));
  const store = await openStore({ dataDir, databaseUrl });
  return {
    store,
    options: { dataDir, databaseUrl },
    dispose: async () => {
      await store.close();
      await dropWhenClosed(admin, name);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
