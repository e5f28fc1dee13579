/**
 * The one check of a URL that Tend will POST to (a webhook subscription, an alert channel, a
 * delivery): http or https, and no credentials in it, which fetch refuses on every attempt —
 * saying so once, when the URL is given, beats five network errors later.
 */

/**
 * `value` parsed as an http(s) URL without credentials, or a TypeError naming `name`.
 *
 * @example
 * httpUrl('https://hooks.slack.com/services/T/B/X', 'url').host; // 'hooks.slack.com'
 */
export function httpUrl(value: unknown, name: string): URL {
  let parsed: URL | undefined;
  try {
    parsed = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new TypeError(
      `${name} must be an http:// or https:// URL, got ${JSON.stringify(String(value))}`,
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new TypeError(`${name} must not contain credentials`);
  }
  return parsed;
}
