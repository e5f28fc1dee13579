/**
 * A `tend serve` app on a fresh test store (`test-stores.ts`), for tests that go through the
 * HTTP layer with Fastify's `inject` (or listen on a loopback port).
 */
import { join } from 'node:path';
import { type AppOptions, buildApp, type TendApp } from '../../src/http/app.js';
import type { Dialect } from '../../src/store/migrations.js';
import { openTestStore } from './test-stores.js';

/**
 * The app, and `dispose` to close it and delete its store.
 *
 * @example
 * const { tend, dispose } = await openTestApp('sqlite', { auth: true }); await dispose();
 */
export async function openTestApp(
  dialect: Dialect,
  options: Partial<Omit<AppOptions, 'store'>> = {},
): Promise<{ tend: TendApp; dispose(): Promise<void> }> {
  const opened = await openTestStore(dialect);
  const tend = await buildApp({
    store: opened.store,
    artifactDir: join(opened.options.dataDir, 'artifacts'),
    auth: false,
    // The API alone, whether the dashboard is built or not; its own test gives it one.
    dashboardDir: null,
    ...options,
  });
  return {
    tend,
    dispose: async () => {
      await tend.app.close();
      await opened.dispose();
    },
  };
}

/**
 * Send JSON to the app in process (Fastify's `inject`).
 *
 * @example
 * await sendJson(tend, 'POST', '/api/v1/models', { name: 'm', task: 'regression' });
 */
export function sendJson(
  tend: TendApp,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body: unknown,
) {
  return tend.app.inject({
    method,
    url,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
}
