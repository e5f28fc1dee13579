/**
 * Webhooks on registry events: subscriptions (URL, secret, event types), and the dispatcher
 * that turns each committed registry event into one delivery per matching subscription,
 * logged attempt by attempt in `webhook_deliveries`. Deliveries run in the background so a
 * registry change never waits on a subscriber; `drain()` waits for them (shutdown, tests).
 * A delivery still pending when the server stopped is sent again when it starts.
 */

import { randomBytes } from 'node:crypto';
import { DomainError } from '../domain-error.js';
import { recordAudit } from '../registry/audit-log.js';
import type { Actor, Db, RegistryContext, RegistryEvent } from '../registry/context.js';
import type { WebhookDeliveryRow, WebhookRow } from '../store/tables.js';
import { type DeliverOptions, type DeliveryResult, deliverWebhook } from './deliver.js';
import { httpUrl } from './http-url.js';

/** The event types a subscription may name ("*" is every one). */
export const EVENT_TYPES = [
  'model.created',
  'model.updated',
  'model.deleted',
  'model.tag_set',
  'model.tag_deleted',
  'version.created',
  'version.updated',
  'version.deleted',
  'version.tag_set',
  'version.tag_deleted',
  'version.artifact_uploaded',
  'alias.set',
  'alias.deleted',
  'alias.rolled_back',
] as const;

export interface Webhook {
  id: number;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  createdAt: string;
  createdBy: string;
}

export interface WebhookDelivery {
  id: number;
  webhookId: number;
  eventId: string;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

const toWebhook = (r: WebhookRow): Webhook => ({
  id: r.id,
  url: r.url,
  events: JSON.parse(r.events),
  description: r.description,
  active: r.active === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

const toDelivery = (r: WebhookDeliveryRow): WebhookDelivery => ({
  id: r.id,
  webhookId: r.webhook_id,
  eventId: r.event_id,
  event: r.event,
  status: r.status,
  attempts: r.attempts,
  responseStatus: r.response_status,
  error: r.error,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

/**
 * Subscriptions and their deliveries.
 *
 * @example
 * const hooks = new WebhookDispatcher(ctx.db); ctx.emit = (e) => hooks.dispatch(e);
 */
export class WebhookDispatcher {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly options: DeliverOptions = {},
    private readonly now: () => string = () => new Date().toISOString(),
    /** Told of each delivery finished (the metrics count them). */
    private readonly onFinished: (ok: boolean) => void = () => {},
  ) {}

  /** Subscribe `url`; the secret is generated when not given and shown only in this answer. */
  async create(
    ctx: RegistryContext,
    actor: Actor,
    input: { url: string; events?: string[]; description?: string; secret?: string },
  ): Promise<Webhook & { secret: string }> {
    try {
      httpUrl(input.url, 'url');
    } catch (error) {
      throw new DomainError('invalid', (error as Error).message, 'url');
    }
    const events = input.events ?? ['*'];
    for (const e of events) {
      if (e !== '*' && !(EVENT_TYPES as readonly string[]).includes(e)) {
        throw new DomainError(
          'invalid',
          `unknown event type "${e}": one of ${EVENT_TYPES.join(', ')} or *`,
          'events',
        );
      }
    }
    const secret = input.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
    const at = ctx.now();
    return ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('webhooks')
        .values({
          url: input.url,
          secret,
          events: JSON.stringify(events),
          description: input.description ?? '',
          active: 1,
          created_at: at,
          created_by: actor.name,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const hook = toWebhook(row);
      await recordAudit(trx, actor, at, {
        action: 'webhook.create',
        targetType: 'webhook',
        target: `${row.id}`,
        after: hook,
      });
      return { ...hook, secret };
    });
  }

  /** Every subscription (secrets are never listed). */
  async list(): Promise<Webhook[]> {
    return (await this.db.selectFrom('webhooks').selectAll().orderBy('id').execute()).map(
      toWebhook,
    );
  }

  private async row(id: number): Promise<WebhookRow> {
    const row = await this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw new DomainError('not_found', `no webhook with id ${id}`, 'id');
    return row;
  }

  /** Remove a subscription and its delivery log. */
  async remove(ctx: RegistryContext, actor: Actor, id: number): Promise<void> {
    const before = toWebhook(await this.row(id));
    const at = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('webhooks').where('id', '=', id).execute();
      await recordAudit(trx, actor, at, {
        action: 'webhook.delete',
        targetType: 'webhook',
        target: `${id}`,
        before,
      });
    });
  }

  /** A subscription's deliveries, newest first. */
  async deliveries(id: number, limit = 100): Promise<WebhookDelivery[]> {
    await this.row(id);
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', id)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDelivery);
  }

  /** Queue one delivery per active subscription that wants this event. */
  dispatch(event: RegistryEvent): void {
    this.track(this.fanOut(event));
  }

  /** Send a `ping` event to one subscription now, and answer with what happened. */
  async testSend(id: number): Promise<WebhookDelivery & { result: DeliveryResult }> {
    const hook = await this.row(id);
    const event: RegistryEvent = { type: 'ping', model: '', data: { webhook: id } };
    const delivery = await this.enqueue(hook, event);
    const result = await this.send(hook, delivery);
    const row = await this.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('id', '=', delivery.id)
      .executeTakeFirstOrThrow();
    return { ...toDelivery(row), result };
  }

  /** Send again every delivery left pending (the server stopped before it finished). */
  async resumePending(): Promise<number> {
    const pending = await this.db
      .selectFrom('webhook_deliveries')
      .innerJoin('webhooks', 'webhooks.id', 'webhook_deliveries.webhook_id')
      .selectAll('webhook_deliveries')
      .where('webhook_deliveries.status', '=', 'pending')
      .execute();
    for (const d of pending) {
      this.track(this.row(d.webhook_id).then((hook) => this.send(hook, d).then(() => {})));
    }
    return pending.length;
  }

  /** Wait for every delivery under way. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>): void {
    const p = work.catch(() => {}).finally(() => this.running.delete(p));
    this.running.add(p);
  }

  private async fanOut(event: RegistryEvent): Promise<void> {
    const hooks = await this.db
      .selectFrom('webhooks')
      .selectAll()
      .where('active', '=', 1)
      .execute();
    for (const hook of hooks) {
      const wanted: string[] = JSON.parse(hook.events);
      if (!wanted.includes('*') && !wanted.includes(event.type)) continue;
      const delivery = await this.enqueue(hook, event);
      this.track(this.send(hook, delivery).then(() => {}));
    }
  }

  private async enqueue(hook: WebhookRow, event: RegistryEvent): Promise<WebhookDeliveryRow> {
    const eventId = `evt_${randomBytes(12).toString('hex')}`;
    const at = this.now();
    const payload = JSON.stringify({
      id: eventId,
      type: event.type,
      createdAt: at,
      model: event.model,
      ...(event.version === undefined ? {} : { version: event.version }),
      ...(event.alias === undefined ? {} : { alias: event.alias }),
      data: event.data,
    });
    return this.db
      .insertInto('webhook_deliveries')
      .values({
        webhook_id: hook.id,
        event_id: eventId,
        event: event.type,
        payload,
        status: 'pending',
        attempts: 0,
        response_status: null,
        error: null,
        created_at: at,
        finished_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  private async send(hook: WebhookRow, delivery: WebhookDeliveryRow): Promise<DeliveryResult> {
    const result = await deliverWebhook(
      hook.url,
      hook.secret,
      delivery.event_id,
      delivery.payload,
      {
        ...this.options,
        onAttempt: async (a) => {
          await this.db
            .updateTable('webhook_deliveries')
            .set({ attempts: a.attempt, response_status: a.status ?? null, error: a.error ?? null })
            .where('id', '=', delivery.id)
            .execute();
        },
      },
    );
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: result.ok ? 'delivered' : 'failed', finished_at: this.now() })
      .where('id', '=', delivery.id)
      .execute();
    this.onFinished(result.ok);
    return result;
  }
}
