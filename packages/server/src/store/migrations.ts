/**
 * The store's schema, as numbered forward-only migrations run at start by Kysely's `Migrator`
 * (which records what ran in `kysely_migration` and holds a lock, so two servers starting
 * on one PostgreSQL database do not migrate it twice). The same steps serve both databases;
 * where their SQL differs (an identity column, a trigger) the step says so.
 *
 * A released migration is never edited: a change to the schema is a new one at the end.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, Migrator, sql } from 'kysely';
import { monitorsMigration } from './migration-monitors.js';
import { outcomeScoresMigration } from './migration-outcome-scores.js';

export type Dialect = 'sqlite' | 'postgres';

/**
 * An integer primary key the database numbers itself.
 *
 * @example
 * db.schema.createTable('monitors').addColumn('id', 'integer', identity('sqlite'));
 */
export function identity(dialect: Dialect) {
  return (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite'
      ? c.primaryKey().autoIncrement()
      : c.primaryKey().generatedByDefaultAsIdentity();
}

/** The audit log refuses UPDATE and DELETE at the database itself: it is append-only. */
async function appendOnly(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} ` +
            `BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS ` +
        `$$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} ` +
        `FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}

function registry(dialect: Dialect): Migration {
  const id = identity(dialect);
  return {
    async up(db) {
      await db.schema
        .createTable('models')
        .addColumn('id', 'integer', id)
        .addColumn('name', 'varchar(256)', (c) => c.notNull().unique())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('task', 'varchar(32)', (c) => c.notNull())
        .addColumn('owner', 'varchar(256)', (c) => c.notNull())
        .addColumn('last_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await createTags(db, 'model_tags', 'models');
      await createVersions(db, id);
      await createTags(db, 'version_tags', 'versions');
      await db.schema
        .createTable('aliases')
        .addColumn('model_id', 'integer', (c) =>
          c.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('alias', 'varchar(255)', (c) => c.notNull())
        .addColumn('version_id', 'integer', (c) =>
          c.notNull().references('versions.id').onDelete('cascade'),
        )
        .addColumn('set_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('set_by', 'varchar(256)', (c) => c.notNull())
        .addPrimaryKeyConstraint('aliases_pk', ['model_id', 'alias'])
        .execute();
      await db.schema
        .createTable('alias_events')
        .addColumn('id', 'integer', id)
        .addColumn('model_id', 'integer', (c) =>
          c.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('alias', 'varchar(255)', (c) => c.notNull())
        .addColumn('action', 'varchar(16)', (c) => c.notNull())
        .addColumn('version_number', 'integer')
        .addColumn('previous_number', 'integer')
        .addColumn('actor', 'varchar(256)', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alias_events_by_alias')
        .on('alias_events')
        .columns(['model_id', 'alias', 'id'])
        .execute();
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'integer', id)
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('actor', 'varchar(256)', (c) => c.notNull())
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('target_type', 'varchar(32)', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('model_name', 'varchar(256)')
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .execute();
      await db.schema.createIndex('audit_events_by_time').on('audit_events').column('at').execute();
      await db.schema
        .createIndex('audit_events_by_model')
        .on('audit_events')
        .columns(['model_name', 'at'])
        .execute();
      await appendOnly(db, dialect, 'audit_events');
      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'integer', id)
        .addColumn('name', 'varchar(256)', (c) => c.notNull())
        .addColumn('role', 'varchar(16)', (c) => c.notNull())
        .addColumn('prefix', 'varchar(32)', (c) => c.notNull())
        .addColumn('hash', 'varchar(128)', (c) => c.notNull().unique())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
        .addColumn('revoked_at', 'varchar(32)')
        .addColumn('last_used_at', 'varchar(32)')
        .execute();
      await db.schema
        .createTable('webhooks')
        .addColumn('id', 'integer', id)
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'varchar(256)', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'integer', id)
        .addColumn('webhook_id', 'integer', (c) =>
          c.notNull().references('webhooks.id').onDelete('cascade'),
        )
        .addColumn('event_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('event', 'varchar(64)', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('response_status', 'integer')
        .addColumn('error', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('finished_at', 'varchar(32)')
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_by_hook')
        .on('webhook_deliveries')
        .columns(['webhook_id', 'id'])
        .execute();
    },
  };
}

/** Key–value tags of a model or a version, one value per key. */
async function createTags(db: Kysely<unknown>, table: string, owner: string): Promise<void> {
  await db.schema
    .createTable(table)
    .addColumn('owner_id', 'integer', (c) =>
      c.notNull().references(`${owner}.id`).onDelete('cascade'),
    )
    .addColumn('key', 'varchar(250)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint(`${table}_pk`, ['owner_id', 'key'])
    .execute();
}

async function createVersions(db: Kysely<unknown>, id: ReturnType<typeof identity>): Promise<void> {
  await db.schema
    .createTable('versions')
    .addColumn('id', 'integer', id)
    .addColumn('model_id', 'integer', (c) =>
      c.notNull().references('models.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('artifact_uri', 'text')
    .addColumn('artifact_sha256', 'varchar(64)')
    .addColumn('artifact_size', 'bigint')
    .addColumn('artifact_stored', 'integer', (c) => c.notNull())
    .addColumn('code_commit', 'varchar(256)')
    .addColumn('data_ref', 'text')
    .addColumn('data_hash', 'varchar(256)')
    .addColumn('pipeline_version', 'varchar(256)')
    .addColumn('run_id', 'varchar(256)')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('metrics', 'text', (c) => c.notNull())
    .addColumn('segment_metrics', 'text', (c) => c.notNull())
    .addColumn('dependencies', 'text', (c) => c.notNull())
    .addColumn('input_schema', 'text')
    .addColumn('output_schema', 'text')
    .addColumn('card', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('versions.id').onDelete('set null'))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('versions_number', ['model_id', 'number'])
    .execute();
  await db.schema.createIndex('versions_by_parent').on('versions').column('parent_id').execute();
}

/**
 * Production events: predictions (idempotent by the caller's event id, per model), the labels
 * that arrive later joined by that id, and users' feedback; each model's choice of refusing
 * events that do not match its version's input schema, and its window length; the profiles
 * of each window (per version, segment and column), merged as events arrive; and each
 * version's reference, profiled with a bounded sample per column.
 */
function ingest(dialect: Dialect): Migration {
  const id = identity(dialect);
  return {
    async up(db) {
      await db.schema
        .alterTable('models')
        .addColumn('strict_inputs', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('models')
        .addColumn('window_seconds', 'integer', (c) => c.notNull().defaultTo(3600))
        .execute();
      await db.schema
        .createTable('predictions')
        .addColumn('id', 'integer', id)
        .addColumn('model_id', 'integer', (c) =>
          c.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('version_id', 'integer', (c) =>
          c.notNull().references('versions.id').onDelete('cascade'),
        )
        .addColumn('event_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('ts', 'varchar(32)', (c) => c.notNull())
        .addColumn('features', 'text', (c) => c.notNull())
        .addColumn('prediction', 'text', (c) => c.notNull())
        .addColumn('scores', 'text')
        .addColumn('latency_ms', 'double precision')
        .addColumn('segment', 'text')
        .addColumn('quality', 'text')
        .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('predictions_event', ['model_id', 'event_id'])
        .execute();
      await db.schema
        .createIndex('predictions_by_time')
        .on('predictions')
        .columns(['model_id', 'ts'])
        .execute();
      await db.schema
        .createTable('labels')
        .addColumn('model_id', 'integer', (c) =>
          c.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('event_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('ts', 'varchar(32)', (c) => c.notNull())
        .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('labels_pk', ['model_id', 'event_id'])
        .execute();
      await db.schema
        .createTable('feedback')
        .addColumn('model_id', 'integer', (c) =>
          c.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('feedback_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('event_id', 'varchar(128)', (c) => c.notNull())
        .addColumn('thumbs', 'varchar(8)')
        .addColumn('rating', 'double precision')
        .addColumn('comment', 'text')
        .addColumn('ts', 'varchar(32)', (c) => c.notNull())
        .addColumn('received_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('feedback_pk', ['model_id', 'feedback_id'])
        .execute();
      await db.schema
        .createTable('window_profiles')
        .addColumn('model_id', 'integer', (c) =>
          c.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('version_id', 'integer', (c) =>
          c.notNull().references('versions.id').onDelete('cascade'),
        )
        .addColumn('window_start', 'varchar(32)', (c) => c.notNull())
        .addColumn('segment', 'varchar(512)', (c) => c.notNull())
        .addColumn('column_name', 'varchar(512)', (c) => c.notNull())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addColumn('profile', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('window_profiles_pk', [
          'model_id',
          'version_id',
          'window_start',
          'segment',
          'column_name',
        ])
        .execute();
      await db.schema
        .createTable('reference_profiles')
        .addColumn('version_id', 'integer', (c) =>
          c.notNull().references('versions.id').onDelete('cascade'),
        )
        .addColumn('column_name', 'varchar(512)', (c) => c.notNull())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addColumn('profile', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
        .addColumn('sample', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
        .addPrimaryKeyConstraint('reference_profiles_pk', ['version_id', 'column_name'])
        .execute();
      await db.schema
        .createIndex('feedback_by_event')
        .on('feedback')
        .columns(['model_id', 'event_id'])
        .execute();
    },
  };
}

/**
 * Every migration, by name; names sort in the order they run.
 *
 * @example
 * Object.keys(migrations('sqlite')); // ['0001_registry', '0002_ingest', '0003_monitors', '0004_outcome_scores']
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001_registry': registry(dialect),
    '0002_ingest': ingest(dialect),
    '0003_monitors': monitorsMigration(dialect),
    '0004_outcome_scores': outcomeScoresMigration(dialect),
  };
}

/**
 * Bring the database's schema up to date; throws with the failing step's name.
 *
 * @example
 * await migrateToLatest(db, 'sqlite'); // ['0001_registry'] on a new database, [] after
 */
export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  const all = migrations(dialect);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => all } });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const step = failed ? ` (step ${failed.migrationName})` : '';
    throw new Error(`migrating the database failed${step}: ${String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
