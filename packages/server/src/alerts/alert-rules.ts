/**
 * A model's alert rules, created or replaced by name, each change audited. A rule names the
 * monitor it reads and the channels it sends to; both must exist when it is set.
 */
import { DomainError } from '../domain-error.js';
import { recordAudit } from '../registry/audit-log.js';
import type { Actor, Db, RegistryContext } from '../registry/context.js';
import { modelRow } from '../registry/models.js';
import { namedRow, namedRows } from '../registry/named-settings.js';
import type { AlertRuleRow } from '../store/tables.js';
import type { AlertRuleInfo, AlertRuleInput } from './alert-schemas.js';

const toInfo = (model: string, r: AlertRuleRow): AlertRuleInfo => ({
  model,
  name: r.name,
  ...(JSON.parse(r.config) as AlertRuleInput),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

/**
 * Create or replace the rule `name` of `model`.
 *
 * @example
 * await putRule(ctx, actor, 'churn', 'drift', { monitor: 'drift', metric: 'feature:*', for: 2, channels: ['slack'] });
 */
export async function putRule(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  name: string,
  input: AlertRuleInput,
): Promise<{ rule: AlertRuleInfo; created: boolean }> {
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const owner = await modelRow(trx, model);
    const monitor = await namedRow(trx, 'monitors', owner.id, input.monitor);
    if (monitor === undefined) {
      throw new DomainError(
        'invalid',
        `"${model}" has no monitor named "${input.monitor}"`,
        'body.monitor',
      );
    }
    const wanted = [...new Set(input.channels ?? [])];
    if (wanted.length > 0) {
      const found = await trx
        .selectFrom('channels')
        .select('name')
        .where('name', 'in', wanted)
        .execute();
      const missing = wanted.filter((w) => !found.some((f) => f.name === w));
      if (missing.length > 0) {
        throw new DomainError(
          'invalid',
          `no channel named ${missing.map((m) => `"${m}"`).join(', ')}`,
          'body.channels',
        );
      }
    }
    if (input.when !== undefined && Object.keys(input.when).length === 0) {
      throw new DomainError('invalid', 'when needs status, above or below', 'body.when');
    }
    const before = await namedRow(trx, 'alert_rules', owner.id, name);
    const config = JSON.stringify(input);
    if (before === undefined) {
      await trx
        .insertInto('alert_rules')
        .values({
          model_id: owner.id,
          name,
          config,
          created_at: at,
          created_by: actor.name,
          updated_at: at,
        })
        .execute();
    } else {
      await trx
        .updateTable('alert_rules')
        .set({ config, updated_at: at })
        .where('id', '=', before.id)
        .execute();
    }
    await recordAudit(trx, actor, at, {
      action: before === undefined ? 'alert_rule.create' : 'alert_rule.update',
      targetType: 'alert_rule',
      target: `${model}/${name}`,
      model,
      before: before === undefined ? undefined : JSON.parse(before.config),
      after: input,
    });
    const row = (await namedRow(trx, 'alert_rules', owner.id, name)) as AlertRuleRow;
    return { rule: toInfo(model, row), created: before === undefined };
  });
}

/**
 * The rules of `model`, by name.
 *
 * @example
 * (await listRules(db, 'churn')).map((r) => r.name); // ['drift', 'recall']
 */
export async function listRules(db: Db, model: string): Promise<AlertRuleInfo[]> {
  const owner = await modelRow(db, model);
  const rows = await namedRows(db, 'alert_rules', owner.id);
  return rows.map((r) => toInfo(model, r));
}

/**
 * Delete a rule and its alerts' history.
 *
 * @example
 * await deleteRule(ctx, actor, 'churn', 'drift');
 */
export async function deleteRule(
  ctx: RegistryContext,
  actor: Actor,
  model: string,
  name: string,
): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const owner = await modelRow(trx, model);
    const row = await namedRow(trx, 'alert_rules', owner.id, name);
    if (row === undefined)
      throw new DomainError('not_found', `"${model}" has no alert rule named "${name}"`, 'rule');
    await trx.deleteFrom('alert_rules').where('id', '=', row.id).execute();
    await recordAudit(trx, actor, at, {
      action: 'alert_rule.delete',
      targetType: 'alert_rule',
      target: `${model}/${name}`,
      model,
      before: JSON.parse(row.config),
    });
  });
}
