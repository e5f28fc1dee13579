/**
 * `tend serve` as users start it (`bin/tend.js`, the bundle): it migrates a new data
 * directory, serves, runs the monitoring loop, turns auth on beyond loopback or when asked
 * (printing a first admin key once), refuses a bad database URL with exit code 2, and stops
 * cleanly on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServe, TEND_BIN } from './support/start-serve.js';
import { tempDir } from './support/temp-files.js';
import { openTestStore, testDialects } from './support/test-stores.js';

if (!existsSync(new URL('../dist/bundle/main.js', import.meta.url))) {
  throw new Error('build the packages first: npm run build');
}

const tmp = tempDir('tend-serve-');
afterAll(() => tmp.remove());

const serve = (args: string[]) => startServe(args);

describe('tend serve', () => {
  it('migrates a new data directory, serves without keys on loopback, and stops on SIGTERM', async () => {
    const dataDir = `${tmp.dir}/open`;
    const s = await serve(['--data-dir', dataDir]);
    const health = await (await fetch(`${s.url}/api/v1/health`)).json();
    expect(health).toMatchObject({ status: 'ok', database: 'sqlite' });
    const created = await fetch(`${s.url}/api/v1/models`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'churn', task: 'regression' }),
    });
    expect(created.status).toBe(201);
    expect(existsSync(`${dataDir}/tend.db`)).toBe(true);
    expect(s.stderr()).toContain('migrated the database: 0001_registry');
    s.child.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    expect(s.stderr()).toContain('SIGTERM: finishing requests under way, then stopping');
    // Started again on the same directory: nothing to migrate, the model is still there.
    const again = await serve(['--data-dir', dataDir]);
    expect(again.stderr()).not.toContain('migrated');
    const model = (await (await fetch(`${again.url}/api/v1/models/churn`)).json()) as {
      name: string;
    };
    expect(model.name).toBe('churn');
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
  });

  it('with --demo, fills an empty store with the demo history before serving, once', async () => {
    const dataDir = `${tmp.dir}/demo`;
    const s = await serve(['--data-dir', dataDir, '--demo']);
    expect(s.stderr()).toMatch(/demo ready in [\d.]+ s: \d+ predictions/);
    const model = await (await fetch(`${s.url}/api/v1/models/credit-default`)).json();
    expect(model).toMatchObject({ task: 'binary_classification', aliases: { champion: 2 } });
    const { alerts } = (await (
      await fetch(`${s.url}/api/v1/alerts?model=credit-default`)
    ).json()) as { alerts: unknown[] };
    expect(alerts.length).toBeGreaterThan(3);
    await s.stop();
    // Started again with --demo: the demo is there; nothing is added.
    const again = await serve(['--data-dir', dataDir, '--demo']);
    expect(again.stderr()).toContain('the demo is in the store already');
    await again.stop();
    // A store with other models is left alone.
    const other = `${tmp.dir}/other`;
    const plain = await serve(['--data-dir', other]);
    await fetch(`${plain.url}/api/v1/models`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'churn', task: 'regression' }),
    });
    await plain.stop();
    const refused = await serve(['--data-dir', other, '--demo']);
    expect(refused.stderr()).toContain('--demo fills only an empty store');
    const { models } = (await (await fetch(`${refused.url}/api/v1/models`)).json()) as {
      models: { name: string }[];
    };
    expect(models.map((m) => m.name)).toEqual(['churn']);
    await refused.stop();
  }, 180_000);

  it('evaluates closed windows on its own every --evaluate-every seconds', async () => {
    const s = await serve(['--data-dir', `${tmp.dir}/loop`, '--evaluate-every', '0.2']);
    const send = (method: string, path: string, body: unknown) =>
      fetch(`${s.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await send('POST', '/api/v1/models', { name: 'loop', task: 'regression' });
    await send('POST', '/api/v1/models/loop/versions', {});
    await send('PUT', '/api/v1/models/loop/monitors/ops', { kind: 'operations' });
    // An hour long closed: its window is evaluated by the loop, nobody asks.
    const events = Array.from({ length: 20 }, (_, i) => ({
      id: `e${i}`,
      timestamp: new Date(Date.now() - 3 * 3_600_000 + i * 1000).toISOString(),
      version: 1,
      features: { x: i },
      prediction: i,
      latencyMs: 7,
    }));
    expect((await send('POST', '/api/v1/models/loop/predictions', events)).status).toBe(200);
    let results: { metric: string; value: number }[] = [];
    for (let i = 0; i < 50 && results.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const body = (await (
        await fetch(`${s.url}/api/v1/models/loop/monitors/ops/results`)
      ).json()) as { results: typeof results };
      results = body.results;
    }
    expect(results.find((r) => r.metric === 'latency_p50_ms')?.value).toBe(7);
    await s.stop();
    expect(await s.exit).toBe(0);
  });

  it('with --auth, prints a first admin key once and refuses requests without a key', async () => {
    const dataDir = `${tmp.dir}/auth`;
    const s = await serve(['--data-dir', dataDir, '--auth']);
    const key = /\n\s+(tend_\S+)\n/.exec(s.stderr())?.[1];
    expect(key).toBeDefined();
    expect((await fetch(`${s.url}/api/v1/models`)).status).toBe(401);
    const ok = await fetch(`${s.url}/api/v1/keys`, { headers: { authorization: `Bearer ${key}` } });
    expect(ok.status).toBe(200);
    s.child.kill('SIGTERM');
    await s.exit;
    const again = await serve(['--data-dir', dataDir, '--auth']);
    expect(again.stderr()).not.toContain('tend_');
    again.child.kill('SIGTERM');
    await again.exit;
  });

  it('turns auth on beyond loopback unless --insecure, and refuses a bad database URL', async () => {
    const open = await serve(['--data-dir', `${tmp.dir}/public`, '--host', '0.0.0.0']);
    expect(open.stderr()).toContain('auth is on and no admin key existed');
    open.child.kill('SIGTERM');
    await open.exit;
    const insecure = await serve([
      '--data-dir',
      `${tmp.dir}/public`,
      '--host',
      '0.0.0.0',
      '--insecure',
    ]);
    expect(insecure.stderr()).toContain('warning: serving 0.0.0.0 without API keys (--insecure)');
    insecure.child.kill('SIGTERM');
    await insecure.exit;
    const bad = spawn(process.execPath, [TEND_BIN, 'serve', '--database-url', 'mysql://x@y/z']);
    let err = '';
    bad.stderr.on('data', (c) => {
      err += c;
    });
    const code = await new Promise((resolve) => bad.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toBe(
      'tend serve: the database URL must start with postgres:// (got mysql://x@y/z)\n',
    );
  });

  it.runIf(testDialects().includes('postgres'))(
    'serves from PostgreSQL with --database-url',
    async () => {
      const { store, options, dispose } = await openTestStore('postgres');
      await store.close();
      try {
        const s = await serve([
          '--data-dir',
          `${tmp.dir}/pg`,
          '--database-url',
          options.databaseUrl as string,
        ]);
        expect(s.stderr()).not.toContain('migrated'); // opening it for the test migrated it
        const health = (await (await fetch(`${s.url}/api/v1/health`)).json()) as {
          database: string;
        };
        expect(health.database).toBe('postgres');
        s.child.kill('SIGTERM');
        expect(await s.exit).toBe(0);
      } finally {
        await dispose();
      }
    },
  );
});
