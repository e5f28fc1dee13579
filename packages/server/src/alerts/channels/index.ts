/**
 * The alert channels, by type. Adding one is a file beside this one and a line here.
 */
import { alertmanagerChannel } from './alertmanager.js';
import type { Channel } from './channel.js';
import { emailChannel } from './email.js';
import { pagerDutyChannel } from './pagerduty.js';
import { slackChannel } from './slack.js';
import { webhookChannel } from './webhook.js';

export const CHANNELS: Record<string, Channel<unknown>> = {
  webhook: webhookChannel as Channel<unknown>,
  slack: slackChannel as Channel<unknown>,
  alertmanager: alertmanagerChannel as Channel<unknown>,
  pagerduty: pagerDutyChannel as Channel<unknown>,
  email: emailChannel as Channel<unknown>,
};
