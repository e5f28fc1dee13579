/**
 * Opens the registry's database: embedded SQLite in the data directory by default, or
 * PostgreSQL when given a `postgres://` URL. Either way the result is one Kysely instance
 * typed against `Database`, migrated to the latest schema before it is handed out.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Dialect, migrateToLatest } from './migrations.js';
import type { Database } from './tables.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for the start-up line (a URL without its password). */
  location: string;
  /** Migrations run by this open (empty when the schema was current). */
  migrated: string[];
  close(): Promise<void>;
}

export interface StoreOptions {
  /** `postgres://…` or `postgresql://…`; absent: SQLite in `dataDir`. */
  databaseUrl?: string;
  /** Directory of the SQLite file (created when missing). */
  dataDir: string;
}

const INT8_OID = 20;
/** Prepared SQLite statements kept at most (queries with `in (…)` lists vary in text). */
const MAX_STATEMENTS = 500;

/**
 * The URL without its password, to print.
 *
 * @example
 * redactUrl('postgres://tend:s3cret@db:5432/tend'); // 'postgres://tend:***@db:5432/tend'
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // COUNT(*) and BIGINT come back as text by default: every such value here is a count or
    // a byte size, far inside a double's exact integers.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server drops (a restart, a failover, an administrator) is replaced
  // by the pool on next use; without a listener its error would end the process.
  pool.on('error', (error) => {
    process.stderr.write(
      `tend: an idle PostgreSQL connection failed (${error.message}); it will be replaced\n`,
    );
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

function openSqlite(dataDir: string): { db: Kysely<Database>; file: string } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'tend.db');
  const database = new BetterSqlite3(file);
  // WAL lets readers go on while one writer commits; FULL makes each commit durable before
  // the answer; foreign keys are off in SQLite unless asked for.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Kysely prepares each query anew; compiling the SQL is most of a small read's time, and a
  // registry runs the same few dozen statements over and over, so each is prepared once.
  const statements = new Map<string, BetterSqlite3.Statement>();
  const cached = {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: cached }) }), file };
}

/**
 * Open and migrate the store.
 *
 * @example
 * const store = await openStore({ dataDir: '.tend' }); await store.close();
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const url = options.databaseUrl;
  let db: Kysely<Database>;
  let dialect: Dialect;
  let location: string;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(`the database URL must start with postgres:// (got ${redactUrl(url)})`);
    }
    db = openPostgres(url);
    dialect = 'postgres';
    location = redactUrl(url);
  } else {
    const opened = openSqlite(options.dataDir);
    db = opened.db;
    dialect = 'sqlite';
    location = opened.file;
  }
  try {
    const migrated = await migrateToLatest(db as Kysely<unknown>, dialect);
    let closed: Promise<void> | undefined;
    // Closing twice (a shutdown racing a test's cleanup) closes once.
    const close = () => {
      closed ??= db.destroy();
      return closed;
    };
    return { db, dialect, location, migrated, close };
  } catch (error) {
    await db.destroy();
    const why = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot open the database at ${location}: ${why}`, { cause: error });
  }
}
