/**
 * A generic webhook: the alert as JSON, signed as registry webhooks are (`X-Tend-Signature`,
 * HMAC-SHA256 over id, timestamp and body), so one receiver verifies both.
 */
import { signatureHeaders } from '../../webhooks/signature.js';
import type { Alert } from '../alert.js';
import { type Channel, urlSetting } from './channel.js';

export interface WebhookSettings {
  url: string;
  secret: string;
}

/**
 * The webhook channel.
 *
 * @example
 * webhookChannel.request({ url, secret }, alert).body; // '{"type":"alert.firing","alert":{…}}'
 */
export const webhookChannel: Channel<WebhookSettings> = {
  type: 'webhook',
  check(settings) {
    const url = urlSetting(settings, 'url');
    const secret = (settings as { secret?: unknown }).secret;
    if (typeof secret !== 'string' || secret.length < 16)
      throw new TypeError('secret must be at least 16 characters');
    return { url, secret };
  },
  request(settings, alert: Alert) {
    const body = JSON.stringify({ type: `alert.${alert.status}`, alert });
    const id = `alert_${alert.fingerprint}_${alert.status}`;
    return {
      url: settings.url,
      body,
      headers: (now) => signatureHeaders(settings.secret, id, body, now),
    };
  },
};
