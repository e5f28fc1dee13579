/**
 * What people do with alerts: list them (firing first), read one with its history and
 * deliveries, acknowledge it ("I am on it": it keeps firing, and stays in Alertmanager), and
 * silence it for a time (nothing is sent until then). Each action is in the alert's history
 * and in the audit log.
 */
import { DomainError } from '../domain-error.js';
import { normalTime, recordAudit } from '../registry/audit-log.js';
import type { Actor, Db, RegistryContext } from '../registry/context.js';
import { modelRow } from '../registry/models.js';
import type { AlertRow } from '../store/tables.js';
import type { AlertView } from './alert-schemas.js';

export interface AlertQuery {
  model?: string;
  status?: 'firing' | 'resolved';
  limit?: number;
}

function toView(r: AlertRow & { rule_name: string; model_name: string }): AlertView {
  return {
    id: r.id,
    model: r.model_name,
    rule: r.rule_name,
    fingerprint: r.fingerprint,
    status: r.status as AlertView['status'],
    severity: r.severity as AlertView['severity'],
    summary: r.summary,
    labels: JSON.parse(r.labels) as Record<string, string>,
    value: r.value,
    windowStart: r.window_start,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    ackedBy: r.acked_by,
    ackedAt: r.acked_at,
    silencedUntil: r.silenced_until,
  };
}

function baseQuery(db: Db) {
  return db
    .selectFrom('alerts')
    .innerJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
    .innerJoin('models', 'models.id', 'alerts.model_id')
    .selectAll('alerts')
    .select(['alert_rules.name as rule_name', 'models.name as model_name']);
}

/**
 * Alerts, firing ones first, newest first.
 *
 * @example
 * (await listAlerts(db, { model: 'churn', status: 'firing' })).map((a) => a.summary);
 */
export async function listAlerts(db: Db, query: AlertQuery = {}): Promise<AlertView[]> {
  let q = baseQuery(db);
  if (query.model !== undefined)
    q = q.where('alerts.model_id', '=', (await modelRow(db, query.model)).id);
  if (query.status !== undefined) q = q.where('alerts.status', '=', query.status);
  const rows = await q
    .orderBy('alerts.status')
    .orderBy('alerts.starts_at', 'desc')
    .orderBy('alerts.id', 'desc')
    .limit(query.limit ?? 100)
    .execute();
  return rows.map(toView);
}

async function alertRow(db: Db, id: number) {
  const row = await baseQuery(db).where('alerts.id', '=', id).executeTakeFirst();
  if (row === undefined) throw new DomainError('not_found', `no alert ${id}`, 'id');
  return row;
}

/**
 * One alert with its history and deliveries.
 *
 * @example
 * (await getAlert(db, 12)).events?.map((e) => e.action); // ['firing', 'sent', 'acknowledged']
 */
export async function getAlert(db: Db, id: number): Promise<AlertView> {
  const row = await alertRow(db, id);
  const events = await db
    .selectFrom('alert_events')
    .select(['at', 'action', 'actor', 'detail'])
    .where('alert_id', '=', id)
    .orderBy('id')
    .execute();
  const deliveries = await db
    .selectFrom('alert_deliveries')
    .innerJoin('channels', 'channels.id', 'alert_deliveries.channel_id')
    .select([
      'channels.name as channel',
      'alert_deliveries.status',
      'alert_deliveries.alert_status',
      'alert_deliveries.attempts',
      'alert_deliveries.response_status',
      'alert_deliveries.error',
      'alert_deliveries.at',
    ])
    .where('alert_deliveries.alert_id', '=', id)
    .orderBy('alert_deliveries.id')
    .execute();
  return {
    ...toView(row),
    events,
    deliveries: deliveries.map((d) => ({
      channel: d.channel,
      status: d.status,
      alertStatus: d.alert_status,
      attempts: d.attempts,
      responseStatus: d.response_status,
      error: d.error,
      at: d.at,
    })),
  };
}

async function act(
  ctx: RegistryContext,
  actor: Actor,
  id: number,
  action: string,
  set: Partial<Pick<AlertRow, 'acked_by' | 'acked_at' | 'silenced_until'>>,
  detail: string | null,
): Promise<AlertView> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await alertRow(trx, id);
    await trx
      .updateTable('alerts')
      .set({ ...set, updated_at: at })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('alert_events')
      .values({ alert_id: id, at, action, actor: actor.name, detail })
      .execute();
    await recordAudit(trx, actor, at, {
      action: `alert.${action}`,
      targetType: 'alert',
      target: String(id),
      model: row.model_name,
      before: { ackedBy: row.acked_by, silencedUntil: row.silenced_until },
      after: set,
    });
  });
  return getAlert(ctx.db, id);
}

/**
 * Acknowledge an alert.
 *
 * @example
 * await ackAlert(ctx, actor, 12, 'retraining started'); // { ackedBy: 'alice', … }
 */
export function ackAlert(
  ctx: RegistryContext,
  actor: Actor,
  id: number,
  comment?: string,
): Promise<AlertView> {
  return act(
    ctx,
    actor,
    id,
    'acknowledged',
    { acked_by: actor.name, acked_at: ctx.now() },
    comment ?? null,
  );
}

/**
 * Silence an alert until a time (nothing is sent before it).
 *
 * @example
 * await silenceAlert(ctx, actor, 12, '2026-03-04T09:00:00Z', 'known outage');
 */
export function silenceAlert(
  ctx: RegistryContext,
  actor: Actor,
  id: number,
  until: string,
  comment?: string,
): Promise<AlertView> {
  const end = normalTime(until, 'until');
  if (end <= ctx.now())
    throw new DomainError('invalid', `until (${end}) is not in the future`, 'body.until');
  return act(ctx, actor, id, 'silenced', { silenced_until: end }, comment ?? `until ${end}`);
}

/**
 * End an alert's silence now.
 *
 * @example
 * await unsilenceAlert(ctx, actor, 12);
 */
export function unsilenceAlert(ctx: RegistryContext, actor: Actor, id: number): Promise<AlertView> {
  return act(ctx, actor, id, 'unsilenced', { silenced_until: null }, null);
}
