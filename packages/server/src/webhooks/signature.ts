/**
 * Signing of the webhooks the registry sends. A subscriber must be able to tell that a POST
 * came from its Tend and was not replayed later, so every request carries the event id, the
 * time it was sent and an HMAC-SHA256 over both and the exact body, keyed with the secret the
 * subscriber and Tend share. The same module verifies, so the sender and the subscribers'
 * checks (and our tests) cannot drift apart.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far (seconds) a signed timestamp may be from the receiver's clock by default. */
const DEFAULT_TOLERANCE_SECONDS = 300;

/** The one accepted header shape: the scheme and 32 bytes of hex (either case). */
const SIGNATURE_HEADER = /^sha256=([0-9a-fA-F]{64})$/;

function digest(secret: string, id: string, timestamp: number, body: string): Buffer {
  // The id and timestamp are signed along with the body so a captured request cannot be
  // replayed under another id or with a fresher timestamp.
  return createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`, 'utf8').digest();
}

/**
 * The `X-Tend-Signature` value for one request: `sha256=` and the hex HMAC-SHA256 of
 * `${id}.${timestamp}.${body}` keyed with `secret`. Throws a TypeError for an empty secret or a
 * timestamp that is not whole Unix seconds, since either would sign something no subscriber
 * can check.
 *
 * @example
 * signPayload('whsec_1', 'evt_1', 1700000000, '{"type":"model.promoted"}'); // 'sha256=…'
 */
export function signPayload(secret: string, id: string, timestamp: number, body: string): string {
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError('secret must be a non-empty string');
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new TypeError(`timestamp must be whole Unix seconds, got ${timestamp}`);
  }
  return `sha256=${digest(secret, id, timestamp, body).toString('hex')}`;
}

/**
 * Whether `header` is a valid `X-Tend-Signature` for this id, timestamp and body, and the
 * timestamp lies within `toleranceSeconds` (default 300) of `now` (Unix seconds, default the
 * clock), which stops a captured request from being replayed later. Never throws: a missing,
 * repeated or malformed header, an empty secret or a bad timestamp is simply `false`, so a
 * subscriber can pass Node's request headers straight in.
 *
 * @example
 * verifySignature(secret, eventId, Number(timestampHeader), rawBody, signatureHeader); // true
 */
export function verifySignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
  header: string | string[] | undefined,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  // An empty secret usually means a subscriber's setting went missing; accepting what it
  // "verifies" would accept anyone's requests.
  if (typeof secret !== 'string' || secret === '') return false;
  if (typeof id !== 'string' || typeof body !== 'string' || typeof header !== 'string') {
    return false;
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) return false;
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (!(Math.abs(now - timestamp) <= tolerance)) return false; // also false for a NaN option
  const match = SIGNATURE_HEADER.exec(header);
  if (match === null) return false;
  const given = Buffer.from(match[1], 'hex');
  const expected = digest(secret, id, timestamp, body);
  // timingSafeEqual throws on unequal lengths; the pattern already fixes the length, the check
  // keeps that true should the pattern ever change.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The headers of one webhook request sent at `nowSeconds` (Unix seconds; a fraction is
 * dropped): the event id, the timestamp, the signature, the JSON content type and Tend's
 * user agent, which subscribers can use to route or allow-list the requests.
 *
 * @example
 * signatureHeaders('whsec_1', 'evt_1', body, Math.floor(Date.now() / 1000))['X-Tend-Signature'];
 */
export function signatureHeaders(
  secret: string,
  id: string,
  body: string,
  nowSeconds: number,
): Record<string, string> {
  const timestamp = Math.floor(nowSeconds);
  return {
    'X-Tend-Event-Id': id,
    'X-Tend-Timestamp': String(timestamp),
    'X-Tend-Signature': signPayload(secret, id, timestamp, body),
    'content-type': 'application/json',
    'user-agent': 'tend-webhooks/1',
  };
}
