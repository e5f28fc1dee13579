/**
 * What the monitoring page reads, shaped for its charts: a monitor's results as series by
 * window, the latest window's rows, and profiles' quantiles over time.
 */
import { api, type MonitorInfo, type MonitorResult } from './api';

/**
 * A monitor's results for one version, oldest first.
 *
 * @example
 * await monitorResults('churn', 'drift', 3, 'feature:*', '', { detail: false }); // [{ windowStart: '…', metric: 'feature:age', value: 0.04, … }, …]
 */
export function monitorResults(
  model: string,
  monitor: string,
  /** undefined: every version's. */
  version: number | undefined,
  metric?: string,
  segment = '',
  options: { latest?: boolean; detail?: boolean; status?: string } = {},
): Promise<MonitorResult[]> {
  const q = new URLSearchParams({ limit: '100000', segment });
  if (version !== undefined) q.set('version', String(version));
  if (metric !== undefined) q.set('metric', metric);
  // A chart of many windows needs the values only: the details are most of the bytes.
  if (options.detail === false) q.set('detail', 'false');
  if (options.latest) q.set('latest', 'true');
  if (options.status !== undefined) q.set('status', options.status);
  return api<{ results: MonitorResult[] }>(
    `/api/v1/models/${encodeURIComponent(model)}/monitors/${encodeURIComponent(monitor)}/results?${q}`,
  ).then((r) => r.results);
}

/** Windows (as unix seconds) and each metric's value in them, aligned. */
export interface Aligned {
  times: number[];
  windows: string[];
  values: Map<string, (number | null)[]>;
  /** The result behind each value, by metric. */
  rows: Map<string, (MonitorResult | undefined)[]>;
}

/**
 * Line results up by window: one column per window any of them has.
 *
 * @example
 * align(results).values.get('recall'); // [0.71, null, 0.69]
 */
export function align(results: MonitorResult[]): Aligned {
  const windows = [...new Set(results.map((r) => r.windowStart))].sort();
  const at = new Map(windows.map((w, i) => [w, i]));
  const values = new Map<string, (number | null)[]>();
  const rows = new Map<string, (MonitorResult | undefined)[]>();
  for (const r of results) {
    if (!values.has(r.metric)) {
      values.set(r.metric, Array(windows.length).fill(null));
      rows.set(r.metric, Array(windows.length).fill(undefined));
    }
    const i = at.get(r.windowStart) as number;
    (values.get(r.metric) as (number | null)[])[i] = r.value;
    (rows.get(r.metric) as (MonitorResult | undefined)[])[i] = r;
  }
  return { times: windows.map((w) => Date.parse(w) / 1000), windows, values, rows };
}

/** A column's profile summary in one window. */
export interface ProfileRow {
  windowStart: string;
  events: number;
  summary: {
    count: number;
    missing: number;
    numbers?: { mean: number; quantiles: Record<string, number> };
    items?: { top: { value: string; count: number }[]; distinct: number };
  };
}

/**
 * A column's window profiles for one version, oldest first.
 *
 * @example
 * await columnProfiles('churn', 3, 'score:1'); // [{ windowStart: '…', summary: { numbers: { quantiles: { '0.5': 0.2 } } } }, …]
 */
export function columnProfiles(
  model: string,
  version: number,
  column: string,
): Promise<ProfileRow[]> {
  const q = new URLSearchParams({ version: String(version), column });
  return api<{ profiles: ProfileRow[] }>(
    `/api/v1/models/${encodeURIComponent(model)}/profiles?${q}`,
  ).then((r) => r.profiles);
}

/**
 * A model's key performance monitor: the one its decay forecast follows, else its first.
 *
 * @example
 * keyPerformanceMonitor(monitors)?.config.metric; // 'recall'
 */
export function keyPerformanceMonitor(monitors: MonitorInfo[]): MonitorInfo | undefined {
  const followed = monitors.find((m) => m.kind === 'decay')?.config.monitor;
  const perf = monitors.filter((m) => m.kind === 'performance');
  return perf.find((m) => m.name === followed) ?? perf[0];
}
