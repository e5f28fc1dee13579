/**
 * One contract for every alert channel: from the channel's settings and an alert, the request
 * to send (URL, headers, JSON body). Sending, retries and logging are shared (`send-alert.ts`);
 * adding a channel is one file here and one line in `index.ts`.
 */
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
  request(settings: Settings, alert: Alert): ChannelRequest;
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
  if (typeof value !== 'string') throw new TypeError(`${name} must be a URL`);
  let u: URL;
  try {
    u = new URL(value);
  } catch {
    throw new TypeError(`${name} must be a URL, got "${value}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new TypeError(`${name} must be http:// or https://`);
  return value;
}
