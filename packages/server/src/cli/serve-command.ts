/**
 * `tend serve`: open the store (embedded SQLite in the data directory, or PostgreSQL), run its
 * migrations, serve the HTTP API and run the monitoring loop (closed windows evaluated, alert
 * rules applied, alerts sent) until SIGTERM or SIGINT, then finish the requests, the
 * evaluation and the deliveries under way and close the database.
 *
 * Auth is on whenever the server listens beyond loopback: it refuses to start open on a
 * public address unless told `--insecure`. `--auth` switches it on for loopback too. When auth
 * is on and no admin key exists, one is made and printed once. `--demo` first fills an empty
 * store with the demo's simulated history (docs/demo.md).
 */
import { join, resolve } from 'node:path';
import { ensureAdminKey } from '../auth/api-keys.js';
import { DEMO_MODEL } from '../demo/credit-demo-model.js';
import { seedDemo } from '../demo/seed-demo.js';
import { buildApp } from '../http/app.js';
import { type RegistryContext, registryContext } from '../registry/context.js';
import { openStore } from '../store/open-store.js';
import { progressBar } from './progress-bar.js';

export interface ServeFlags {
  host: string;
  port: string;
  dataDir: string;
  databaseUrl?: string;
  auth?: boolean;
  insecure?: boolean;
  log?: boolean;
  /** Seconds between passes of the monitoring loop; 0 turns it off. */
  evaluateEvery?: string;
  /** Fill an empty store with the demo's history first. */
  demo?: boolean;
  demoSeed?: string;
}

/**
 * Whether `host` is reachable only from this machine.
 *
 * @example
 * isLoopback('127.0.0.1'); // true; isLoopback('0.0.0.0') is false
 */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Whether auth is on: asked for, or listening beyond loopback without `--insecure`.
 *
 * @example
 * authOn({ host: '0.0.0.0' }); // true; authOn({ host: '0.0.0.0', insecure: true }) is false
 */
export function authOn(flags: Pick<ServeFlags, 'host' | 'auth' | 'insecure'>): boolean {
  if (flags.auth) return true;
  return !isLoopback(flags.host) && !flags.insecure;
}

/**
 * Run the server; resolves with the exit code once it has shut down.
 *
 * @example
 * process.exitCode = await runServe({ host: '127.0.0.1', port: '4700', dataDir: '.tend' });
 */
export async function runServe(flags: ServeFlags): Promise<number> {
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(
      `tend serve: --port must be a whole number from 0 to 65535, got "${flags.port}"\n`,
    );
    return 2;
  }
  const every = Number(flags.evaluateEvery ?? '30');
  if (!Number.isFinite(every) || every < 0) {
    process.stderr.write(
      `tend serve: --evaluate-every must be a number of seconds from 0, got "${flags.evaluateEvery}"\n`,
    );
    return 2;
  }
  const demoSeed = Number(flags.demoSeed ?? '1');
  if (!Number.isSafeInteger(demoSeed) || demoSeed < 0) {
    process.stderr.write(
      `tend serve: --demo-seed must be a whole number from 0, got "${flags.demoSeed}"\n`,
    );
    return 2;
  }
  const auth = authOn(flags);
  if (!auth && !isLoopback(flags.host)) {
    process.stderr.write(
      `tend serve: warning: serving ${flags.host} without API keys (--insecure): anyone who reaches it can change the registry\n`,
    );
  }
  const dataDir = resolve(flags.dataDir);
  const databaseUrl = flags.databaseUrl ?? process.env.TEND_DATABASE_URL;
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore({ dataDir, databaseUrl });
  } catch (error) {
    process.stderr.write(`tend serve: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { app, webhooks, monitoring } = await buildApp({
    store,
    artifactDir: join(dataDir, 'artifacts'),
    auth,
    logger: flags.log ?? false,
  });
  if (store.migrated.length > 0) {
    process.stderr.write(`tend serve: migrated the database: ${store.migrated.join(', ')}\n`);
  }
  if (auth) {
    const key = await ensureAdminKey(registryContext(store.db, store.dialect));
    if (key !== null) {
      process.stderr.write(
        `tend serve: auth is on and no admin key existed; made one (shown only now):\n  ${key}\n` +
          '  use it as TEND_API_KEY to make other keys: tend keys create NAME --role editor\n',
      );
    }
  }
  if (flags.demo) {
    await fillDemo(registryContext(store.db, store.dialect), join(dataDir, 'demo'), demoSeed);
  }
  const resumed = await webhooks.resumePending();
  if (resumed > 0)
    process.stderr.write(`tend serve: resending ${resumed} pending webhook deliveries\n`);
  let address: string;
  try {
    address = await app.listen({ host: flags.host, port });
  } catch (error) {
    process.stderr.write(
      `tend serve: cannot listen on ${flags.host}:${port}: ${(error as Error).message}\n`,
    );
    await app.close();
    await store.close();
    return 2;
  }
  if (every > 0) {
    monitoring.start(every * 1000, (error) =>
      process.stderr.write(`tend serve: monitoring pass failed: ${(error as Error).message}\n`),
    );
  }
  const where =
    store.dialect === 'sqlite' ? `SQLite at ${store.location}` : `PostgreSQL at ${store.location}`;
  process.stdout.write(
    `Tend is serving ${address} (${where}; auth ${auth ? 'on' : 'off'})\n` +
      `  Dashboard: ${address}/   API docs: ${address}/docs   OpenAPI: ${address}/openapi.json\n`,
  );
  return new Promise<number>((done) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      process.stderr.write(`tend serve: ${signal}: finishing requests under way, then stopping\n`);
      await app.close();
      await monitoring.stop();
      await webhooks.drain();
      await store.close();
      done(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}

/** Seed the demo into an empty store, with progress on stderr; leave any other store alone. */
async function fillDemo(ctx: RegistryContext, dir: string, seed: number): Promise<void> {
  const models = await ctx.db.selectFrom('models').select('name').execute();
  if (models.some((m) => m.name === DEMO_MODEL)) {
    process.stderr.write('tend serve: the demo is in the store already\n');
    return;
  }
  if (models.length > 0) {
    process.stderr.write(
      `tend serve: --demo fills only an empty store, and this one holds ${models.length} models; serving it as it is\n`,
    );
    return;
  }
  process.stderr.write(
    `tend serve: filling the store with the demo (seed ${seed}): 120 simulated days of a credit-default model…\n`,
  );
  const bar = progressBar('  simulating');
  const started = performance.now();
  const summary = await seedDemo(ctx, {
    seed,
    dir,
    onDay: (day, days) => {
      bar.update((day + 1) / days);
      // Without a terminal there is no bar: a line every 30 days instead.
      if (!process.stderr.isTTY && (day + 1) % 30 === 0)
        process.stderr.write(`  day ${day + 1} of ${days}\n`);
    },
  });
  bar.done();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `tend serve: demo ready in ${seconds} s: ${summary.predictions} predictions, ${summary.labels} labels, ${summary.windowsEvaluated} windows evaluated, from ${summary.firstDay.slice(0, 10)}\n`,
  );
}
