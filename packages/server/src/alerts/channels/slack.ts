/**
 * Slack incoming webhooks: one message per alert change, its status and severity first, the
 * summary, and the labels and value in a compact block.
 */
import type { Alert } from '../alert.js';
import { type Channel, JSON_HEADERS, urlSetting } from './channel.js';

const ICON: Record<string, string> = {
  critical: ':red_circle:',
  warning: ':large_orange_circle:',
  info: ':large_blue_circle:',
};

/**
 * The text of an alert as Slack shows it.
 *
 * @example
 * slackText(alert); // ':red_circle: *FIRING* churn · feature-drift — age drifted (p = 1e-9)'
 */
export function slackText(alert: Alert): string {
  const icon = alert.status === 'resolved' ? ':white_check_mark:' : (ICON[alert.severity] ?? '');
  return `${icon} *${alert.status.toUpperCase()}* ${alert.model} · ${alert.rule} — ${alert.summary}`;
}

/**
 * The Slack channel.
 *
 * @example
 * slackChannel.request({ url: 'https://hooks.slack.com/services/T/B/X' }, alert);
 */
export const slackChannel: Channel<{ url: string }> = {
  type: 'slack',
  check: (settings) => ({ url: urlSetting(settings, 'url') }),
  request(settings, alert) {
    const fields = Object.entries(alert.labels).map(([k, v]) => `*${k}*: ${v}`);
    if (alert.value !== undefined) fields.push(`*value*: ${alert.value}`);
    const blocks: unknown[] = [
      { type: 'section', text: { type: 'mrkdwn', text: slackText(alert) } },
    ];
    if (alert.description)
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text: alert.description } });
    if (fields.length > 0)
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: fields.join('  ·  ') }] });
    const body = JSON.stringify({ text: slackText(alert), blocks });
    return { url: settings.url, body, headers: () => JSON_HEADERS };
  },
};
