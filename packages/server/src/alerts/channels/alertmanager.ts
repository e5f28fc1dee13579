/**
 * Prometheus Alertmanager: `POST /api/v2/alerts` with the alert in Alertmanager's own shape
 * (labels with `alertname`, annotations, `startsAt`, `endsAt` once resolved). Alertmanager
 * forgets an alert not re-sent before its resolve timeout, so a firing alert must be sent
 * again while it fires; a resolved one carries `endsAt`.
 */
import { type Channel, JSON_HEADERS, urlSetting } from './channel.js';

/**
 * The Alertmanager channel; `url` is Alertmanager's base URL.
 *
 * @example
 * alertmanagerChannel.request({ url: 'http://127.0.0.1:9093' }, alert).url; // 'http://127.0.0.1:9093/api/v2/alerts'
 */
export const alertmanagerChannel: Channel<{ url: string }> = {
  type: 'alertmanager',
  check: (settings) => ({ url: urlSetting(settings, 'url').replace(/\/+$/, '') }),
  request(settings, alert) {
    const body = JSON.stringify([
      {
        labels: {
          ...alert.labels,
          alertname: alert.rule,
          model: alert.model,
          severity: alert.severity,
          source: 'tend',
        },
        annotations: {
          summary: alert.summary,
          ...(alert.description ? { description: alert.description } : {}),
          ...(alert.value !== undefined ? { value: String(alert.value) } : {}),
        },
        startsAt: alert.startsAt,
        ...(alert.endsAt ? { endsAt: alert.endsAt } : {}),
        ...(alert.url ? { generatorURL: alert.url } : {}),
      },
    ]);
    return { url: `${settings.url}/api/v2/alerts`, body, headers: () => JSON_HEADERS };
  },
};
