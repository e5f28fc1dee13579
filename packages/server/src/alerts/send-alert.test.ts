/**
 * Alerts reach real receivers in their formats: a local HTTP receiver for the signed webhook,
 * Slack and PagerDuty, and a real Prometheus Alertmanager (Debian's `prometheus-alertmanager`,
 * started here on a free loopback port; `.ci/run` installs it) whose API then lists the alert.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasAlertmanager, startAlertmanager } from '../../test/support/alertmanager.js';
import { tempDir } from '../../test/support/temp-files.js';
import { verifySignature } from '../webhooks/signature.js';
import { type Alert, alertFingerprint } from './alert.js';
import { sendAlert } from './send-alert.js';

const labels = { feature: 'age', version: '3' };
const firing: Alert = {
  fingerprint: alertFingerprint('feature-drift', 'churn', labels),
  rule: 'feature-drift',
  model: 'churn',
  severity: 'critical',
  status: 'firing',
  summary: 'age drifted (KS p = 1.2e-9)',
  description: 'The share of customers over 60 doubled this week.',
  labels,
  value: 0.31,
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  url: 'http://127.0.0.1:4700/models/churn',
};
const resolved: Alert = { ...firing, status: 'resolved', endsAt: new Date().toISOString() };
const quick = { baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };

let receiver: Server;
let base = '';
const got: {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}[] = [];
const tmp = tempDir('tend-alerts-');

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode =
        req.url === '/slack' && got.filter((g) => g.path === '/slack').length === 1 ? 503 : 202;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => {
  receiver.close();
  tmp.remove();
});

describe('alert channels', () => {
  it('sends a signed webhook', async () => {
    const secret = 'a-secret-of-sixteen+';
    const result = await sendAlert('webhook', { url: `${base}/hook`, secret }, firing, quick);
    expect(result.ok).toBe(true);
    const req = got.find((g) => g.path === '/hook')!;
    expect(JSON.parse(req.body)).toEqual({ type: 'alert.firing', alert: firing });
    const id = req.headers['x-tend-event-id'] as string;
    expect(id).toBe(`alert_${firing.fingerprint}_firing`);
    expect(
      verifySignature(
        secret,
        id,
        Number(req.headers['x-tend-timestamp']),
        req.body,
        req.headers['x-tend-signature'],
      ),
    ).toBe(true);
  });

  it('posts a Slack message, retrying a 503', async () => {
    const result = await sendAlert('slack', { url: `${base}/slack` }, firing, quick);
    expect([result.ok, result.attempts.length]).toEqual([true, 2]);
    const message = JSON.parse(got.filter((g) => g.path === '/slack')[1].body);
    expect(message.text).toBe(
      ':red_circle: *FIRING* churn · feature-drift — age drifted (KS p = 1.2e-9)',
    );
    expect(message.blocks[2].elements[0].text).toBe(
      '*feature*: age  ·  *version*: 3  ·  *value*: 0.31',
    );
  });

  it('triggers and resolves one PagerDuty incident by its dedup key', async () => {
    const settings = { routingKey: 'R'.repeat(32), url: `${base}/pagerduty` };
    await sendAlert('pagerduty', settings, firing, quick);
    await sendAlert('pagerduty', settings, resolved, quick);
    const [trigger, resolve] = got
      .filter((g) => g.path === '/pagerduty')
      .map((g) => JSON.parse(g.body));
    expect(trigger).toMatchObject({
      routing_key: 'RRRRRRRRRRRRRRRRRRRRRRRRRRRRRRRR',
      event_action: 'trigger',
      dedup_key: firing.fingerprint,
      payload: {
        summary: 'churn · feature-drift: age drifted (KS p = 1.2e-9)',
        source: 'tend/churn',
        severity: 'critical',
      },
    });
    expect(resolve).toEqual({
      routing_key: settings.routingKey,
      event_action: 'resolve',
      dedup_key: firing.fingerprint,
    });
  });

  it('refuses unknown channels and unusable settings', async () => {
    await expect(sendAlert('carrier-pigeon', {}, firing)).rejects.toThrow(
      'unknown channel type "carrier-pigeon"',
    );
    await expect(sendAlert('slack', { url: 'ftp://x' }, firing)).rejects.toThrow(
      'url must be an http:// or https:// URL, got "ftp://x"',
    );
    await expect(sendAlert('pagerduty', { routingKey: 'short' }, firing)).rejects.toThrow(
      /routingKey must be/,
    );
    await expect(sendAlert('webhook', { url: base, secret: 'short' }, firing)).rejects.toThrow(
      /secret must be/,
    );
  });
});

describe.runIf(hasAlertmanager)('a real Alertmanager', () => {
  let am: Awaited<ReturnType<typeof startAlertmanager>>;
  let url = '';

  beforeAll(async () => {
    am = await startAlertmanager(tmp);
    url = am.url;
  });
  afterAll(async () => am?.stop());

  it('lists the alert Tend sent, and no longer lists it as active once resolved', async () => {
    expect((await sendAlert('alertmanager', { url }, firing, quick)).ok).toBe(true);
    const active = (await (await fetch(`${url}/api/v2/alerts?active=true`)).json()) as {
      labels: Record<string, string>;
      annotations: Record<string, string>;
    }[];
    expect(active).toHaveLength(1);
    expect(active[0].labels).toEqual({
      alertname: 'feature-drift',
      model: 'churn',
      severity: 'critical',
      source: 'tend',
      feature: 'age',
      version: '3',
    });
    expect(active[0].annotations.summary).toBe('age drifted (KS p = 1.2e-9)');
    expect((await sendAlert('alertmanager', { url }, resolved, quick)).ok).toBe(true);
    const after = (await (await fetch(`${url}/api/v2/alerts?active=true`)).json()) as unknown[];
    expect(after).toEqual([]);
  });
});
