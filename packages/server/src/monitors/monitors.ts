/**
 * A model's monitors: created or replaced by name (`PUT`, so a checked-in YAML file applied
 * twice changes nothing the second time), listed, read and deleted, each change audited. The
 * kind's settings are checked against its schema when they are set, not when a window is
 * evaluated, so a mistake is refused where it is made.
 */
import { DomainError } from '../domain-error.js';
import { recordAudit } from '../registry/audit-log.js';
import type { Actor, Db, RegistryContext } from '../registry/context.js';
import { modelRow } from '../registry/models.js';
import { namedRow, namedRows } from '../registry/named-settings.js';
import type { ModelRow, MonitorRow } from '../store/tables.js';
import { checkSettings } from './check-settings.js';
import { MONITOR_CONFIGS, type MonitorInfo, type MonitorInput } from './monitor-schemas.js';
import { metricNames } from './performance-metric.js';

function toInfo(model: string, r: MonitorRow): MonitorInfo {
  return {
    model,
    name: r.name,
    kind: r.kind as MonitorInfo['kind'],
    config: JSON.parse(r.config) as Record<string, unknown>,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  };
}

/** Checks a kind's settings need the model or its other monitors for. */
async function checkAgainstModel(
  db: Db,
  owner: ModelRow,
  name: string,
  input: MonitorInput,
  config: Record<string, unknown>,
): Promise<void> {
  if (input.kind === 'performance') {
    const names = metricNames(owner.task);
    if (!names.includes(config.metric as string)) {
      throw new DomainError(
        'invalid',
        `metric "${config.metric}" is not one of a ${owner.task} model's: ${names.join(', ')}`,
        'body.config.metric',
      );
    }
  }
  if (input.kind === 'decay') {
    const followed = await namedRow(db, 'monitors', owner.id, config.monitor as string);
    if (followed?.kind !== 'performance' || config.monitor === name) {
      throw new DomainError(
        'invalid',
        `monitor "${config.monitor}" is not a performance monitor of "${owner.name}"`,
        'body.config.monitor',
      );
    }
  }
}

/**
 * Create the monitor `name` of `model`, or replace its kind and settings.
 *
 * @example
 * await putMonitor(ctx, actor, 'churn', 'drift', { kind: 'feature_drift', config: {} });
 */
export async function putMonitor(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  name: string,
  input: MonitorInput,
): Promise<{ monitor: MonitorInfo; created: boolean }> {
  const config = (input.config ?? {}) as Record<string, unknown>;
  checkSettings(MONITOR_CONFIGS[input.kind], config, 'body.config');
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const owner = await modelRow(trx, model);
    await checkAgainstModel(trx, owner, name, input, config);
    const before = await namedRow(trx, 'monitors', owner.id, name);
    const text = JSON.stringify(config);
    if (before === undefined) {
      await trx
        .insertInto('monitors')
        .values({
          model_id: owner.id,
          name,
          kind: input.kind,
          config: text,
          created_at: at,
          created_by: actor.name,
          updated_at: at,
        })
        .execute();
    } else {
      // A monitor whose kind changes measures something else: its old results would mislead.
      if (before.kind !== input.kind) {
        await trx.deleteFrom('monitor_results').where('monitor_id', '=', before.id).execute();
      }
      await trx
        .updateTable('monitors')
        .set({ kind: input.kind, config: text, updated_at: at })
        .where('id', '=', before.id)
        .execute();
    }
    await recordAudit(trx, actor, at, {
      action: before === undefined ? 'monitor.create' : 'monitor.update',
      targetType: 'monitor',
      target: `${model}/${name}`,
      model,
      before:
        before === undefined ? undefined : { kind: before.kind, config: JSON.parse(before.config) },
      after: { kind: input.kind, config },
    });
    const row = (await namedRow(trx, 'monitors', owner.id, name)) as MonitorRow;
    return { monitor: toInfo(model, row), created: before === undefined };
  });
}

/**
 * The monitors of `model`, by name.
 *
 * @example
 * (await listMonitors(db, 'churn')).map((m) => m.name); // ['drift', 'quality']
 */
export async function listMonitors(db: Db, model: string): Promise<MonitorInfo[]> {
  const owner = await modelRow(db, model);
  const rows = await namedRows(db, 'monitors', owner.id);
  return rows.map((r) => toInfo(model, r));
}

/**
 * One monitor's row, or a not-found error naming it.
 *
 * @example
 * (await monitorRow(db, owner, 'drift')).kind; // 'feature_drift'
 */
export async function monitorRow(db: Db, owner: ModelRow, name: string): Promise<MonitorRow> {
  const row = await namedRow(db, 'monitors', owner.id, name);
  if (row === undefined) {
    throw new DomainError('not_found', `"${owner.name}" has no monitor named "${name}"`, 'monitor');
  }
  return row;
}

/**
 * One monitor of `model`.
 *
 * @example
 * (await getMonitor(db, 'churn', 'drift')).kind; // 'feature_drift'
 */
export async function getMonitor(db: Db, model: string, name: string): Promise<MonitorInfo> {
  const owner = await modelRow(db, model);
  return toInfo(model, await monitorRow(db, owner, name));
}

/**
 * Delete a monitor and its results; a decay monitor that follows it is refused first.
 *
 * @example
 * await deleteMonitor(ctx, actor, 'churn', 'drift');
 */
export async function deleteMonitor(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  name: string,
): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const owner = await modelRow(trx, model);
    const row = await monitorRow(trx, owner, name);
    const others = await trx
      .selectFrom('monitors')
      .select(['name', 'config'])
      .where('model_id', '=', owner.id)
      .where('kind', '=', 'decay')
      .execute();
    const follower = others.find(
      (o) => (JSON.parse(o.config) as { monitor?: string }).monitor === name,
    );
    if (follower !== undefined) {
      throw new DomainError(
        'conflict',
        `monitor "${follower.name}" follows "${name}": delete it first`,
        'monitor',
      );
    }
    await trx.deleteFrom('monitors').where('id', '=', row.id).execute();
    await recordAudit(trx, actor, at, {
      action: 'monitor.delete',
      targetType: 'monitor',
      target: `${model}/${name}`,
      model,
      before: { kind: row.kind, config: JSON.parse(row.config) },
    });
  });
}
