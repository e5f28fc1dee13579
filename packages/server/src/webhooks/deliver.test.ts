import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { backoffDelay, type DeliveryAttempt, deliverWebhook } from './deliver.js';
import { verifySignature } from './signature.js';

const SECRET = 'whsec_test_4f9a';
const EVENT = 'evt_01HZX3';
const BODY = JSON.stringify({ type: 'model.promoted', model: 'churn', version: '7' });

interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    // A receiver that never answered still holds a connection; close would wait for it.
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/**
 * A subscriber on 127.0.0.1: records every request (body read in full), then lets `handle`
 * answer the n-th (1-based) one.
 */
async function receiver(
  handle: (res: ServerResponse, n: number, req: IncomingMessage) => void,
): Promise<{ url: string; requests: Received[] }> {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handle(res, requests.length, req);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks/tend`, requests };
}

function answer(status: number, headers: Record<string, string> = {}, body = '') {
  return (res: ServerResponse) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** A sleep that records the waits and returns at once, so retries cost no time. */
function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

function verifies(r: Received, now: number): boolean {
  return verifySignature(
    SECRET,
    r.headers['x-tend-event-id'] as string,
    Number(r.headers['x-tend-timestamp']),
    r.body,
    r.headers['x-tend-signature'],
    { now },
  );
}

describe('backoffDelay', () => {
  it('doubles from the base with full jitter', () => {
    const half = { baseDelayMs: 500, random: () => 0.5 };
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, half))).toEqual([250, 500, 1000, 2000]);
    expect(backoffDelay(3, { baseDelayMs: 500, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { baseDelayMs: 500, random: () => 0.999999 })).toBe(1999);
  });

  it('is capped by maxDelayMs, even for an attempt far beyond any schedule', () => {
    const opts = { baseDelayMs: 500, maxDelayMs: 30_000, random: () => 0.999999 };
    expect(backoffDelay(7, opts)).toBe(29_999); // 500 * 64 = 32 000, capped
    expect(backoffDelay(5000, opts)).toBe(29_999); // 2 ** 4999 is Infinity
    expect(backoffDelay(5000, { ...opts, random: () => 0 })).toBe(0);
  });

  it('uses the defaults (500 ms base, 30 s cap) and keeps a stray random within the cap', () => {
    expect(backoffDelay(1, { random: () => 0.5 })).toBe(250);
    expect(backoffDelay(20, { random: () => 0.5 })).toBe(15_000);
    expect(backoffDelay(1, { random: () => 7 })).toBe(500);
    expect(backoffDelay(1, { random: () => -1 })).toBe(0);
    const d = backoffDelay(2);
    expect(d).toBeGreaterThanOrEqual(0);
    expect(d).toBeLessThan(1000);
  });

  it('refuses an attempt that is not a positive integer', () => {
    expect(() => backoffDelay(0)).toThrow(TypeError);
    expect(() => backoffDelay(1.5)).toThrow(/attempt/);
  });
});

describe('deliverWebhook', () => {
  it('delivers on the first try a POST the subscriber can verify', async () => {
    const { url, requests } = await receiver(answer(200, {}, 'thanks'));
    const { sleep, delays } = recordingSleep();
    const logged: DeliveryAttempt[] = [];
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, {
      sleep,
      onAttempt: (a) => void logged.push(a),
    });

    expect(result.ok).toBe(true);
    expect(result.finalStatus).toBe(200);
    expect(result.error).toBeUndefined();
    expect(result.attempts).toHaveLength(1);
    const [attempt] = result.attempts;
    expect(attempt).toMatchObject({ attempt: 1, status: 200 });
    expect(attempt.error).toBeUndefined();
    expect(attempt.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    expect(logged).toEqual(result.attempts);
    expect(delays).toEqual([]);

    expect(requests).toHaveLength(1);
    const [r] = requests;
    expect(r.method).toBe('POST');
    expect(r.path).toBe('/hooks/tend');
    expect(r.body).toBe(BODY);
    expect(r.headers['content-type']).toBe('application/json');
    expect(r.headers['user-agent']).toBe('tend-webhooks/1');
    expect(r.headers['x-tend-event-id']).toBe(EVENT);
    expect(r.headers['x-tend-timestamp']).toMatch(/^\d+$/);
    expect(verifies(r, Math.floor(Date.now() / 1000))).toBe(true);
  });

  it('retries 503 with backoff and succeeds on the third attempt', async () => {
    const { url, requests } = await receiver((res, n) => answer(n <= 2 ? 503 : 200)(res));
    const { sleep, delays } = recordingSleep();
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, { sleep, random: () => 0.5 });

    expect(result.ok).toBe(true);
    expect(result.finalStatus).toBe(200);
    expect(result.attempts.map((a) => [a.attempt, a.status])).toEqual([
      [1, 503],
      [2, 503],
      [3, 200],
    ]);
    expect(result.attempts[0].error).toMatch(/^HTTP 503/);
    expect(delays).toEqual([250, 500]);
    expect(requests).toHaveLength(3);
  });

  it('signs every attempt afresh, with a new timestamp and the same event id', async () => {
    const { url, requests } = await receiver((res, n) => answer(n <= 2 ? 500 : 204)(res));
    let clock = 1_700_000_000_000;
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms + 60_000; // a minute passes between attempts
      },
      random: () => 0,
    });

    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => a.at)).toEqual([
      '2023-11-14T22:13:20.000Z',
      '2023-11-14T22:14:20.000Z',
      '2023-11-14T22:15:20.000Z',
    ]);
    const stamps = requests.map((r) => Number(r.headers['x-tend-timestamp']));
    expect(stamps).toEqual([1_700_000_000, 1_700_000_060, 1_700_000_120]);
    expect(new Set(requests.map((r) => r.headers['x-tend-signature'])).size).toBe(3);
    for (const [i, r] of requests.entries()) {
      expect(r.headers['x-tend-event-id']).toBe(EVENT);
      expect(verifies(r, stamps[i])).toBe(true);
    }
  });

  it('waits as long as Retry-After (seconds) asks on 429', async () => {
    const { url } = await receiver((res, n) =>
      n === 1 ? answer(429, { 'Retry-After': '1' })(res) : answer(200)(res),
    );
    const { sleep, delays } = recordingSleep();
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, { sleep });

    expect(result.ok).toBe(true);
    expect(result.attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(delays).toEqual([1000]);
  });

  it('reads Retry-After as an HTTP-date on 503 and caps it by maxDelayMs', async () => {
    const clock = 1_700_000_000_000;
    const { url } = await receiver((res, n) => {
      if (n === 1) answer(503, { 'Retry-After': new Date(clock + 7000).toUTCString() })(res);
      else if (n === 2) answer(503, { 'Retry-After': '3600' })(res);
      else if (n === 3) answer(429, { 'Retry-After': 'soon, maybe' })(res);
      else answer(200)(res);
    });
    const { sleep, delays } = recordingSleep();
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, {
      sleep,
      now: () => clock,
      maxDelayMs: 20_000,
      random: () => 0.5,
    });

    expect(result.ok).toBe(true);
    // An unreadable Retry-After falls back to the backoff of attempt 3: 0.5 * 2000.
    expect(delays).toEqual([7000, 20_000, 1000]);
  });

  it('does not retry a 400', async () => {
    const { url, requests } = await receiver(answer(400, {}, '{"error":"bad"}'));
    const { sleep, delays } = recordingSleep();
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, { sleep });

    expect(result.ok).toBe(false);
    expect(result.finalStatus).toBe(400);
    expect(result.error).toBe('HTTP 400 Bad Request');
    expect(result.attempts).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('does not follow a 302, nor retry it', async () => {
    const { url, requests } = await receiver((res, _n, req) =>
      req.url === '/hooks/tend' ? answer(302, { Location: '/elsewhere' })(res) : answer(200)(res),
    );
    const { sleep, delays } = recordingSleep();
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, { sleep });

    expect(result.ok).toBe(false);
    expect(result.finalStatus).toBe(302);
    expect(result.error).toMatch(/^HTTP 302 .*redirect not followed \(to \/elsewhere\)$/);
    expect(result.attempts).toHaveLength(1);
    expect(delays).toEqual([]);
    expect(requests.map((r) => r.path)).toEqual(['/hooks/tend']);
  });

  it('retries a refused connection up to maxAttempts, then reports the error', async () => {
    const { url } = await receiver(answer(200));
    const closed = servers.pop()!;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { sleep, delays } = recordingSleep();
    const logged: number[] = [];
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, {
      sleep,
      maxAttempts: 3,
      random: () => 0.5,
      onAttempt: async (a) => {
        await Promise.resolve();
        logged.push(a.attempt);
      },
    });

    expect(result.ok).toBe(false);
    expect(result.finalStatus).toBeUndefined();
    expect(result.error).toMatch(/ECONNREFUSED/);
    expect(result.attempts).toHaveLength(3);
    for (const a of result.attempts) {
      expect(a.status).toBeUndefined();
      expect(a.error).toMatch(/ECONNREFUSED/);
    }
    expect(logged).toEqual([1, 2, 3]);
    expect(delays).toEqual([250, 500]); // no wait after the last attempt
  });

  it('times out an attempt the subscriber never answers, and retries it', async () => {
    const { url, requests } = await receiver(() => {}); // never responds
    const { sleep, delays } = recordingSleep();
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, {
      sleep,
      timeoutMs: 100,
      maxAttempts: 3,
    });

    expect(result.ok).toBe(false);
    expect(result.error).toBe('timed out after 100 ms');
    expect(result.attempts).toHaveLength(3);
    expect(result.attempts.every((a) => a.error === 'timed out after 100 ms')).toBe(true);
    expect(delays).toHaveLength(2);
    expect(requests).toHaveLength(3);
  });

  it('drops a huge response body after a capped read instead of waiting for it', async () => {
    const { url } = await receiver((res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const timer = setInterval(() => res.write(chunk), 1); // endless
      res.on('close', () => clearInterval(timer));
    });
    const started = Date.now();
    const result = await deliverWebhook(url, SECRET, EVENT, BODY, { timeoutMs: 20_000 });

    expect(result.ok).toBe(true);
    expect(result.finalStatus).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports what a custom fetch throws, never throwing itself', async () => {
    const { sleep } = recordingSleep();
    const result = await deliverWebhook('https://hooks.example.com/tend', SECRET, EVENT, BODY, {
      sleep,
      maxAttempts: 2,
      fetch: async () => {
        throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND') });
      },
    });

    expect(result.ok).toBe(false);
    expect(result.attempts).toHaveLength(2);
    expect(result.error).toBe('fetch failed: getaddrinfo ENOTFOUND');
  });

  it('refuses bad arguments with a TypeError naming them', async () => {
    const ok = 'https://hooks.example.com/tend';
    await expect(deliverWebhook('ftp://example.com/x', SECRET, EVENT, BODY)).rejects.toThrow(
      /^url must be an http:\/\/ or https:\/\/ URL/,
    );
    await expect(deliverWebhook('not a url', SECRET, EVENT, BODY)).rejects.toThrow(TypeError);
    await expect(deliverWebhook('https://u:p@example.com/', SECRET, EVENT, BODY)).rejects.toThrow(
      /url must not contain credentials/,
    );
    await expect(deliverWebhook(ok, '', EVENT, BODY)).rejects.toThrow(/^secret/);
    await expect(deliverWebhook(ok, SECRET, '', BODY)).rejects.toThrow(/^eventId/);
    await expect(deliverWebhook(ok, SECRET, 'evt_1\r\nX-Evil: 1', BODY)).rejects.toThrow(
      /^eventId/,
    );
    await expect(deliverWebhook(ok, SECRET, EVENT, undefined as unknown as string)).rejects.toThrow(
      /^body/,
    );
    await expect(deliverWebhook(ok, SECRET, EVENT, BODY, { maxAttempts: 0 })).rejects.toThrow(
      /options\.maxAttempts/,
    );
    await expect(deliverWebhook(ok, SECRET, EVENT, BODY, { timeoutMs: 0 })).rejects.toThrow(
      /options\.timeoutMs/,
    );
    await expect(deliverWebhook(ok, SECRET, EVENT, BODY, { baseDelayMs: -1 })).rejects.toThrow(
      /options\.baseDelayMs/,
    );
  });
});
