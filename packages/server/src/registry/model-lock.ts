/**
 * A model's row lock, for work that must not interleave with another server's on the same
 * model (merging window profiles, raising alerts): PostgreSQL holds it until the transaction
 * commits; SQLite writes one transaction at a time anyway.
 */
import type { Dialect } from '../store/migrations.js';
import type { Db } from './context.js';

/**
 * Take the row lock of model `modelId` in the transaction `trx`.
 *
 * @example
 * await ctx.db.transaction().execute(async (trx) => { await lockModelRow(trx, ctx.dialect, owner.id); … });
 */
export async function lockModelRow(trx: Db, dialect: Dialect, modelId: number): Promise<void> {
  if (dialect === 'postgres') {
    await trx.selectFrom('models').select('id').where('id', '=', modelId).forUpdate().execute();
  }
}
