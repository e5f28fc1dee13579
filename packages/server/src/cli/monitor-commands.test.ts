/**
 * `tend monitors`, `tend alerts` and `tend channels` against a real server on a loopback port:
 * a checked-in YAML file applied (twice, and pruned), results read, an evaluation run, an
 * alert acknowledged and silenced, a channel tested against a local receiver.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { captured } from '../../test/support/captured.js';
import { openTestApp, sendJson } from '../../test/support/test-app.js';
import type { TendApp } from '../http/app.js';
import { durationMinutes } from './alert-commands.js';
import { expandEnv } from './monitor-commands.js';
import { addRegistryCommands } from './registry-commands.js';

let tend: TendApp;
let dispose: () => Promise<void>;
let dir: string;
let receiver: Server;
let hits = 0;
const clock = '2026-03-01T10:00:00.000Z';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tend-monitors-cli-'));
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits++;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  vi.stubEnv('HOOK_URL', `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`);
  ({ tend, dispose } = await openTestApp('sqlite', { now: () => clock }));
  vi.stubEnv('TEND_URL', await tend.app.listen({ host: '127.0.0.1', port: 0 }));
  await sendJson(tend, 'POST', '/api/v1/models', { name: 'credit', task: 'regression' });
  await sendJson(tend, 'POST', '/api/v1/models/credit/versions', {});
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await dispose();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

function tend_(...args: string[]) {
  return captured(async () => {
    const program = new Command('tend').exitOverride();
    addRegistryCommands(program);
    await program.parseAsync(['node', 'tend', ...args]);
  });
}

const yaml = `
model: credit
windowSeconds: 3600
channels:
  hook: { type: webhook, settings: { url: "\${HOOK_URL}", secret: "0123456789abcdef" } }
monitors:
  ops: { kind: operations, config: { latencyP99Ms: { alert: 100 } } }
  mae: { kind: performance, config: { metric: mae, threshold: { alert: 5 } } }
  mae-decay: { kind: decay, config: { monitor: mae, threshold: 5 } }
rules:
  slow: { monitor: ops, metric: latency_p99_ms, severity: critical, channels: [hook] }
`;

describe('tend monitors, alerts and channels', () => {
  it('applies a YAML file, again without change, and prunes what it no longer names', async () => {
    const file = join(dir, 'monitoring.yaml');
    writeFileSync(file, yaml);
    const first = await tend_('monitors', 'apply', file);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/monitor\s+mae-decay\s+set/);
    expect(first.out).toMatch(/rule\s+slow\s+set/);
    expect((await tend_('monitors', 'apply', file)).code).toBe(0);
    const list = JSON.parse((await tend_('monitors', 'list', 'credit', '--json')).out);
    expect(list.map((m: { name: string }) => m.name)).toEqual(['mae', 'mae-decay', 'ops']);
    writeFileSync(file, yaml.replace(/ {2}mae.*\n/g, ''));
    const pruned = await tend_('monitors', 'apply', file, '--prune', '--json');
    expect(JSON.parse(pruned.out).applied).toEqual(
      expect.arrayContaining([
        { kind: 'monitor', name: 'mae-decay', action: 'deleted' },
        { kind: 'monitor', name: 'mae', action: 'deleted' },
      ]),
    );
  });

  it('says what is wrong with a file before sending anything', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'model: credit\nmonitor: {}\n');
    const r = await tend_('monitors', 'apply', bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown key monitor');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the file's own placeholder syntax
    expect(() => expandEnv('${NOT_SET_ANYWHERE}', {}, 'f.yaml')).toThrow(
      'f.yaml: environment variable NOT_SET_ANYWHERE is not set',
    );
    const refused = join(dir, 'refused.yaml');
    writeFileSync(
      refused,
      'model: credit\nmonitors:\n  x: { kind: performance, config: { metric: recall } }\n',
    );
    const r2 = await tend_('monitors', 'apply', refused);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('metric "recall" is not one of a regression model\'s');
  });

  it('evaluates, shows results, and an alert is listed, acknowledged and silenced', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({
      id: `e${i}`,
      timestamp: new Date(Date.parse('2026-03-01T09:00:00Z') + i * 1000).toISOString(),
      version: 1,
      features: { x: i },
      prediction: i / 10,
      latencyMs: i < 190 ? 20 : 500,
    }));
    await sendJson(tend, 'POST', '/api/v1/models/credit/predictions', events);
    const ev = await tend_('monitors', 'evaluate', 'credit');
    expect(ev.code).toBe(0);
    expect(ev.out).toContain('v1 window 2026-03-01T09:00:00.000Z: 200 events');
    expect(ev.out).toMatch(/latency_p99_ms\s+500\s+alert/);
    const results = await tend_('monitors', 'results', 'credit', 'ops', '--metric', 'latency_*');
    expect(results.out.split('\n').filter((l) => l.includes('latency_p'))).toHaveLength(3);
    const list = await tend_('alerts', 'list', '--status', 'firing');
    expect(list.out).toMatch(/1\s+firing\s+critical\s+credit\s+slow/);
    expect((await tend_('alerts', 'ack', '1', '--comment', 'on it')).out).toBe(
      `alert 1 acknowledged by ${userInfo().username}\n`,
    );
    expect((await tend_('alerts', 'silence', '1', '--for', '2h')).out).toBe(
      'alert 1 silenced until 2026-03-01T12:00:00.000Z\n',
    );
    const shown = await tend_('alerts', 'show', '1');
    expect(shown.out).toMatch(/firing[\s\S]*acknowledged[\s\S]*silenced/);
    expect((await tend_('alerts', 'silence', '1')).code).toBe(2);
    expect(durationMinutes('90m')).toBe(90);
    expect(() => durationMinutes('soon')).toThrow('--for takes a duration');
  });

  it('lists channels with secrets masked, and test-sends one', async () => {
    const list = JSON.parse((await tend_('channels', 'list', '--json')).out);
    expect(list[0].settings.secret).toBe('••••cdef');
    const before = hits;
    const test = await tend_('channels', 'test', 'hook');
    expect(test.out).toContain(
      'test alert delivered to hook (webhook) in 1 attempt(s), status 200',
    );
    expect(hits - before).toBe(2); // firing, then resolved
    expect((await tend_('channels', 'delete', 'hook')).code).toBe(1); // the rule sends to it
  });
});
