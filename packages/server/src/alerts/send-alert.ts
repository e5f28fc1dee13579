/**
 * Sending an alert through a channel, with the retries and attempt log every delivery shares
 * (`webhooks/deliver.ts`): retried on 429, 5xx, timeouts and network errors with backoff.
 */
import { type DeliverOptions, type DeliveryResult, postWithRetry } from '../webhooks/deliver.js';
import type { Alert } from './alert.js';
import { CHANNELS } from './channels/index.js';

/**
 * Send `alert` through the channel of `type` with its settings; a TypeError for an unknown
 * type or unusable settings, else what came of the delivery.
 *
 * @example
 * await sendAlert('slack', { url: 'https://hooks.slack.com/services/T/B/X' }, alert);
 */
export async function sendAlert(
  type: string,
  settings: unknown,
  alert: Alert,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  const channel = CHANNELS[type];
  if (channel === undefined) {
    throw new TypeError(
      `unknown channel type "${type}": one of ${Object.keys(CHANNELS).join(', ')}`,
    );
  }
  const checked = channel.check(settings);
  if (channel.deliver !== undefined) return channel.deliver(checked, alert, options);
  const request = (channel.request as NonNullable<typeof channel.request>)(checked, alert);
  return postWithRetry(request.url, request.body, request.headers, options);
}
