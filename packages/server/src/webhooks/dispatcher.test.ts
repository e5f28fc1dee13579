/**
 * Webhooks through the whole server: a registry change reaches a local receiver signed, is
 * retried on 503, lands in the delivery log, and is sent only to subscriptions that want it;
 * the test-send endpoint reports its delivery at once.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import { testDialects } from '../../test/support/test-stores.js';
import type { TendApp } from '../http/app.js';
import { verifySignature } from './signature.js';

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver answering each request with the next status of `script` (then 200). */
async function receiver(
  script: Record<string, number[]>,
): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = script[req.url ?? '']?.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, got, server };
}

describe.each(testDialects())('webhooks on %s', (dialect) => {
  let tend: TendApp;
  let dispose: () => Promise<void>;
  let hook: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    ({ tend, dispose } = await openTestApp(dialect, {
      webhookDelivery: { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 },
    }));
    hook = await receiver({ '/flaky': [503], '/broken': [400] });
  });
  afterAll(async () => {
    hook.server.close();
    await dispose();
  });

  const post = (url: string, body: unknown) => sendJson(tend, 'POST', url, body);

  it('signs each event, retries a 503, logs the delivery, and sends only what a subscription wants', async () => {
    const flaky = (
      await post('/api/v1/webhooks', { url: `${hook.url}/flaky`, events: ['model.created'] })
    ).json();
    expect(flaky.secret).toMatch(/^whsec_/);
    const aliasesOnly = (
      await post('/api/v1/webhooks', { url: `${hook.url}/aliases`, events: ['alias.set'] })
    ).json();
    expect((await post('/api/v1/models', { name: 'churn', task: 'regression' })).statusCode).toBe(
      201,
    );
    await tend.webhooks.drain();
    const sent = hook.got.filter((r) => r.path === '/flaky');
    expect(sent).toHaveLength(2);
    const last = sent[1];
    const event = JSON.parse(last.body);
    expect(event).toMatchObject({ type: 'model.created', model: 'churn', data: { name: 'churn' } });
    expect(last.headers['x-tend-event-id']).toBe(event.id);
    expect(sent[0].headers['x-tend-event-id']).toBe(event.id);
    const ok = verifySignature(
      flaky.secret,
      event.id,
      Number(last.headers['x-tend-timestamp']),
      last.body,
      last.headers['x-tend-signature'],
    );
    expect(ok).toBe(true);
    expect(
      verifySignature(
        'whsec_wrong-secret-000',
        event.id,
        Number(last.headers['x-tend-timestamp']),
        last.body,
        last.headers['x-tend-signature'],
      ),
    ).toBe(false);
    expect(hook.got.some((r) => r.path === '/aliases')).toBe(false);
    const log = (await tend.app.inject({ url: `/api/v1/webhooks/${flaky.id}/deliveries` })).json();
    expect(log.deliveries).toEqual([
      expect.objectContaining({
        event: 'model.created',
        status: 'delivered',
        attempts: 2,
        responseStatus: 200,
        error: null,
      }),
    ]);
    await post('/api/v1/models/churn/versions', {});
    await tend.app.inject({
      method: 'PUT',
      url: '/api/v1/models/churn/aliases/champion',
      payload: JSON.stringify({ version: 1 }),
      headers: { 'content-type': 'application/json' },
    });
    await tend.webhooks.drain();
    const alias = hook.got.filter((r) => r.path === '/aliases');
    expect(alias.map((r) => JSON.parse(r.body).type)).toEqual(['alias.set']);
    expect(JSON.parse(alias[0].body)).toMatchObject({
      model: 'churn',
      alias: 'champion',
      version: 1,
    });
    expect(aliasesOnly.events).toEqual(['alias.set']);
  });

  it('test-sends a ping and reports a refusal without retrying it', async () => {
    const broken = (await post('/api/v1/webhooks', { url: `${hook.url}/broken` })).json();
    const ping = await tend.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${broken.id}/test`,
    });
    expect(ping.json()).toMatchObject({
      event: 'ping',
      status: 'failed',
      attempts: 1,
      responseStatus: 400,
    });
    const again = await tend.app.inject({
      method: 'POST',
      url: `/api/v1/webhooks/${broken.id}/test`,
    });
    expect(again.json()).toMatchObject({ status: 'delivered', attempts: 1, responseStatus: 200 });
    const bad = await post('/api/v1/webhooks', { url: 'ftp://example.org/hook' });
    expect([bad.statusCode, bad.json().detail]).toEqual([
      422,
      'url must be an http:// or https:// URL, got "ftp://example.org/hook"',
    ]);
    const unknown = await post('/api/v1/webhooks', { url: hook.url, events: ['model.exploded'] });
    expect(unknown.statusCode).toBe(422);
    expect(
      (await tend.app.inject({ method: 'POST', url: '/api/v1/webhooks/999/test' })).statusCode,
    ).toBe(404);
  });
});
