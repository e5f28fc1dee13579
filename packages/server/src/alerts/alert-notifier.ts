/**
 * Sending alerts where teams look: each alert raised or resolved goes to its rule's channels
 * in the background (an evaluation never waits on Slack), with the shared retries, and every
 * delivery is logged (`alert_deliveries`, and a `sent` or `send_failed` event in the alert's
 * history). A silenced alert is not sent. Alertmanager forgets an alert that is not sent again
 * before its resolve timeout (5 minutes by default), so firing alerts are re-sent to
 * Alertmanager channels every minute while they fire, acknowledged or not.
 */
import type { Db } from '../registry/context.js';
import type { AlertRow } from '../store/tables.js';
import type { DeliverOptions, DeliveryResult } from '../webhooks/deliver.js';
import type { Alert, Severity } from './alert.js';
import type { AlertChange } from './alert-engine.js';
import type { AlertRuleInput } from './alert-schemas.js';
import { channelRow } from './channel-store.js';
import { sendAlert } from './send-alert.js';

/** How often a firing alert is sent to Alertmanager again. */
export const RESEND_MS = 60_000;

/** One channel's delivery of one alert. */
export interface ChannelDelivery {
  channel: string;
  type: string;
  result: DeliveryResult;
}

/**
 * The alert as channels take it.
 *
 * @example
 * toAlert(row, 'drift', 'churn', 'The share of customers over 60 doubled.').status; // 'firing'
 */
export function toAlert(row: AlertRow, rule: string, model: string, description?: string): Alert {
  return {
    fingerprint: row.fingerprint,
    rule,
    model,
    severity: row.severity as Severity,
    status: row.status as Alert['status'],
    summary: row.summary,
    ...(description === undefined ? {} : { description }),
    labels: JSON.parse(row.labels) as Record<string, string>,
    ...(row.value === null ? {} : { value: row.value }),
    startsAt: row.starts_at,
    ...(row.ends_at === null ? {} : { endsAt: row.ends_at }),
  };
}

/**
 * Delivers alert changes to channels and keeps Alertmanager's copy alive.
 *
 * @example
 * const notifier = new AlertNotifier(db); notifier.notify(await applyRules(ctx, owner, v, evaluated));
 */
export class AlertNotifier {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    readonly options: DeliverOptions = {},
    private readonly now: () => string = () => new Date().toISOString(),
    /** Told of each delivery finished (the metrics count them). */
    private readonly onFinished: (type: string, ok: boolean) => void = () => {},
  ) {}

  /** Send each change to its rule's channels, in the background. */
  notify(changes: AlertChange[]): void {
    for (const c of changes) this.track(this.send(c.alertId).then(() => {}));
  }

  /**
   * Send one alert, as it stands now, to its rule's channels (only those whose type `only`
   * accepts); answers each channel's delivery. A silenced alert is not sent.
   */
  async send(
    alertId: number,
    only: (type: string) => boolean = () => true,
  ): Promise<ChannelDelivery[]> {
    const row = await this.db
      .selectFrom('alerts')
      .innerJoin('alert_rules', 'alert_rules.id', 'alerts.rule_id')
      .innerJoin('models', 'models.id', 'alerts.model_id')
      .selectAll('alerts')
      .select([
        'alert_rules.name as rule_name',
        'alert_rules.config as rule_config',
        'models.name as model_name',
      ])
      .where('alerts.id', '=', alertId)
      .executeTakeFirst();
    if (row === undefined) return [];
    const at = this.now();
    if (row.silenced_until !== null && row.silenced_until > at) return [];
    const cfg = JSON.parse(row.rule_config) as AlertRuleInput;
    const alert = toAlert(row, row.rule_name, row.model_name, cfg.description);
    const out: ChannelDelivery[] = [];
    for (const name of cfg.channels ?? []) {
      let channel: Awaited<ReturnType<typeof channelRow>>;
      try {
        channel = await channelRow(this.db, name);
      } catch {
        continue; // deleted since the rule was set: nothing to send to
      }
      if (!only(channel.type)) continue;
      let result: DeliveryResult;
      try {
        result = await sendAlert(channel.type, JSON.parse(channel.settings), alert, this.options);
      } catch (err) {
        result = { ok: false, attempts: [], error: (err as Error).message };
      }
      out.push({ channel: name, type: channel.type, result });
      const done = this.now();
      await this.db
        .insertInto('alert_deliveries')
        .values({
          alert_id: alertId,
          channel_id: channel.id,
          status: result.ok ? 'delivered' : 'failed',
          alert_status: alert.status,
          attempts: result.attempts.length,
          response_status: result.finalStatus ?? null,
          error: result.error ?? null,
          at: done,
        })
        .execute();
      await this.db
        .insertInto('alert_events')
        .values({
          alert_id: alertId,
          at: done,
          action: result.ok ? 'sent' : 'send_failed',
          actor: 'tend',
          detail: result.ok
            ? `${alert.status} to ${name}`
            : `${alert.status} to ${name}: ${result.error ?? 'failed'}`,
        })
        .execute();
      this.onFinished(channel.type, result.ok);
    }
    if (out.length > 0) {
      await this.db
        .updateTable('alerts')
        .set({ last_sent_at: this.now() })
        .where('id', '=', alertId)
        .execute();
    }
    return out;
  }

  /** Send firing alerts not sent for a minute to their Alertmanager channels again. */
  async resendFiring(): Promise<number> {
    const before = new Date(Date.parse(this.now()) - RESEND_MS).toISOString();
    const due = await this.db
      .selectFrom('alerts')
      .select('id')
      .where('status', '=', 'firing')
      .where((eb) => eb.or([eb('last_sent_at', 'is', null), eb('last_sent_at', '<=', before)]))
      .execute();
    let sent = 0;
    for (const d of due) {
      sent += (await this.send(d.id, (type) => type === 'alertmanager')).length;
    }
    return sent;
  }

  /** Wait for every delivery under way. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track(work: Promise<void>): void {
    const p = work.catch(() => {}).finally(() => this.running.delete(p));
    this.running.add(p);
  }
}
