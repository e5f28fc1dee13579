/**
 * PagerDuty Events API v2: `trigger` while firing and `resolve` once resolved, both with the
 * alert's fingerprint as `dedup_key`, so PagerDuty opens one incident and closes the same one.
 */
import type { Alert } from '../alert.js';
import { type Channel, JSON_HEADERS, urlSetting } from './channel.js';

export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

export interface PagerDutySettings {
  routingKey: string;
  /** The Events API endpoint (PagerDuty's by default). */
  url: string;
}

/**
 * The PagerDuty channel.
 *
 * @example
 * pagerDutyChannel.request({ routingKey: 'R0UT1NGKEY…', url: PAGERDUTY_EVENTS_URL }, alert);
 */
export const pagerDutyChannel: Channel<PagerDutySettings> = {
  type: 'pagerduty',
  check(settings) {
    const routingKey = (settings as { routingKey?: unknown }).routingKey;
    if (typeof routingKey !== 'string' || routingKey.length !== 32) {
      throw new TypeError(
        'routingKey must be the 32-character integration key of a PagerDuty service',
      );
    }
    const url =
      (settings as { url?: unknown }).url === undefined
        ? PAGERDUTY_EVENTS_URL
        : urlSetting(settings, 'url');
    return { routingKey, url };
  },
  request(settings, alert: Alert) {
    const resolved = alert.status === 'resolved';
    const body = JSON.stringify({
      routing_key: settings.routingKey,
      event_action: resolved ? 'resolve' : 'trigger',
      dedup_key: alert.fingerprint,
      ...(resolved
        ? {}
        : {
            payload: {
              summary: `${alert.model} · ${alert.rule}: ${alert.summary}`.slice(0, 1024),
              source: `tend/${alert.model}`,
              severity: alert.severity,
              timestamp: alert.startsAt,
              component: alert.model,
              group: alert.rule,
              custom_details: {
                ...alert.labels,
                ...(alert.value !== undefined ? { value: alert.value } : {}),
              },
            },
            ...(alert.url ? { links: [{ href: alert.url, text: 'Tend' }] } : {}),
          }),
    });
    return { url: settings.url, body, headers: () => JSON_HEADERS };
  },
};
