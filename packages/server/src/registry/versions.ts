/**
 * Model versions: numbered per model (numbers are never reused), with everything needed to
 * reproduce or audit one — artifact and its hash, code commit, training data and its hash,
 * pipeline version, hyperparameters, metrics overall and per segment, dependencies, input
 * and output schema, model card, parent version — and their tags.
 */
import { DomainError } from '../domain-error.js';
import type { VersionRow } from '../store/tables.js';
import { recordAudit } from './audit-log.js';
import type { Actor, Db, RegistryContext } from './context.js';
import { modelRow } from './models.js';
import type { CreateVersion, UpdateVersion, Version } from './schemas.js';
import { insertTags, replaceTag, tagsOf } from './tags.js';

/**
 * The row of version `number` of `model`, or a not-found error naming both.
 *
 * @example
 * const row = await versionRow(db, 'churn', 3); row.artifact_sha256;
 */
export async function versionRow(db: Db, model: string, number: number): Promise<VersionRow> {
  const row = await db
    .selectFrom('versions')
    .innerJoin('models', 'models.id', 'versions.model_id')
    .selectAll('versions')
    .where('models.name', '=', model)
    .where('versions.number', '=', number)
    .executeTakeFirst();
  if (row === undefined) {
    await modelRow(db, model); // a missing model is said as such
    throw new DomainError('not_found', `model "${model}" has no version ${number}`, 'version');
  }
  return row;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/**
 * The wire form of version rows, with tags, aliases, model and parent names.
 *
 * @example
 * const [v] = await toVersions(db, [row]); v.aliases; // ['champion']
 */
export async function toVersions(db: Db, rows: VersionRow[]): Promise<Version[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const tags = await tagsOf(db, 'version_tags', ids);
  const aliases = new Map<number, string[]>(ids.map((id) => [id, []]));
  for (const a of await db
    .selectFrom('aliases')
    .select(['version_id', 'alias'])
    .where('version_id', 'in', ids)
    .orderBy('alias')
    .execute()) {
    aliases.get(a.version_id)!.push(a.alias);
  }
  const modelIds = [...new Set(rows.map((r) => r.model_id))];
  const parentIds = rows.flatMap((r) => (r.parent_id === null ? [] : [r.parent_id]));
  const parents = new Map<number, { model: string; version: number }>();
  if (parentIds.length > 0) {
    for (const p of await db
      .selectFrom('versions')
      .innerJoin('models', 'models.id', 'versions.model_id')
      .select(['versions.id', 'versions.number', 'models.name'])
      .where('versions.id', 'in', parentIds)
      .execute()) {
      parents.set(p.id, { model: p.name, version: p.number });
    }
  }
  const names = new Map(
    (
      await db.selectFrom('models').select(['id', 'name']).where('id', 'in', modelIds).execute()
    ).map((m) => [m.id, m.name]),
  );
  return rows.map((r) => ({
    model: names.get(r.model_id)!,
    version: r.number,
    description: r.description,
    status: r.status,
    artifact:
      r.artifact_uri === null && r.artifact_sha256 === null
        ? null
        : {
            uri: r.artifact_uri,
            sha256: r.artifact_sha256,
            size: r.artifact_size,
            stored: r.artifact_stored === 1,
          },
    codeCommit: r.code_commit,
    dataRef: r.data_ref,
    dataHash: r.data_hash,
    pipelineVersion: r.pipeline_version,
    runId: r.run_id,
    params: parse(r.params) as Version['params'],
    metrics: parse(r.metrics) as Version['metrics'],
    segmentMetrics: parse(r.segment_metrics) as Version['segmentMetrics'],
    dependencies: parse(r.dependencies) as Version['dependencies'],
    inputSchema: parse(r.input_schema) as Version['inputSchema'],
    outputSchema: parse(r.output_schema) as Version['outputSchema'],
    card: parse(r.card) as Version['card'],
    parent: r.parent_id === null ? null : (parents.get(r.parent_id) ?? null),
    tags: tags.get(r.id)!,
    aliases: aliases.get(r.id)!,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  }));
}

/**
 * One version in its wire form.
 *
 * @example
 * (await getVersion(db, 'churn', 3)).metrics.auc; // 0.91
 */
export async function getVersion(db: Db, model: string, number: number): Promise<Version> {
  return (await toVersions(db, [await versionRow(db, model, number)]))[0];
}

/**
 * The versions of a model, newest first.
 *
 * @example
 * (await listVersions(db, 'churn')).map((v) => v.version); // [3, 2, 1]
 */
export async function listVersions(
  db: Db,
  model: string,
  page: { limit?: number; offset?: number } = {},
): Promise<Version[]> {
  const { id } = await modelRow(db, model);
  const rows = await db
    .selectFrom('versions')
    .selectAll()
    .where('model_id', '=', id)
    .orderBy('number', 'desc')
    .limit(page.limit ?? 100)
    .offset(page.offset ?? 0)
    .execute();
  return toVersions(db, rows);
}

/**
 * Every version of every model (or of one), for searches that filter in memory.
 *
 * @example
 * (await allVersions(db)).length;
 */
export async function allVersions(db: Db, model?: string): Promise<Version[]> {
  let q = db.selectFrom('versions').selectAll();
  if (model !== undefined) q = q.where('model_id', '=', (await modelRow(db, model)).id);
  return toVersions(db, await q.orderBy('model_id').orderBy('number', 'desc').execute());
}

/**
 * Register a new version of a model; its number is the model's last plus one.
 *
 * @example
 * await createVersion(ctx, actor, 'churn', { artifactUri: 's3://m/churn/3', metrics: { auc: 0.91 } });
 */
export async function createVersion(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  input: CreateVersion,
): Promise<Version> {
  const at = ctx.now();
  const version = await ctx.db.transaction().execute(async (trx) => {
    const owner = await modelRow(trx, model);
    let parentId: number | null = null;
    if (input.parent !== undefined) {
      const p = input.parent;
      try {
        parentId = (await versionRow(trx, p.model ?? model, p.version)).id;
      } catch (error) {
        if (error instanceof DomainError) {
          throw new DomainError('invalid', `parent: ${error.message}`, 'parent');
        }
        throw error;
      }
    }
    // The counter row is locked by the update until commit, so two servers creating versions
    // of one model at once on PostgreSQL get consecutive numbers.
    const { last_version: number } = await trx
      .updateTable('models')
      .set((eb) => ({ last_version: eb('last_version', '+', 1), updated_at: at }))
      .where('id', '=', owner.id)
      .returning('last_version')
      .executeTakeFirstOrThrow();
    const json = (value: unknown) => JSON.stringify(value ?? {});
    const { id } = await trx
      .insertInto('versions')
      .values({
        model_id: owner.id,
        number,
        description: input.description ?? '',
        status: input.status ?? 'ready',
        artifact_uri: input.artifactUri ?? null,
        artifact_sha256: input.artifactSha256 ?? null,
        artifact_size: null,
        artifact_stored: 0,
        code_commit: input.codeCommit ?? null,
        data_ref: input.dataRef ?? null,
        data_hash: input.dataHash ?? null,
        pipeline_version: input.pipelineVersion ?? null,
        run_id: input.runId ?? null,
        params: json(input.params),
        metrics: json(input.metrics),
        segment_metrics: json(input.segmentMetrics),
        dependencies: json(input.dependencies),
        input_schema: input.inputSchema === undefined ? null : JSON.stringify(input.inputSchema),
        output_schema: input.outputSchema === undefined ? null : JSON.stringify(input.outputSchema),
        card: json(input.card),
        parent_id: parentId,
        created_at: at,
        created_by: actor.name,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertTags(trx, 'version_tags', id, input.tags);
    const created = await getVersion(trx, model, number);
    await recordAudit(trx, actor, at, {
      action: 'version.create',
      targetType: 'version',
      target: `${model}/${number}`,
      model,
      after: created,
    });
    return created;
  });
  ctx.emit({ type: 'version.created', model, version: version.version, data: version });
  return version;
}

/**
 * Change a version's description or status.
 *
 * @example
 * await updateVersion(ctx, actor, 'churn', 2, { status: 'archived' });
 */
export async function updateVersion(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  number: number,
  patch: UpdateVersion,
): Promise<Version> {
  const at = ctx.now();
  const version = await ctx.db.transaction().execute(async (trx) => {
    const row = await versionRow(trx, model, number);
    const before = await getVersion(trx, model, number);
    await trx
      .updateTable('versions')
      .set({
        description: patch.description ?? row.description,
        status: patch.status ?? row.status,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();
    const after = await getVersion(trx, model, number);
    await recordAudit(trx, actor, at, {
      action: 'version.update',
      targetType: 'version',
      target: `${model}/${number}`,
      model,
      before,
      after,
    });
    return after;
  });
  ctx.emit({ type: 'version.updated', model, version: number, data: version });
  return version;
}

/**
 * Delete a version. Refused while an alias points at it: move or delete the alias first, so
 * that no alias is left pointing nowhere.
 *
 * @example
 * await deleteVersion(ctx, actor, 'churn', 1);
 */
export async function deleteVersion(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  number: number,
): Promise<void> {
  const at = ctx.now();
  const before = await ctx.db.transaction().execute(async (trx) => {
    const row = await versionRow(trx, model, number);
    const version = await getVersion(trx, model, number);
    if (version.aliases.length > 0) {
      const held = version.aliases.map((a) => `"${a}"`).join(', ');
      throw new DomainError(
        'conflict',
        `version ${number} of "${model}" holds the alias ${held}: move or delete it first`,
        'version',
      );
    }
    await trx.deleteFrom('versions').where('id', '=', row.id).execute();
    await recordAudit(trx, actor, at, {
      action: 'version.delete',
      targetType: 'version',
      target: `${model}/${number}`,
      model,
      before: version,
    });
    return version;
  });
  ctx.emit({ type: 'version.deleted', model, version: number, data: before });
}

/**
 * Set or remove (value `null`) one tag of a version.
 *
 * @example
 * await setVersionTag(ctx, actor, 'churn', 3, 'validated', 'yes');
 */
export async function setVersionTag(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  number: number,
  key: string,
  value: string | null,
): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await versionRow(trx, model, number);
    const old = await replaceTag(trx, 'version_tags', row.id, key, value);
    if (value === null && old === undefined) {
      throw new DomainError(
        'not_found',
        `version ${number} of "${model}" has no tag "${key}"`,
        'key',
      );
    }
    await recordAudit(trx, actor, at, {
      action: value === null ? 'version.tag.delete' : 'version.tag.set',
      targetType: 'version',
      target: `${model}/${number}`,
      model,
      before: old === undefined ? undefined : { [key]: old },
      after: value === null ? undefined : { [key]: value },
    });
  });
  ctx.emit({
    type: value === null ? 'version.tag_deleted' : 'version.tag_set',
    model,
    version: number,
    data: { key, value },
  });
}
