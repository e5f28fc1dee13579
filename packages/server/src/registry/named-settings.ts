/**
 * Reading a model's named settings — its monitors and its alert rules, both one row per name
 * with the settings as JSON — by name or all of them, in one place for both tables.
 */
import type { AlertRuleRow, MonitorRow } from '../store/tables.js';
import type { Db } from './context.js';

type Tables = { monitors: MonitorRow; alert_rules: AlertRuleRow };

/**
 * The row of `table` named `name` of model `modelId`, if there is one.
 *
 * @example
 * await namedRow(trx, 'alert_rules', owner.id, 'drifted'); // { id: 4, name: 'drifted', config: '{…}', … }
 */
export async function namedRow<T extends keyof Tables>(
  db: Db,
  table: T,
  modelId: number,
  name: string,
): Promise<Tables[T] | undefined> {
  // One query for both tables: their shared columns are all it reads by.
  const row = await db
    .selectFrom(table as 'monitors')
    .selectAll()
    .where('model_id', '=', modelId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row as Tables[T] | undefined;
}

/**
 * Every row of `table` of model `modelId`, by name.
 *
 * @example
 * (await namedRows(db, 'monitors', owner.id)).map((m) => m.name); // ['drift', 'quality']
 */
export async function namedRows<T extends keyof Tables>(
  db: Db,
  table: T,
  modelId: number,
): Promise<Tables[T][]> {
  const rows = await db
    .selectFrom(table as 'monitors')
    .selectAll()
    .where('model_id', '=', modelId)
    .orderBy('name')
    .execute();
  return rows as Tables[T][];
}
