/**
 * `operations`: how the model serves. Throughput (events per second over the window), the
 * error rate (the share of events whose call failed: they carry `error`) and the latency
 * percentiles the events reported (`latencyMs`), read from the window's KLL sketch.
 */
import { statusOf } from '../levels.js';
import type { OperationsSettings } from '../monitor-schemas.js';
import type { Evaluator, ResultRow } from '../result-row.js';

const PERCENTILES = [
  ['latency_p50_ms', 0.5, 'latencyP50Ms'],
  ['latency_p95_ms', 0.95, 'latencyP95Ms'],
  ['latency_p99_ms', 0.99, 'latencyP99Ms'],
] as const;

/**
 * The operations results of a window.
 *
 * @example
 * await operations({ latencyP99Ms: { alert: 250 } }, data, monitor); // [{ metric: 'events_per_second', … }, { metric: 'latency_p99_ms', value: 87, … }, …]
 */
export const operations: Evaluator<OperationsSettings> = async (settings, data) => {
  // A window of time lasts its length; a window of a count, from its first event to its last.
  let seconds = data.windowSeconds;
  if (data.countWindows) {
    const span = await data.timeSpan();
    seconds = span === null ? 0 : (Date.parse(span.last) - Date.parse(span.first)) / 1000;
  }
  const rate = seconds > 0 ? data.events / seconds : null;
  const rows: ResultRow[] = [
    {
      metric: 'events_per_second',
      value: rate,
      status:
        rate === null
          ? 'no_data'
          : settings.minEventsPerSecond !== undefined && rate < settings.minEventsPerSecond
            ? 'alert'
            : 'ok',
      detail: { events: data.events, seconds },
    },
  ];
  const errors = data.profile('error')?.counts.count ?? 0;
  const errorRate = data.events === 0 ? null : errors / data.events;
  rows.push({
    metric: 'error_rate',
    value: errorRate,
    status: statusOf(errorRate, settings.errorRate, { warning: 0.01, alert: 0.05 }, 'higher'),
    detail: { errors, events: data.events },
  });
  const latency = data.profile('latency_ms')?.quantiles;
  for (const [metric, q, setting] of PERCENTILES) {
    if (latency === null || latency === undefined || latency.n === 0) {
      rows.push({
        metric,
        value: null,
        status: 'no_data',
        detail: { reason: 'no event reported its latency' },
      });
      continue;
    }
    const value = latency.quantile(q);
    rows.push({
      metric,
      value,
      status: statusOf(value, settings[setting], {}, 'higher'),
      detail: {
        events: latency.n,
        rankError: latency.numRetained === latency.n ? 0 : latency.normalizedRankError(),
      },
    });
  }
  return rows;
};
