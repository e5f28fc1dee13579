/**
 * A channel's test send: a made-up alert, marked as a test, sent through the channel now with
 * the usual retries, and the receiver's answer reported, so a team sees at once whether its
 * Slack URL or routing key works. A firing test is followed by its resolve, so PagerDuty and
 * Alertmanager close what they opened.
 */
import type { RegistryContext } from '../registry/context.js';
import type { DeliverOptions } from '../webhooks/deliver.js';
import { type Alert, alertFingerprint } from './alert.js';
import { channelRow } from './channel-store.js';
import { sendAlert } from './send-alert.js';

export interface TestSendResult {
  channel: string;
  type: string;
  ok: boolean;
  attempts: number;
  responseStatus: number | null;
  error: string | null;
}

/**
 * Send a test alert (firing, then resolved) through the channel `name`.
 *
 * @example
 * await testSend(ctx, 'slack', {}); // { channel: 'slack', type: 'slack', ok: true, attempts: 1, responseStatus: 200, error: null }
 */
export async function testSend(
  ctx: RegistryContext,
  name: string,
  options: DeliverOptions,
): Promise<TestSendResult> {
  const channel = await channelRow(ctx.db, name);
  const labels = { test: 'true', channel: name };
  const at = ctx.now();
  const firing: Alert = {
    fingerprint: alertFingerprint('tend-test', 'tend', labels),
    rule: 'tend-test',
    model: 'tend',
    severity: 'info',
    status: 'firing',
    summary: `Test alert from Tend to channel "${name}": nothing is wrong`,
    labels,
    startsAt: at,
  };
  const settings = JSON.parse(channel.settings) as unknown;
  const sent = await sendAlert(channel.type, settings, firing, options);
  if (sent.ok)
    await sendAlert(
      channel.type,
      settings,
      { ...firing, status: 'resolved', endsAt: ctx.now() },
      options,
    );
  return {
    channel: name,
    type: channel.type,
    ok: sent.ok,
    attempts: sent.attempts.length,
    responseStatus: sent.finalStatus ?? null,
    error: sent.error ?? null,
  };
}
