/**
 * One contract for every alert channel: from the channel's settings and an alert, either the
 * HTTP request to send (URL, headers, JSON body), sent with the shared retries
 * (`send-alert.ts`), or — for a channel that is not HTTP, e-mail — its own delivery. Adding a
 * channel is one file here and one line in `index.ts`.
 */

import type { DeliverOptions, DeliveryResult } from '../../webhooks/deliver.js';
import { httpUrl } from '../../webhooks/http-url.js';
import type { Alert } from '../alert.js';

export interface ChannelRequest {
  url: string;
  body: string;
  /** Headers for an attempt at `nowSeconds` (a signature may depend on the time). */
  headers(nowSeconds: number): Record<string, string>;
}

export interface Channel<Settings> {
  type: string;
  /** Throws a TypeError naming the setting when the settings are not usable. */
  check(settings: unknown): Settings;
  /** The HTTP request for an alert (HTTP channels). */
  request?(settings: Settings, alert: Alert): ChannelRequest;
  /** The delivery itself (channels that are not HTTP), with retries of its own kind. */
  deliver?(settings: Settings, alert: Alert, options: DeliverOptions): Promise<DeliveryResult>;
}

export const JSON_HEADERS = { 'content-type': 'application/json', 'user-agent': 'tend-alerts/1' };

/**
 * An http(s) URL setting, or a TypeError naming it.
 *
 * @example
 * urlSetting({ url: 'https://hooks.slack.com/services/T/B/X' }, 'url');
 */
export function urlSetting(settings: unknown, name: string): string {
  const value = (settings as Record<string, unknown> | null)?.[name];
  httpUrl(value, name);
  return value as string;
}
