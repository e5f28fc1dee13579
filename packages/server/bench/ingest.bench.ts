/**
 * Ingestion speed: prediction events of 20 features in batches of 1 000, POSTed over HTTP on
 * loopback to `tend serve` (its own process, the default SQLite store in a fresh data
 * directory) by 4 concurrent senders in this process, until `--events N` (default 200 000)
 * are stored. Printed: sustained events per second, the p50/p99 time from sending a batch to
 * its acknowledgement (committed), and the server's peak RSS (read from /proc while it runs),
 * at the start and at the end, to see whether memory grows with the count. Issue #5's target
 * is 20 000 events per second, and flat memory over 5 000 000 events (`--events 5000000`). The
 * server's CPU time per event is printed too: the work behind the rate, steadier than the rate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figures } from '../../core/bench/harness.js';
import { startServe } from '../test/support/start-serve.js';
import { BATCH, batchBody, cpuSeconds, FEATURES, INPUT_SCHEMA, rssMb } from './bench-events.js';

const SENDERS = 4;

function eventsArg(): number {
  const args = process.argv.slice(2);
  const i = args.indexOf('--events');
  const n = i >= 0 ? Number(args[i + 1]) : 200_000;
  if (!Number.isInteger(n) || n < BATCH)
    throw new RangeError(`--events must be a whole number ≥ ${BATCH}`);
  return n;
}

export default async function bench(): Promise<Figures> {
  const total = eventsArg();
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-ingest-'));
  const server = await startServe(['--data-dir', dataDir]);
  const child = server.child;
  try {
    const url = server.url;
    const json = { 'content-type': 'application/json' };
    const post = (path: string, body: string) =>
      fetch(`${url}${path}`, { method: 'POST', headers: json, body });
    await post('/api/v1/models', JSON.stringify({ name: 'bench', task: 'binary_classification' }));
    await post('/api/v1/models/bench/versions', JSON.stringify({ inputSchema: INPUT_SCHEMA }));
    // Bodies are made as they are sent (held all at once, 5 000 000 events would not fit): a
    // few milliseconds a batch on this process's core, while the server works on the other.
    const batches = Math.floor(total / BATCH);
    const latencies: number[] = [];
    let next = 0;
    let peakRss = 0;
    let firstRss = 0;
    const sampler = setInterval(() => {
      const r = rssMb(child.pid as number);
      if (firstRss === 0 && next > SENDERS) firstRss = r;
      peakRss = Math.max(peakRss, r);
    }, 100);
    const cpuBefore = cpuSeconds(child.pid as number);
    const started = performance.now();
    const sender = async () => {
      while (next < batches) {
        const k = next++;
        const body = batchBody(k);
        const t0 = performance.now();
        const r = await post('/api/v1/models/bench/predictions', body);
        if (!r.ok) throw new Error(`batch ${k}: ${r.status} ${await r.text()}`);
        const answer = (await r.json()) as { accepted: number };
        if (answer.accepted !== BATCH) throw new Error(`batch ${k}: ${answer.accepted} accepted`);
        latencies.push(performance.now() - t0);
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const serverCpu = cpuSeconds(child.pid as number) - cpuBefore;
    const endRss = rssMb(child.pid as number);
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
    return {
      events: total,
      batch: BATCH,
      features: FEATURES,
      senders: SENDERS,
      events_per_s: Math.round((batches * BATCH) / seconds),
      server_cpu_us_per_event: Math.round((serverCpu * 1e6) / (batches * BATCH)),
      ack_p50_ms: at(0.5),
      ack_p99_ms: at(0.99),
      server_rss_first_mb: Math.round(firstRss),
      server_rss_end_mb: Math.round(endRss),
      server_rss_peak_mb: Math.round(peakRss),
    };
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
