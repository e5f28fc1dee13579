/**
 * Registered models: create, read, list, update (rename included), delete, and their tags.
 * Each change is audited in its own transaction and announced once committed.
 */
import { sql } from 'kysely';
import { DomainError } from '../domain-error.js';
import { isUniqueViolation } from '../store/constraint-errors.js';
import type { ModelRow } from '../store/tables.js';
import { recordAudit } from './audit-log.js';
import type { Actor, Db, RegistryContext } from './context.js';
import type { CreateModel, Model, UpdateModel } from './schemas.js';
import { insertTags, replaceTag } from './tags.js';

/**
 * The row of the model named `name`, or a not-found error naming it.
 *
 * @example
 * const row = await modelRow(db, 'churn'); row.id;
 */
export async function modelRow(db: Db, name: string): Promise<ModelRow> {
  const row = await db.selectFrom('models').selectAll().where('name', '=', name).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', `no model named "${name}"`, 'model');
  return row;
}

/** Tags and aliases of the given models, by model id. */
async function extrasOf(
  db: Db,
  ids: number[],
): Promise<Map<number, { tags: Record<string, string>; aliases: Record<string, number> }>> {
  const extras = new Map<
    number,
    { tags: Record<string, string>; aliases: Record<string, number> }
  >();
  for (const id of ids) extras.set(id, { tags: {}, aliases: {} });
  if (ids.length === 0) return extras;
  const tags = await db
    .selectFrom('model_tags')
    .select(['owner_id', 'key', 'value'])
    .where('owner_id', 'in', ids)
    .orderBy('key')
    .execute();
  for (const t of tags) extras.get(t.owner_id)!.tags[t.key] = t.value;
  const aliases = await db
    .selectFrom('aliases')
    .innerJoin('versions', 'versions.id', 'aliases.version_id')
    .select(['aliases.model_id', 'aliases.alias', 'versions.number'])
    .where('aliases.model_id', 'in', ids)
    .orderBy('aliases.alias')
    .execute();
  for (const a of aliases) extras.get(a.model_id)!.aliases[a.alias] = a.number;
  return extras;
}

async function latestNumbers(db: Db, ids: number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('versions')
    .select(['model_id', (eb) => eb.fn.max('number').as('latest')])
    .where('model_id', 'in', ids)
    .groupBy('model_id')
    .execute();
  return new Map(rows.map((r) => [r.model_id, Number(r.latest)]));
}

async function toModels(db: Db, rows: ModelRow[]): Promise<Model[]> {
  const ids = rows.map((r) => r.id);
  const extras = await extrasOf(db, ids);
  const latest = await latestNumbers(db, ids);
  return rows.map((r) => ({
    name: r.name,
    description: r.description,
    task: r.task as Model['task'],
    owner: r.owner,
    tags: extras.get(r.id)!.tags,
    aliases: extras.get(r.id)!.aliases,
    latestVersion: latest.get(r.id) ?? null,
    strictInputs: r.strict_inputs === 1,
    windowSeconds: r.window_seconds,
    windowEvents: r.window_events,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  }));
}

/**
 * The model named `name`, with its tags, aliases and latest version number.
 *
 * @example
 * (await getModel(db, 'churn')).aliases; // { champion: 3 }
 */
export async function getModel(db: Db, name: string): Promise<Model> {
  return (await toModels(db, [await modelRow(db, name)]))[0];
}

export interface ModelQuery {
  /** Models whose name contains this text (case-insensitive). */
  search?: string;
  /** Models carrying this tag (key, and value when given). */
  tag?: { key: string; value?: string };
  limit?: number;
  offset?: number;
}

/**
 * Models in name order, filtered.
 *
 * @example
 * await listModels(db, { search: 'churn', limit: 20 });
 */
export async function listModels(db: Db, query: ModelQuery = {}): Promise<Model[]> {
  let q = db.selectFrom('models').selectAll('models');
  if (query.search !== undefined && query.search !== '') {
    const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // SQLite's LIKE has no escape character unless told; PostgreSQL's is the backslash.
    q = q.where(sql<boolean>`lower(${sql.ref('models.name')}) like ${pattern} escape '\\'`);
  }
  const tag = query.tag;
  if (tag !== undefined) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('model_tags')
          .select('model_tags.key')
          .whereRef('model_tags.owner_id', '=', 'models.id')
          .where('model_tags.key', '=', tag.key)
          .$if(tag.value !== undefined, (s) => s.where('model_tags.value', '=', tag.value!)),
      ),
    );
  }
  const rows = await q
    .orderBy('models.name')
    .limit(query.limit ?? 100)
    .offset(query.offset ?? 0)
    .execute();
  return toModels(db, rows);
}

function duplicate(name: string): DomainError {
  return new DomainError('conflict', `a model named "${name}" already exists`, 'name');
}

/**
 * Register a model.
 *
 * @example
 * await createModel(ctx, actor, { name: 'churn', task: 'binary_classification' });
 */
export async function createModel(
  ctx: RegistryContext,
  actor: Actor,
  input: CreateModel,
): Promise<Model> {
  const at = ctx.now();
  const model = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const { id } = await trx
        .insertInto('models')
        .values({
          name: input.name,
          description: input.description ?? '',
          task: input.task,
          owner: input.owner ?? actor.name,
          last_version: 0,
          strict_inputs: input.strictInputs ? 1 : 0,
          window_seconds: input.windowSeconds ?? 3600,
          window_events: input.windowEvents ?? null,
          created_at: at,
          created_by: actor.name,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertTags(trx, 'model_tags', id, input.tags);
      const created = await getModel(trx, input.name);
      await recordAudit(trx, actor, at, {
        action: 'model.create',
        targetType: 'model',
        target: input.name,
        model: input.name,
        after: created,
      });
      return created;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicate(input.name);
      throw error;
    });
  ctx.emit({ type: 'model.created', model: model.name, data: model });
  return model;
}

/**
 * Change a model's description, task, owner or name.
 *
 * @example
 * await updateModel(ctx, actor, 'churn', { description: 'monthly churn' });
 */
export async function updateModel(
  ctx: RegistryContext,
  actor: Actor,
  name: string,
  patch: UpdateModel,
): Promise<Model> {
  const at = ctx.now();
  const model = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const row = await modelRow(trx, name);
      const before = await getModel(trx, name);
      await trx
        .updateTable('models')
        .set({
          name: patch.name ?? row.name,
          description: patch.description ?? row.description,
          task: patch.task ?? row.task,
          owner: patch.owner ?? row.owner,
          strict_inputs:
            patch.strictInputs === undefined ? row.strict_inputs : patch.strictInputs ? 1 : 0,
          window_seconds: patch.windowSeconds ?? row.window_seconds,
          window_events: patch.windowEvents === undefined ? row.window_events : patch.windowEvents,
          updated_at: at,
        })
        .where('id', '=', row.id)
        .execute();
      const after = await getModel(trx, patch.name ?? name);
      const renamed = patch.name !== undefined && patch.name !== name;
      await recordAudit(trx, actor, at, {
        action: renamed ? 'model.rename' : 'model.update',
        targetType: 'model',
        target: after.name,
        model: after.name,
        before,
        after,
      });
      return after;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw duplicate(patch.name ?? name);
      throw error;
    });
  ctx.emit({ type: 'model.updated', model: model.name, data: { previousName: name, model } });
  return model;
}

/**
 * Delete a model with its versions, tags and aliases (the audit log keeps their record).
 *
 * @example
 * await deleteModel(ctx, actor, 'churn');
 */
export async function deleteModel(ctx: RegistryContext, actor: Actor, name: string): Promise<void> {
  const at = ctx.now();
  const before = await ctx.db.transaction().execute(async (trx) => {
    const row = await modelRow(trx, name);
    const model = await getModel(trx, name);
    // Aliases first: they point at versions, and SQLite checks that per statement.
    await trx.deleteFrom('aliases').where('model_id', '=', row.id).execute();
    await trx.deleteFrom('models').where('id', '=', row.id).execute();
    await recordAudit(trx, actor, at, {
      action: 'model.delete',
      targetType: 'model',
      target: name,
      model: name,
      before: model,
    });
    return model;
  });
  ctx.emit({ type: 'model.deleted', model: name, data: before });
}

/**
 * Set (or replace) one tag of a model, or remove it (value `null`; a not-found error when the
 * model has no such tag).
 *
 * @example
 * await setModelTag(ctx, actor, 'churn', 'team', 'growth');
 */
export async function setModelTag(
  ctx: RegistryContext,
  actor: Actor,
  name: string,
  key: string,
  value: string | null,
): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await modelRow(trx, name);
    const old = await replaceTag(trx, 'model_tags', row.id, key, value);
    if (value === null && old === undefined) {
      throw new DomainError('not_found', `model "${name}" has no tag "${key}"`, 'key');
    }
    await recordAudit(trx, actor, at, {
      action: value === null ? 'model.tag.delete' : 'model.tag.set',
      targetType: 'model',
      target: name,
      model: name,
      before: old === undefined ? undefined : { [key]: old },
      after: value === null ? undefined : { [key]: value },
    });
  });
  ctx.emit({
    type: value === null ? 'model.tag_deleted' : 'model.tag_set',
    model: name,
    data: { key, value },
  });
}
