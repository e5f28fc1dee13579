/**
 * Reading a monitor's results back as time series: by version, metric (or a pattern of them),
 * segment, status and time range, oldest window first; or only the latest window's; with or
 * without each result's detail.
 */
import { metricMatches } from '../alerts/alert-engine.js';
import { normalTime } from '../registry/audit-log.js';
import type { Db } from '../registry/context.js';
import { modelRow } from '../registry/models.js';
import { resultInfo } from './evaluate-window.js';
import type { MonitorResultInfo, Status } from './monitor-schemas.js';
import { monitorRow } from './monitors.js';

export interface ResultQuery {
  version?: number;
  metric?: string;
  /** '' (default) for all events, `attribute=value`, or '*' for every segment. */
  segment?: string;
  status?: Status;
  from?: string;
  to?: string;
  limit?: number;
  /** Only the latest window among those matching. */
  latest?: boolean;
  /** false: leave each result's detail out (a chart of many windows needs only the values). */
  detail?: boolean;
}

/**
 * The results of `monitor` of `model` matching the query.
 *
 * @example
 * await readResults(db, 'churn', 'drift', { metric: 'feature:age' }); // [{ windowStart: '…', value: 0.04, status: 'ok', … }, …]
 */
export async function readResults(
  db: Db,
  model: string,
  monitor: string,
  query: ResultQuery = {},
): Promise<MonitorResultInfo[]> {
  const owner = await modelRow(db, model);
  const m = await monitorRow(db, owner, monitor);
  let q = db
    .selectFrom('monitor_results as r')
    .innerJoin('versions', 'versions.id', 'r.version_id')
    .selectAll('r')
    .select('versions.number')
    .where('r.monitor_id', '=', m.id);
  if (query.version !== undefined) q = q.where('versions.number', '=', query.version);
  const metric = query.metric;
  if (metric !== undefined) {
    // A pattern narrows the query with LIKE (whose _ matches any one character: a superset),
    // then exactly below.
    q = metric.includes('*')
      ? q.where('r.metric', 'like', metric.replace(/%/g, '_').replace(/\*/g, '%'))
      : q.where('r.metric', '=', metric);
  }
  const segment = query.segment ?? '';
  if (segment !== '*') q = q.where('r.segment', '=', segment);
  if (query.status !== undefined) q = q.where('r.status', '=', query.status);
  if (query.from !== undefined) q = q.where('r.window_start', '>=', normalTime(query.from, 'from'));
  if (query.to !== undefined) q = q.where('r.window_start', '<', normalTime(query.to, 'to'));
  if (query.latest === true) {
    const last = await q
      .clearSelect()
      .select((eb) => eb.fn.max('r.window_start').as('latest'))
      .executeTakeFirst();
    if (last?.latest === null || last?.latest === undefined) return [];
    q = q.where('r.window_start', '=', last.latest);
  }
  const rows = await q
    .orderBy('r.window_start')
    .orderBy('versions.number')
    .orderBy('r.segment')
    .orderBy('r.metric')
    .limit(query.limit ?? 10_000)
    .execute();
  return rows
    .filter((r) => metric === undefined || !metric.includes('*') || metricMatches(metric, r.metric))
    .map((r) => {
      if (query.detail !== false) return resultInfo(monitor, r.number, r);
      const { detail: _, ...bare } = resultInfo(monitor, r.number, { ...r, detail: '{}' });
      return bare;
    });
}
