/**
 * The audit log: every change to the registry, with who made it, when, what it touched, and
 * the state before and after. Written in the same transaction as the change, so a change and
 * its record commit together or not at all; the table refuses updates and deletes
 * (`store/migrations.ts`).
 */
import { DomainError } from '../domain-error.js';
import type { AuditEventRow } from '../store/tables.js';
import type { Actor, Db } from './context.js';
import type { AuditEvent } from './schemas.js';

export interface AuditEntry {
  action: string;
  targetType:
    | 'model'
    | 'version'
    | 'alias'
    | 'api_key'
    | 'webhook'
    | 'monitor'
    | 'alert_rule'
    | 'alert'
    | 'channel';
  target: string;
  model?: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Append one entry.
 *
 * @example
 * await recordAudit(trx, actor, now, { action: 'model.create', targetType: 'model', target: 'churn', model: 'churn', after: model });
 */
export async function recordAudit(
  db: Db,
  actor: Actor,
  at: string,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at,
      actor: actor.name,
      action: entry.action,
      target_type: entry.targetType,
      target: entry.target,
      model_name: entry.model ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditQuery {
  model?: string;
  /** Inclusive lower bound, ISO-8601. */
  from?: string;
  /** Exclusive upper bound, ISO-8601. */
  to?: string;
  actor?: string;
  action?: string;
  /** Entries with ids below this (the next page). */
  before?: number;
  limit?: number;
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    target: row.target,
    model: row.model_name,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
  };
}

/**
 * Entries matching the query, newest first.
 *
 * @example
 * await queryAudit(db, { model: 'churn', from: '2026-03-01T00:00:00Z', limit: 50 });
 */
export async function queryAudit(db: Db, query: AuditQuery): Promise<AuditEvent[]> {
  let q = db.selectFrom('audit_events').selectAll();
  if (query.model !== undefined) q = q.where('model_name', '=', query.model);
  if (query.from !== undefined) q = q.where('at', '>=', normalTime(query.from, 'from'));
  if (query.to !== undefined) q = q.where('at', '<', normalTime(query.to, 'to'));
  if (query.actor !== undefined) q = q.where('actor', '=', query.actor);
  if (query.action !== undefined) q = q.where('action', '=', query.action);
  if (query.before !== undefined) q = q.where('id', '<', query.before);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(query.limit ?? 100)
    .execute();
  return rows.map(toAuditEvent);
}

/**
 * A time given by a user as the store's text form (ISO-8601 UTC with milliseconds), so that
 * text comparison in SQL is time comparison; throws naming the field when it is no time.
 *
 * @example
 * normalTime('2026-03-03T14:00+01:00', 'at'); // '2026-03-03T13:00:00.000Z'
 */
export function normalTime(text: string, field: string): string {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    throw new DomainError('invalid', `${field} must be an ISO-8601 time, got "${text}"`, field);
  }
  return new Date(ms).toISOString();
}
