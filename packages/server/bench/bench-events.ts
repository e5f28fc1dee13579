/**
 * The prediction events the ingestion and monitoring benches send: 20 features (numbers, and
 * every fifth a category), a binary prediction with probabilities, a latency and a region.
 */
import { readFileSync } from 'node:fs';

export const BATCH = 1000;
export const FEATURES = 20;

/** The version's input schema for these events. */
export const INPUT_SCHEMA = Array.from({ length: FEATURES }, (_, f) =>
  f % 5 === 4
    ? { name: `f${f}`, type: 'categorical', categories: ['a', 'b', 'c'] }
    : { name: `f${f}`, type: 'double' },
);

/**
 * A batch body: 1 000 events with ids `b<k>_<i>`, batch k a minute after batch k − 1 (or
 * `spacingMs` apart), starting at `start`.
 *
 * @example
 * JSON.parse(batchBody(0)).length; // 1000
 */
export function batchBody(k: number, start = Date.UTC(2026, 2, 1), spacingMs = 60_000): string {
  const parts: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const features: Record<string, number | string> = {};
    for (let f = 0; f < FEATURES; f++) {
      features[`f${f}`] =
        f % 5 === 4 ? ['a', 'b', 'c'][(i + f) % 3] : ((i * 7919 + f * 104729) % 10007) / 100;
    }
    parts.push(
      JSON.stringify({
        id: `b${k}_${i}`,
        version: 1,
        timestamp: new Date(start + k * spacingMs + i * (spacingMs / BATCH)).toISOString(),
        features,
        prediction: i % 2,
        probabilities: { '0': 0.4, '1': 0.6 },
        latencyMs: 3 + (i % 17),
        segment: { region: ['EU', 'US', 'APAC'][i % 3] },
      }),
    );
  }
  return `[${parts.join(',')}]`;
}

/**
 * The labels of batch k: the true class of each event, right for 7 events in 10.
 *
 * @example
 * JSON.parse(labelBody(0))[0]; // { id: 'b0_0', label: 0 }
 */
export function labelBody(k: number): string {
  const parts: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const label = i % 10 < 7 ? i % 2 : 1 - (i % 2);
    parts.push(`{"id":"b${k}_${i}","label":${label}}`);
  }
  return `[${parts.join(',')}]`;
}

/**
 * Resident memory of a process now, MB (Linux).
 *
 * @example
 * rssMb(process.pid); // 61.2
 */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/**
 * CPU seconds a process has used so far, user and system (from `/proc/PID/stat`): the work
 * behind a throughput figure, steadier than the figure itself on a shared machine.
 *
 * @example
 * cpuSeconds(process.pid); // 1.27
 */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces, so split after its closing paren).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
  return ticks / 100; // USER_HZ is 100 on Linux
}
