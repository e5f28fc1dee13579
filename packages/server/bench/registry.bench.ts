/**
 * Speed of the registry's hottest reads on loopback: `GET` a version, and resolve an alias to
 * its version (what a serving system asks before each deployment check). `tend serve` runs
 * as users start it (`bin/tend.js`, its own process, embedded SQLite in a fresh data
 * directory) while autocannon drives it from this process with 10 keep-alive connections for
 * 5 s per route (`--duration S` changes it); the machine's two cores are one each. Printed:
 * requests per second, and latency p50/p99 in milliseconds. With TEND_BENCH_DATABASE_URL
 * set, the same runs go against PostgreSQL too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Figures } from '../../core/bench/harness.js';
import { startServe } from '../test/support/start-serve.js';

const VERSIONS = 50;

function durationArg(): number {
  const args = process.argv.slice(2);
  const i = args.indexOf('--duration');
  const value = i >= 0 ? Number(args[i + 1]) : 5;
  if (!Number.isFinite(value) || value <= 0)
    throw new RangeError('--duration must be positive seconds');
  return value;
}

async function post(url: string, body: unknown, method = 'POST'): Promise<void> {
  const r = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!r.ok) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
}

/** A model with VERSIONS versions carrying metrics, parameters and a schema, and two aliases. */
async function seed(base: string, model: string): Promise<void> {
  await post(`${base}/api/v1/models`, {
    name: model,
    task: 'binary_classification',
    tags: { team: 'bench' },
  });
  for (let v = 1; v <= VERSIONS; v++) {
    await post(`${base}/api/v1/models/${model}/versions`, {
      artifactUri: `s3://models/${model}/${v}`,
      codeCommit: `c0ffee${v}`,
      params: { lr: 0.1 / v, depth: 6, trees: 100 + v },
      metrics: { auc: 0.8 + v / 1000, recall: 0.7 },
      inputSchema: Array.from({ length: 20 }, (_, k) => ({
        name: `f${k}`,
        type: 'double' as const,
      })),
      ...(v > 1 ? { parent: { version: v - 1 } } : {}),
    });
  }
  await post(`${base}/api/v1/models/${model}/aliases/champion`, { version: VERSIONS - 1 }, 'PUT');
  await post(`${base}/api/v1/models/${model}/aliases/challenger`, { version: VERSIONS }, 'PUT');
}

async function load(
  url: string,
  seconds: number,
): Promise<{ rps: number; p50: number; p99: number; errors: number }> {
  const result = await autocannon({ url, connections: 10, duration: seconds });
  const errors = result.errors + result.non2xx + result.timeouts;
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function measure(figures: Figures, prefix: string, databaseUrl?: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-registry-'));
  const server = await startServe([
    '--data-dir',
    dataDir,
    ...(databaseUrl ? ['--database-url', databaseUrl] : []),
  ]);
  try {
    const model = `bench-${Date.now()}`;
    await seed(server.url, model);
    const seconds = durationArg();
    const routes = {
      get_version: `${server.url}/api/v1/models/${model}/versions/${VERSIONS / 2}`,
      resolve_alias: `${server.url}/api/v1/models/${model}/aliases/champion`,
    };
    for (const [name, url] of Object.entries(routes)) {
      await load(url, 1); // warm-up: compiled code and a filled page cache
      const r = await load(url, seconds);
      figures[`${prefix}_${name}_rps`] = Math.round(r.rps);
      figures[`${prefix}_${name}_p50_ms`] = r.p50;
      figures[`${prefix}_${name}_p99_ms`] = r.p99;
      if (r.errors > 0) figures[`${prefix}_${name}_errors`] = r.errors;
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export default async function bench(): Promise<Figures> {
  const figures: Figures = { connections: 10, duration_s: durationArg() };
  await measure(figures, 'sqlite');
  const pg = process.env.TEND_BENCH_DATABASE_URL;
  if (pg) await measure(figures, 'postgres', pg);
  return figures;
}
