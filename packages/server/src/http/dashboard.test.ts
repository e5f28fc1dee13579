/**
 * The dashboard served at `/`: its files with their caching, its page for the addresses it
 * routes itself, the API's own 404s kept, a note when it is not built; and `GET
 * /api/v1/session`, which tells the dashboard who is signed in.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/support/temp-files.js';
import { openTestApp } from '../../test/support/test-app.js';
import { createApiKey } from '../auth/api-keys.js';
import type { TendApp } from './app.js';

const PAGE = '<!doctype html><title>Tend</title><div id="root"></div>';

describe('the dashboard', () => {
  const tmp = tempDir('tend-dashboard-');
  let tend: TendApp;
  let bare: TendApp;
  const disposers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    tmp.write('index.html', PAGE);
    mkdirSync(`${tmp.dir}/assets`);
    tmp.write('assets/index-abc123.js', 'console.log(1)');
    for (const [dir, set] of [
      [tmp.dir, (t: TendApp) => (tend = t)],
      [`${tmp.dir}/missing`, (t: TendApp) => (bare = t)],
    ] as const) {
      const opened = await openTestApp('sqlite', { dashboardDir: dir });
      set(opened.tend);
      disposers.push(opened.dispose);
    }
  });
  afterAll(async () => {
    for (const d of disposers) await d();
    tmp.remove();
  });

  const get = (app: TendApp, url: string, accept = 'text/html,*/*') =>
    app.app.inject({ method: 'GET', url, headers: { accept } });

  it('serves its page and assets, the assets cached for good and the page never', async () => {
    const page = await get(tend, '/');
    expect([page.statusCode, page.body]).toEqual([200, PAGE]);
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await get(tend, '/assets/index-abc123.js', '*/*');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("answers the addresses it routes itself with its page, and keeps the API's 404s", async () => {
    const deep = await get(tend, '/models/churn?tab=versions');
    expect([deep.statusCode, deep.body]).toEqual([200, PAGE]);
    const api = await get(tend, '/api/v1/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    // Not a browser asking for a page: a 404 as before.
    expect((await get(tend, '/models/churn', 'application/json')).statusCode).toBe(404);
    expect((await tend.app.inject({ method: 'POST', url: '/models/churn' })).statusCode).toBe(404);
  });

  it('says how to build it when it is not built', async () => {
    const page = await get(bare, '/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build');
    expect((await get(bare, '/models/churn')).statusCode).toBe(404);
  });
});

describe('GET /api/v1/session', () => {
  it('says everyone is admin with auth off', async () => {
    const { tend, dispose } = await openTestApp('sqlite');
    const r = await tend.app.inject({ url: '/api/v1/session' });
    expect(r.json()).toEqual({ name: 'anonymous', role: 'admin', auth: false });
    await dispose();
  });

  it('names the key and its role with auth on, and refuses a missing key', async () => {
    const { tend, dispose } = await openTestApp('sqlite', { auth: true });
    const { key } = await createApiKey(
      tend.ctx,
      { name: 'setup', role: 'admin' },
      {
        name: 'ana',
        role: 'viewer',
      },
    );
    const r = await tend.app.inject({
      url: '/api/v1/session',
      headers: { authorization: `Bearer ${key}` },
    });
    expect(r.json()).toEqual({ name: 'ana', role: 'viewer', auth: true });
    expect((await tend.app.inject({ url: '/api/v1/session' })).statusCode).toBe(401);
    await dispose();
  });
});
