/**
 * Migration `0004_outcome_scores`: `outcome_scores`, the positive-class scores of each
 * window's labelled predictions, kept so that average precision — which no sketch bounds — is
 * measured exactly on a large window without reading its rows (`profiles/outcome-scores.ts`).
 *
 * One row is one chunk: what one batch of joined outcomes added to one version, window, segment
 * ('' or `attribute=value`) and class, as two packed arrays of float64 (little-endian): the
 * class's score of the rows labelled with it (`positives`) and of the others (`negatives`).
 * A window's chunks are read by (model, version, window, class, segment), which the index
 * serves, and deleted by (model, version, window) when its outcome profiles are rebuilt.
 *
 * Windows whose labels joined before this migration have no chunks: the performance monitor
 * finds fewer scores than their outcome profiles count and rebuilds them from the rows first.
 */
import type { Migration } from 'kysely';
import { type Dialect, identity } from './migrations.js';

/**
 * The migration, for the dialect's SQL.
 *
 * @example
 * migrations('sqlite')['0004_outcome_scores'] === undefined; // false
 */
export function outcomeScoresMigration(dialect: Dialect): Migration {
  const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';
  return {
    async up(db) {
      await db.schema
        .createTable('outcome_scores')
        .addColumn('id', 'integer', identity(dialect))
        .addColumn('model_id', 'integer', (c) =>
          c.notNull().references('models.id').onDelete('cascade'),
        )
        .addColumn('version_id', 'integer', (c) =>
          c.notNull().references('versions.id').onDelete('cascade'),
        )
        .addColumn('window_start', 'varchar(32)', (c) => c.notNull())
        .addColumn('segment', 'varchar(512)', (c) => c.notNull())
        .addColumn('class', 'varchar(512)', (c) => c.notNull())
        .addColumn('positives', bytes, (c) => c.notNull())
        .addColumn('negatives', bytes, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('outcome_scores_by_window')
        .on('outcome_scores')
        .columns(['model_id', 'version_id', 'window_start', 'class', 'segment'])
        .execute();
    },
  };
}
