/**
 * Migration `0003_monitors`: what watches the windows and what it finds.
 *
 * - `predictions.error`: why a model call failed, when it did.
 * - `predictions.window_start`: the window each event belongs to, set at ingest (filled here
 *   for the events stored before), so a window's events are read by it whatever its kind
 *   (which replaces the index by time);
 *   `models.window_events`: windows of a count of predictions instead of a length of time;
 *   `window_counters`: each version's open count window and how many events it holds.
 * - `monitors`: a model's monitors, each of a kind (data quality, feature drift, performance, …)
 *   with its settings as JSON, named uniquely per model.
 * - `monitor_results`: one row per monitor, version, window, segment and metric (a feature's
 *   drift, recall, latency p99): the value, its status (ok, warning, alert, no_data) and the
 *   details behind it. Evaluating a window again replaces its rows: the time series is the
 *   latest word on each window.
 * - `window_evaluations`: which windows were evaluated, on how many events, so a window that
 *   gained events since is evaluated again (label ingestion deletes the rows of the windows
 *   it touches).
 * - `outcome_profiles`: per version, window and segment, what the labelled predictions add up
 *   to (confusion matrix, score sums and sketches, residual sums and sketches), updated as
 *   labels join, so a large window's performance is read without reading its rows; `stale`
 *   once a label of the window was replaced, until it is rebuilt from the rows.
 * - `alert_rules`, `alerts`, `alert_events`: rules on monitor results, the alerts they raise
 *   (one open alert per fingerprint, firing until resolved; acknowledged or silenced by a
 *   person) and every change of every alert.
 * - `channels`, `alert_deliveries`: where alerts go (shared by all models, named) and each
 *   delivery's outcome.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from './migrations.js';
import { identity } from './migrations.js';

/**
 * Set the window of every prediction that has none ('') to its window of time, floor(ts /
 * length) · length as `windowStart` computes it (window lengths are whole seconds, from 60):
 * the events stored before windows were recorded with them.
 *
 * @example
 * await fillWindowStarts(db, 'sqlite');
 */
export async function fillWindowStarts(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const length = sql`(SELECT window_seconds FROM models WHERE models.id = predictions.model_id)`;
  const start =
    dialect === 'sqlite'
      ? sql`strftime('%Y-%m-%dT%H:%M:%S.000Z', (CAST(strftime('%s', ts) AS INTEGER) / ${length}) * ${length}, 'unixepoch')`
      : sql`to_char(to_timestamp(floor(extract(epoch from ts::timestamptz) / ${length}) * ${length}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  await sql`UPDATE predictions SET window_start = ${start} WHERE window_start = ''`.execute(db);
}

/**
 * The migration, for the dialect's SQL.
 *
 * @example
 * migrations('sqlite')['0003_monitors'] === undefined; // false
 */
export function monitorsMigration(dialect: Dialect): Migration {
  const id = identity(dialect);
  const time = 'varchar(32)';
  // A row belongs to a model or a version, and goes with it.
  const ofModel = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('models.id').onDelete('cascade');
  const ofVersion = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('versions.id').onDelete('cascade');
  return {
    async up(db) {
      // Why a model call failed, for the error rate (null: it did not).
      await db.schema.alterTable('predictions').addColumn('error', 'text').execute();
      await db.schema.alterTable('models').addColumn('window_events', 'integer').execute();
      await db.schema
        .alterTable('predictions')
        .addColumn('window_start', time, (c) => c.notNull().defaultTo(''))
        .execute();
      await fillWindowStarts(db, dialect);
      await db.schema
        .createIndex('predictions_by_window')
        .on('predictions')
        .columns(['model_id', 'version_id', 'window_start', 'id'])
        .execute();
      // Events are read by window now, never by a range of time: one index less to keep up
      // on every insert.
      await db.schema.dropIndex('predictions_by_time').execute();
      await db.schema
        .createTable('window_counters')
        .addColumn('model_id', 'integer', ofModel)
        .addColumn('version_id', 'integer', ofVersion)
        .addColumn('window_start', time, (c) => c.notNull())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('window_counters_pk', ['model_id', 'version_id'])
        .execute();
      await db.schema
        .createTable('monitors')
        .addColumn('id', 'integer', id)
        .addColumn('model_id', 'integer', ofModel)
        .addColumn('name', 'varchar(128)', (c) => c.notNull())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addUniqueConstraint('monitors_name', ['model_id', 'name'])
        .execute();
      await db.schema
        .createTable('monitor_results')
        .addColumn('monitor_id', 'integer', (c) =>
          c.notNull().references('monitors.id').onDelete('cascade'),
        )
        .addColumn('version_id', 'integer', ofVersion)
        .addColumn('window_start', time, (c) => c.notNull())
        .addColumn('segment', 'varchar(512)', (c) => c.notNull())
        .addColumn('metric', 'varchar(512)', (c) => c.notNull())
        .addColumn('value', 'double precision')
        .addColumn('status', 'varchar(8)', (c) => c.notNull())
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('evaluated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('monitor_results_pk', [
          'monitor_id',
          'version_id',
          'window_start',
          'segment',
          'metric',
        ])
        .execute();
      await db.schema
        .createTable('window_evaluations')
        .addColumn('model_id', 'integer', ofModel)
        .addColumn('version_id', 'integer', ofVersion)
        .addColumn('window_start', time, (c) => c.notNull())
        .addColumn('events', 'integer', (c) => c.notNull())
        .addColumn('evaluated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('window_evaluations_pk', [
          'model_id',
          'version_id',
          'window_start',
        ])
        .execute();
      await db.schema
        .createTable('outcome_profiles')
        .addColumn('model_id', 'integer', ofModel)
        .addColumn('version_id', 'integer', ofVersion)
        .addColumn('window_start', time, (c) => c.notNull())
        .addColumn('segment', 'varchar(512)', (c) => c.notNull())
        .addColumn('labelled', 'integer', (c) => c.notNull())
        .addColumn('stale', 'integer', (c) => c.notNull())
        .addColumn('profile', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('outcome_profiles_pk', [
          'model_id',
          'version_id',
          'window_start',
          'segment',
        ])
        .execute();
      await db.schema
        .createTable('alert_rules')
        .addColumn('id', 'integer', id)
        .addColumn('model_id', 'integer', ofModel)
        .addColumn('name', 'varchar(128)', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addUniqueConstraint('alert_rules_name', ['model_id', 'name'])
        .execute();
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'integer', id)
        .addColumn('rule_id', 'integer', (c) =>
          c.notNull().references('alert_rules.id').onDelete('cascade'),
        )
        .addColumn('model_id', 'integer', ofModel)
        .addColumn('fingerprint', 'varchar(16)', (c) => c.notNull())
        .addColumn('labels', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(8)', (c) => c.notNull())
        .addColumn('severity', 'varchar(8)', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision')
        .addColumn('window_start', time, (c) => c.notNull())
        .addColumn('starts_at', time, (c) => c.notNull())
        .addColumn('ends_at', time)
        .addColumn('acked_by', 'varchar(256)')
        .addColumn('acked_at', time)
        .addColumn('silenced_until', time)
        .addColumn('last_sent_at', time)
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alerts_by_fingerprint')
        .on('alerts')
        .columns(['fingerprint', 'status'])
        .execute();
      await db.schema
        .createTable('alert_events')
        .addColumn('id', 'integer', id)
        .addColumn('alert_id', 'integer', (c) =>
          c.notNull().references('alerts.id').onDelete('cascade'),
        )
        .addColumn('at', time, (c) => c.notNull())
        .addColumn('action', 'varchar(16)', (c) => c.notNull())
        .addColumn('actor', 'varchar(256)', (c) => c.notNull())
        .addColumn('detail', 'text')
        .execute();
      await db.schema
        .createIndex('alert_events_by_alert')
        .on('alert_events')
        .column('alert_id')
        .execute();
      await db.schema
        .createTable('channels')
        .addColumn('id', 'integer', id)
        .addColumn('name', 'varchar(128)', (c) => c.notNull().unique())
        .addColumn('type', 'varchar(32)', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('created_by', 'varchar(256)', (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('alert_deliveries')
        .addColumn('id', 'integer', id)
        .addColumn('alert_id', 'integer', (c) =>
          c.notNull().references('alerts.id').onDelete('cascade'),
        )
        .addColumn('channel_id', 'integer', (c) =>
          c.notNull().references('channels.id').onDelete('cascade'),
        )
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('alert_status', 'varchar(8)', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('response_status', 'integer')
        .addColumn('error', 'text')
        .addColumn('at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('alert_deliveries_by_alert')
        .on('alert_deliveries')
        .column('alert_id')
        .execute();
    },
  };
}
