/**
 * Notification channels, shared by every model's rules and named: a team sets up its Slack
 * channel or its Alertmanager once and points rules at it. Settings are checked by the
 * channel's own `check` when set. Secrets (a webhook's signing secret, an SMTP password, a
 * PagerDuty routing key, the path of a Slack webhook URL, which is its key) are never shown
 * back.
 */
import { DomainError } from '../domain-error.js';
import { recordAudit } from '../registry/audit-log.js';
import type { Actor, Db, RegistryContext } from '../registry/context.js';
import type { ChannelRow } from '../store/tables.js';
import type { ChannelInput, ChannelView } from './alert-schemas.js';
import { CHANNELS } from './channels/index.js';

const SECRET = /secret|password|routingkey|token/i;

/**
 * Settings as they may be shown: secrets masked, a Slack URL cut to its host.
 *
 * @example
 * maskSettings('slack', { url: 'https://hooks.slack.com/services/T/B/X' }); // { url: 'https://hooks.slack.com/…' }
 */
export function maskSettings(
  type: string,
  settings: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(settings)) {
    if (SECRET.test(k) && typeof v === 'string') out[k] = `••••${v.length > 12 ? v.slice(-4) : ''}`;
    else if (type === 'slack' && k === 'url' && typeof v === 'string') {
      try {
        out[k] = `${new URL(v).origin}/…`;
      } catch {
        out[k] = '…';
      }
    } else out[k] = v;
  }
  return out;
}

const toView = (r: ChannelRow): ChannelView => ({
  name: r.name,
  type: r.type,
  settings: maskSettings(r.type, JSON.parse(r.settings) as Record<string, unknown>),
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
});

/**
 * The settings of a channel type checked, or a DomainError naming the setting.
 *
 * @example
 * checkChannel({ type: 'slack', settings: { url: 'ftp://x' } }); // throws: body.settings … must be http:// or https://
 */
export function checkChannel(input: ChannelInput): unknown {
  const channel = CHANNELS[input.type];
  try {
    return channel.check(input.settings);
  } catch (err) {
    const message = (err as Error).message;
    const setting = /^(\w+)/.exec(message)?.[1] ?? '';
    throw new DomainError(
      'invalid',
      `${input.type} channel: ${message}`,
      `body.settings.${setting}`,
    );
  }
}

/**
 * Create or replace the channel `name`.
 *
 * @example
 * await putChannel(ctx, actor, 'oncall', { type: 'pagerduty', settings: { routingKey } });
 */
export async function putChannel(
  ctx: RegistryContext,
  actor: Actor,
  name: string,
  input: ChannelInput,
): Promise<{ channel: ChannelView; created: boolean }> {
  checkChannel(input);
  const at = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('channels')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    const settings = JSON.stringify(input.settings);
    if (before === undefined) {
      await trx
        .insertInto('channels')
        .values({
          name,
          type: input.type,
          settings,
          created_at: at,
          created_by: actor.name,
          updated_at: at,
        })
        .execute();
    } else {
      await trx
        .updateTable('channels')
        .set({ type: input.type, settings, updated_at: at })
        .where('id', '=', before.id)
        .execute();
    }
    await recordAudit(trx, actor, at, {
      action: before === undefined ? 'channel.create' : 'channel.update',
      targetType: 'channel',
      target: name,
      before: before === undefined ? undefined : toView(before),
      after: { type: input.type, settings: maskSettings(input.type, input.settings) },
    });
    const row = await trx
      .selectFrom('channels')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return { channel: toView(row), created: before === undefined };
  });
}

/**
 * A channel's row, or a not-found error naming it.
 *
 * @example
 * (await channelRow(db, 'oncall')).type; // 'pagerduty'
 */
export async function channelRow(db: Db, name: string): Promise<ChannelRow> {
  const row = await db
    .selectFrom('channels')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirst();
  if (row === undefined)
    throw new DomainError('not_found', `no channel named "${name}"`, 'channel');
  return row;
}

/**
 * Every channel, by name, secrets masked.
 *
 * @example
 * (await listChannels(db)).map((c) => c.name); // ['oncall', 'slack']
 */
export async function listChannels(db: Db): Promise<ChannelView[]> {
  const rows = await db.selectFrom('channels').selectAll().orderBy('name').execute();
  return rows.map(toView);
}

/**
 * One channel, secrets masked.
 *
 * @example
 * (await getChannel(db, 'oncall')).settings.routingKey; // '••••9f3a'
 */
export async function getChannel(db: Db, name: string): Promise<ChannelView> {
  return toView(await channelRow(db, name));
}

/**
 * Delete a channel no rule sends to (a conflict names the rules that do).
 *
 * @example
 * await deleteChannel(ctx, actor, 'oncall');
 */
export async function deleteChannel(
  ctx: RegistryContext,
  actor: Actor,
  name: string,
): Promise<void> {
  const at = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await channelRow(trx, name);
    const rules = await trx
      .selectFrom('alert_rules')
      .innerJoin('models', 'models.id', 'alert_rules.model_id')
      .select(['models.name as model', 'alert_rules.name', 'alert_rules.config'])
      .execute();
    const users = rules
      .filter((r) =>
        ((JSON.parse(r.config) as { channels?: string[] }).channels ?? []).includes(name),
      )
      .map((r) => `${r.model}/${r.name}`);
    if (users.length > 0) {
      throw new DomainError(
        'conflict',
        `rules ${users.join(', ')} send to channel "${name}": change them first`,
        'channel',
      );
    }
    await trx.deleteFrom('channels').where('id', '=', row.id).execute();
    await recordAudit(trx, actor, at, {
      action: 'channel.delete',
      targetType: 'channel',
      target: name,
      before: toView(row),
    });
  });
}
