/**
 * Aliases (`champion`, `challenger`, any name) and their history. Each move is an event with
 * who, when, why and the holder before, so the history answers "which version was champion on
 * 3 March at 14:00", and `rollback` moves an alias back to its previous holder in one step,
 * recorded like any other move.
 *
 * Rollback undoes moves in order: after v1 → v2 → v3, one rollback gives v2 and a second v1,
 * as an undo stack does (a rollback does not count as a move to undo). A delete is a move to
 * "no holder", so a rollback after it restores the alias.
 */
import { DomainError } from '../domain-error.js';
import type { AliasEventRow } from '../store/tables.js';
import { normalTime, recordAudit } from './audit-log.js';
import type { Actor, Db, RegistryContext } from './context.js';
import { modelRow } from './models.js';
import { ALIAS_PATTERN, type AliasEvent, type Version } from './schemas.js';
import { getVersion, versionRow } from './versions.js';

const ALIAS = new RegExp(ALIAS_PATTERN);

/**
 * Throws unless `alias` is a valid alias name: MLflow's rule (letters, digits, `_` and `-`, at
 * most 255), not `latest` and not of the form `v3`, which MLflow reserves for versions.
 *
 * @example
 * checkAlias('champion'); // ok; checkAlias('v2') throws
 */
export function checkAlias(alias: string): void {
  if (!ALIAS.test(alias)) {
    throw new DomainError(
      'invalid',
      `invalid alias "${alias}": 1 to 255 letters, digits, underscores (_) and dashes (-)`,
      'alias',
    );
  }
  if (alias.toLowerCase() === 'latest') {
    throw new DomainError('invalid', 'the alias "latest" is reserved (in any case)', 'alias');
  }
  if (/^[vV]\d+$/.test(alias)) {
    throw new DomainError(
      'invalid',
      `the alias "${alias}" is reserved: it names a version`,
      'alias',
    );
  }
}

function toEvent(row: AliasEventRow): AliasEvent {
  return {
    alias: row.alias,
    action: row.action as AliasEvent['action'],
    version: row.version_number,
    previous: row.previous_number,
    actor: row.actor,
    reason: row.reason,
    at: row.at,
  };
}

async function eventsOf(db: Db, modelId: number, alias?: string): Promise<AliasEventRow[]> {
  let q = db.selectFrom('alias_events').selectAll().where('model_id', '=', modelId);
  if (alias !== undefined) q = q.where('alias', '=', alias);
  return q.orderBy('id').execute();
}

/** The holder now (undefined: none) and the undo stack's entry below it, from the events. */
function undoStack(events: AliasEventRow[]): (number | null)[] {
  const stack: (number | null)[] = [];
  for (const e of events) {
    if (e.action === 'rollback') stack.pop();
    else if (stack.length === 0 || stack[stack.length - 1] !== e.version_number) {
      stack.push(e.version_number);
    }
  }
  return stack;
}

/**
 * Take the model's row lock for an alias move: PostgreSQL holds it until commit, so two
 * moves of one model's aliases at once run one after the other (SQLite writes one at a time).
 */
async function lockModel(db: Db, model: string, at: string): Promise<number> {
  const row = await db
    .updateTable('models')
    .set({ updated_at: at })
    .where('name', '=', model)
    .returning('id')
    .executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', `no model named "${model}"`, 'model');
  return row.id;
}

async function currentHolder(db: Db, modelId: number, alias: string): Promise<number | null> {
  const row = await db
    .selectFrom('aliases')
    .innerJoin('versions', 'versions.id', 'aliases.version_id')
    .select('versions.number')
    .where('aliases.model_id', '=', modelId)
    .where('aliases.alias', '=', alias)
    .executeTakeFirst();
  return row?.number ?? null;
}

/** Point the alias at `to` (null: remove it), record the event and audit it, in `trx`. */
async function move(
  trx: Db,
  actor: Actor,
  at: string,
  model: string,
  modelId: number,
  alias: string,
  action: AliasEvent['action'],
  to: number | null,
  from: number | null,
  reason: string | undefined,
): Promise<AliasEvent> {
  await trx
    .deleteFrom('aliases')
    .where('model_id', '=', modelId)
    .where('alias', '=', alias)
    .execute();
  if (to !== null) {
    const target = await versionRow(trx, model, to);
    await trx
      .insertInto('aliases')
      .values({ model_id: modelId, alias, version_id: target.id, set_at: at, set_by: actor.name })
      .execute();
  }
  const row = await trx
    .insertInto('alias_events')
    .values({
      model_id: modelId,
      alias,
      action,
      version_number: to,
      previous_number: from,
      actor: actor.name,
      reason: reason ?? null,
      at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const event = toEvent(row);
  await recordAudit(trx, actor, at, {
    action: `alias.${action}`,
    targetType: 'alias',
    target: `${model}@${alias}`,
    model,
    before: from === null ? undefined : { version: from },
    after: to === null ? undefined : { version: to },
  });
  return event;
}

/**
 * Point `alias` at a version, recording who, when, why and the holder before. Setting it to
 * the version that holds it already changes nothing and records nothing.
 *
 * @example
 * await setAlias(ctx, actor, 'churn', 'champion', { version: 3, reason: 'AUC +0.02 on March data' });
 */
export async function setAlias(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  alias: string,
  input: { version: number; reason?: string },
): Promise<AliasEvent | null> {
  checkAlias(alias);
  const at = ctx.now();
  const event = await ctx.db.transaction().execute(async (trx) => {
    const modelId = await lockModel(trx, model, at);
    const from = await currentHolder(trx, modelId, alias);
    if (from === input.version) return null;
    return move(trx, actor, at, model, modelId, alias, 'set', input.version, from, input.reason);
  });
  if (event !== null)
    ctx.emit({ type: 'alias.set', model, alias, version: input.version, data: event });
  return event;
}

/**
 * Remove an alias (a not-found error when it is not set).
 *
 * @example
 * await deleteAlias(ctx, actor, 'churn', 'challenger', 'experiment over');
 */
export async function deleteAlias(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  alias: string,
  reason?: string,
): Promise<AliasEvent> {
  const at = ctx.now();
  const event = await ctx.db.transaction().execute(async (trx) => {
    const modelId = await lockModel(trx, model, at);
    const from = await currentHolder(trx, modelId, alias);
    if (from === null) {
      throw new DomainError('not_found', `model "${model}" has no alias "${alias}"`, 'alias');
    }
    return move(trx, actor, at, model, modelId, alias, 'delete', null, from, reason);
  });
  ctx.emit({ type: 'alias.deleted', model, alias, data: event });
  return event;
}

/**
 * Move `alias` back to the version that held it before the current one (see the module
 * comment); a conflict error when it has had no earlier holder.
 *
 * @example
 * await rollbackAlias(ctx, actor, 'churn', 'champion', 'v4 raised complaints'); // v4 → v3
 */
export async function rollbackAlias(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  alias: string,
  reason?: string,
): Promise<AliasEvent> {
  checkAlias(alias);
  const at = ctx.now();
  const event = await ctx.db.transaction().execute(async (trx) => {
    const modelId = await lockModel(trx, model, at);
    const stack = undoStack(await eventsOf(trx, modelId, alias));
    if (stack.length < 2) {
      const why = stack.length === 0 ? 'has never been set' : 'has had no earlier holder';
      throw new DomainError('conflict', `alias "${alias}" of "${model}" ${why}`, 'alias');
    }
    const from = stack[stack.length - 1];
    const to = stack[stack.length - 2];
    if (to !== null) {
      const exists = await trx
        .selectFrom('versions')
        .select('id')
        .where('model_id', '=', modelId)
        .where('number', '=', to)
        .executeTakeFirst();
      if (exists === undefined) {
        throw new DomainError(
          'conflict',
          `alias "${alias}" of "${model}" was held before by version ${to}, which has been deleted`,
          'alias',
        );
      }
    }
    return move(trx, actor, at, model, modelId, alias, 'rollback', to, from, reason);
  });
  ctx.emit({
    type: 'alias.rolled_back',
    model,
    alias,
    ...(event.version === null ? {} : { version: event.version }),
    data: event,
  });
  return event;
}

/**
 * The version an alias points at now.
 *
 * @example
 * (await resolveAlias(db, 'churn', 'champion')).version; // 3
 */
export async function resolveAlias(db: Db, model: string, alias: string): Promise<Version> {
  const { id } = await modelRow(db, model);
  const number = await currentHolder(db, id, alias);
  if (number === null) {
    throw new DomainError('not_found', `model "${model}" has no alias "${alias}"`, 'alias');
  }
  return getVersion(db, model, number);
}

/**
 * The moves of one alias (or of all the model's aliases), newest first.
 *
 * @example
 * (await aliasHistory(db, 'churn', 'champion')).map((e) => e.version); // [3, 2, 1]
 */
export async function aliasHistory(db: Db, model: string, alias?: string): Promise<AliasEvent[]> {
  const { id } = await modelRow(db, model);
  return (await eventsOf(db, id, alias)).reverse().map(toEvent);
}

/**
 * Which version held `alias` at time `at` (null: none), and the move that put it there.
 *
 * @example
 * (await aliasAt(db, 'churn', 'champion', '2026-03-03T14:00:00Z')).version; // 2
 */
export async function aliasAt(
  db: Db,
  model: string,
  alias: string,
  at: string,
): Promise<{ alias: string; at: string; version: number | null; since: AliasEvent | null }> {
  const when = normalTime(at, 'at');
  const { id } = await modelRow(db, model);
  const row = await db
    .selectFrom('alias_events')
    .selectAll()
    .where('model_id', '=', id)
    .where('alias', '=', alias)
    .where('at', '<=', when)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return {
    alias,
    at: when,
    version: row?.version_number ?? null,
    since: row === undefined ? null : toEvent(row),
  };
}
