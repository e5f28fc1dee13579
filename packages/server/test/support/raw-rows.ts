/**
 * A model and its first version written straight into the store's tables, for tests of the
 * store itself (migrations, raw chunks) that must not go through the registry's functions.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/store/tables.js';

/**
 * Insert model `name` (of `task`, windows of `windowSeconds`) and its version 1, as of `at`.
 *
 * @example
 * const { modelId, versionId } = await insertModelRows(db, 'm', 'regression', '2026-03-01T00:00:00.000Z');
 */
export async function insertModelRows(
  db: Kysely<Database>,
  name: string,
  task: string,
  at: string,
  windowSeconds = 3600,
): Promise<{ modelId: number; versionId: number }> {
  const m = await db
    .insertInto('models')
    .values({
      name,
      description: '',
      task,
      owner: '',
      last_version: 1,
      window_seconds: windowSeconds,
      created_at: at,
      created_by: 't',
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const v = await db
    .insertInto('versions')
    .values({
      model_id: m.id,
      number: 1,
      description: '',
      status: 'ready',
      artifact_stored: 0,
      params: '{}',
      metrics: '{}',
      segment_metrics: '{}',
      dependencies: '[]',
      card: '{}',
      created_at: at,
      created_by: 't',
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { modelId: m.id, versionId: v.id };
}
