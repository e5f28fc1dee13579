/**
 * Key–value tags of models and versions: the two tables have one shape, so one set of
 * operations serves both.
 */
import type { Db } from './context.js';

export type TagTable = 'model_tags' | 'version_tags';

/**
 * Insert the tags of a new model or version.
 *
 * @example
 * await insertTags(trx, 'model_tags', id, { team: 'growth' });
 */
export async function insertTags(
  db: Db,
  table: TagTable,
  ownerId: number,
  tags: Record<string, string> | undefined,
): Promise<void> {
  const rows = Object.entries(tags ?? {}).map(([key, value]) => ({
    owner_id: ownerId,
    key,
    value,
  }));
  if (rows.length > 0) await db.insertInto(table).values(rows).execute();
}

/**
 * Set one tag (or remove it, value `null`); answers the value it had, if any.
 *
 * @example
 * await replaceTag(trx, 'version_tags', id, 'validated', 'yes'); // undefined: it was not set
 */
export async function replaceTag(
  db: Db,
  table: TagTable,
  ownerId: number,
  key: string,
  value: string | null,
): Promise<string | undefined> {
  const old = await db
    .deleteFrom(table)
    .where('owner_id', '=', ownerId)
    .where('key', '=', key)
    .returning('value')
    .executeTakeFirst();
  if (value !== null)
    await db.insertInto(table).values({ owner_id: ownerId, key, value }).execute();
  return old?.value;
}

/**
 * The tags of each owner, by owner id (an empty record for one without tags).
 *
 * @example
 * (await tagsOf(db, 'model_tags', [1, 2])).get(1); // { team: 'growth' }
 */
export async function tagsOf(
  db: Db,
  table: TagTable,
  ids: number[],
): Promise<Map<number, Record<string, string>>> {
  const tags = new Map<number, Record<string, string>>(ids.map((id) => [id, {}]));
  if (ids.length === 0) return tags;
  const rows = await db
    .selectFrom(table)
    .selectAll()
    .where('owner_id', 'in', ids)
    .orderBy('key')
    .execute();
  for (const t of rows) tags.get(t.owner_id)![t.key] = t.value;
  return tags;
}
