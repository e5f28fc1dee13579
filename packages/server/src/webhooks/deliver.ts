/**
 * Delivery of one registry event to one subscriber URL. Subscribers go down, restart and shed
 * load, so a delivery retries what may pass later (429, 5xx, network errors, timeouts) with
 * capped, jittered exponential backoff, and stops at once on what will not (other 4xx, and 3xx:
 * a redirect is not followed, so a signed event never lands on a URL the user did not
 * register). It never throws for a network problem: the result, and `onAttempt` for the
 * delivery log, say what happened on every attempt.
 */
import { httpUrl } from './http-url.js';
import { signatureHeaders } from './signature.js';

/** One try at sending the event, as the delivery log records it. */
export interface DeliveryAttempt {
  /** 1-based. */
  attempt: number;
  /** When the attempt started, ISO 8601 UTC. */
  at: string;
  /** The HTTP status, when a response arrived. */
  status?: number;
  /** Why the attempt failed, short; absent when it succeeded. */
  error?: string;
  durationMs: number;
}

/** What came of a delivery: every attempt, and the last status and error. */
export interface DeliveryResult {
  ok: boolean;
  attempts: DeliveryAttempt[];
  /** The last attempt's HTTP status; absent when it got no response. */
  finalStatus?: number;
  /** The last attempt's error, when the delivery failed. */
  error?: string;
}

/** How a delivery retries and waits; the functions are injectable so tests need no clock. */
export interface DeliverOptions {
  /** Attempts in all, the first try included; default 5. */
  maxAttempts?: number;
  /** Backoff before retry n is up to `baseDelayMs * 2^(n-1)`, default 500. */
  baseDelayMs?: number;
  /** The longest wait between attempts, a `Retry-After` included; default 30 000. */
  maxDelayMs?: number;
  /** Per attempt, the response body included; default 10 000. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1); default Math.random. */
  random?: () => number;
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; default Date.now. */
  now?: () => number;
  /**
   * Called (and awaited) after every attempt, for the delivery log. What it throws rejects the
   * delivery: losing log entries silently would be worse than stopping.
   */
  onAttempt?: (a: DeliveryAttempt) => void | Promise<void>;
}

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 10_000;

/** Response bytes read before the rest is dropped: enough to end most bodies cleanly. */
const MAX_BODY_BYTES = 64 * 1024;

/** Longest error string recorded, so one odd response cannot bloat the delivery log. */
const MAX_ERROR_LENGTH = 200;

/** Header values travel as they are; anything outside visible ASCII could split the request. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/**
 * The wait (ms) before retrying after failed attempt `attempt` (1-based): "full jitter", a
 * uniform draw from `random` below `baseDelayMs * 2^(attempt-1)` capped at `maxDelayMs`, so
 * many deliveries failing together against one subscriber do not retry in lockstep.
 *
 * @example
 * backoffDelay(3, { baseDelayMs: 500, random: () => 0.5 }); // 1000
 */
export function backoffDelay(
  attempt: number,
  options: Pick<DeliverOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'> = {},
): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new TypeError(`attempt must be a positive integer, got ${attempt}`);
  }
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const max = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const random = options.random ?? Math.random;
  // 2 ** (attempt - 1) reaches Infinity for a large attempt; the cap keeps the result finite.
  const ceiling = Math.min(max, base * 2 ** (attempt - 1));
  const r = Math.min(Math.max(random(), 0), 1); // a stray injected value stays within the cap
  return Math.floor(r * ceiling);
}

/**
 * Sends `body` (JSON text) for event `eventId` to `url`, signed with `secret`, retrying 429,
 * 5xx, network errors and timeouts up to `maxAttempts`, honouring `Retry-After` on 429 and 503.
 * Every attempt is signed afresh, so a retry's timestamp is within the subscriber's tolerance.
 * Throws a TypeError only for bad arguments; a failed delivery resolves with `ok: false`.
 *
 * @example
 * const { ok, attempts } = await deliverWebhook(url, secret, 'evt_1', JSON.stringify(event));
 */
export async function deliverWebhook(
  url: string,
  secret: string,
  eventId: string,
  body: string,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  checkArguments(url, secret, eventId, body, options);
  return postWithRetry(
    url,
    body,
    (nowSeconds) => signatureHeaders(secret, eventId, body, nowSeconds),
    options,
  );
}

/**
 * POST `body` to `url` with the headers `headersFor` gives for each attempt's time (Unix
 * seconds), retrying as `deliverWebhook` does; for receivers that take no Tend signature
 * (Slack, PagerDuty, Alertmanager). Never throws for network problems.
 *
 * @example
 * await postWithRetry(url, JSON.stringify(message), () => ({ 'content-type': 'application/json' }));
 */
export async function postWithRetry(
  url: string,
  body: string,
  headersFor: (nowSeconds: number) => Record<string, string>,
  options: DeliverOptions = {},
): Promise<DeliveryResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  return retrying(options, async (record, started) => {
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: headersFor(Math.floor(started / 1000)),
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      await discardBody(response);
      const { status } = response;
      record.status = status;
      if (status >= 200 && status < 300) return { retry: false };
      record.error = statusError(response);
      const retryAfterMs =
        status === 429 || status === 503
          ? parseRetryAfter(response.headers.get('retry-after'), now())
          : undefined;
      return { retry: status === 429 || status >= 500, retryAfterMs };
    } catch (err) {
      record.error = networkError(err, timeoutMs);
      return { retry: true };
    }
  });
}

/**
 * The attempts of one delivery, whatever carries it: `tryOnce` makes an attempt, noting its
 * status or error in the record (no error: delivered), and says whether a failure may pass
 * later and after how long the receiver asked to wait; this logs every attempt
 * (`onAttempt`) and waits with capped, jittered backoff between them, up to `maxAttempts`.
 *
 * @example
 * await retrying(options, async (record) => (await trySmtp(record)) ? { retry: false } : { retry: true });
 */
export async function retrying(
  options: DeliverOptions,
  tryOnce: (
    record: DeliveryAttempt,
    started: number,
  ) => Promise<{ retry: boolean; retryAfterMs?: number }>,
): Promise<DeliveryResult> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const attempts: DeliveryAttempt[] = [];
  for (let attempt = 1; ; attempt++) {
    const started = now();
    const record: DeliveryAttempt = { attempt, at: new Date(started).toISOString(), durationMs: 0 };
    const { retry, retryAfterMs } = await tryOnce(record, started);
    record.durationMs = Math.max(0, now() - started);
    attempts.push(record);
    await options.onAttempt?.(record);

    const finalStatus = record.status;
    if (record.error === undefined) return { ok: true, attempts, finalStatus };
    if (!retry || attempt >= maxAttempts) {
      return { ok: false, attempts, finalStatus, error: record.error };
    }
    await sleep(
      retryAfterMs === undefined
        ? backoffDelay(attempt, options)
        : Math.min(retryAfterMs, maxDelayMs),
    );
  }
}

function checkArguments(
  url: string,
  secret: string,
  eventId: string,
  body: string,
  options: DeliverOptions,
): void {
  httpUrl(url, 'url');
  if (typeof secret !== 'string' || secret === '') {
    throw new TypeError('secret must be a non-empty string');
  }
  if (typeof eventId !== 'string' || !HEADER_SAFE.test(eventId)) {
    throw new TypeError('eventId must be a non-empty string of visible ASCII characters');
  }
  if (typeof body !== 'string') throw new TypeError('body must be a string');
  const { maxAttempts, baseDelayMs, maxDelayMs, timeoutMs } = options;
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
    throw new TypeError(`options.maxAttempts must be a positive integer, got ${maxAttempts}`);
  }
  for (const [name, value] of [
    ['baseDelayMs', baseDelayMs],
    ['maxDelayMs', maxDelayMs],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new TypeError(`options.${name} must be a finite number >= 0, got ${value}`);
    }
  }
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(`options.timeoutMs must be a positive integer, got ${timeoutMs}`);
  }
}

/**
 * Reads and drops the response body, at most MAX_BODY_BYTES of it. Reading it to the end
 * lets the connection be reused; stopping at the cap keeps a subscriber that answers with a
 * huge or endless body from holding the delivery or its memory.
 */
async function discardBody(response: Response): Promise<void> {
  const body = response.body;
  if (body === null) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read <= MAX_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The status has arrived and decides the attempt; a body cut short (or timed out) does
    // not turn an accepted event into one to send again.
  }
}

function statusError(response: Response): string {
  const text = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers.get('location');
    return clip(`${text}: redirect not followed${location ? ` (to ${location})` : ''}`);
  }
  return clip(text);
}

function networkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `timed out after ${timeoutMs} ms`;
  }
  // Node's fetch says only "fetch failed"; the cause holds the useful part (ECONNREFUSED, …).
  const message = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error ? err.cause : undefined;
  const detail = cause instanceof Error ? cause.message : undefined;
  return clip(detail && detail !== message ? `${message}: ${detail}` : message);
}

function clip(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

/**
 * The wait a `Retry-After` value asks for, in ms: either delay-seconds or an HTTP-date
 * (a date in the past means now). Undefined when absent or unreadable, so backoff applies.
 */
function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
