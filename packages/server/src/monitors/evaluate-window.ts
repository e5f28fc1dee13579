/**
 * Evaluating a window: every monitor of the model runs on the window's data, and its results
 * replace the ones it had for that window (the latest word on a window is its time series
 * value). Which windows need it: those closed (their end has passed) that were never
 * evaluated, or that gained events since, or whose labels changed (label ingestion forgets
 * their evaluation).
 */
import type { Selectable } from 'kysely';
import type { Db, RegistryContext } from '../registry/context.js';
import type { ModelRow, MonitorResultsTable, MonitorRow } from '../store/tables.js';
import { dataQuality } from './kinds/data-quality.js';
import { decay } from './kinds/decay.js';
import { featureDrift, labelDrift, predictionDrift, skew } from './kinds/drift-kinds.js';
import { operations } from './kinds/operations.js';
import { outputs } from './kinds/outputs.js';
import { performance as performanceKind } from './kinds/performance.js';
import type { MonitorKind, MonitorResultInfo, Status } from './monitor-schemas.js';
import type { Evaluator, ResultRow } from './result-row.js';
import { WindowData } from './window-data.js';

// biome-ignore lint/suspicious/noExplicitAny: each evaluator takes its own kind's settings
const EVALUATORS: Record<MonitorKind, Evaluator<any>> = {
  data_quality: dataQuality,
  feature_drift: featureDrift,
  prediction_drift: predictionDrift,
  label_drift: labelDrift,
  skew,
  performance: performanceKind,
  decay,
  outputs,
  operations,
};

/** Rows per INSERT. */
const CHUNK = 200;

export interface WindowRef {
  versionId: number;
  versionNumber: number;
  windowStart: string;
}

/** One monitor's results for one window. */
export interface EvaluatedMonitor {
  monitor: MonitorRow;
  /** How long the monitor took on the window. */
  seconds: number;
  rows: (ResultRow & { windowStart: string; segment: string })[];
}

/** Monitors in the order they run: decay follows the performance results of the same pass. */
async function monitorsOf(db: Db, modelId: number): Promise<MonitorRow[]> {
  const rows = await db
    .selectFrom('monitors')
    .selectAll()
    .where('model_id', '=', modelId)
    .orderBy('name')
    .execute();
  return [...rows.filter((m) => m.kind !== 'decay'), ...rows.filter((m) => m.kind === 'decay')];
}

/**
 * Run every monitor of `owner` on one window and store the results.
 *
 * @example
 * (await evaluateWindow(ctx, owner, { versionId: 7, versionNumber: 3, windowStart: '2026-03-03T14:00:00.000Z' })).events; // 4210
 */
export async function evaluateWindow(
  ctx: RegistryContext,
  owner: ModelRow,
  ref: WindowRef,
): Promise<{ monitors: EvaluatedMonitor[]; events: number }> {
  const monitors = await monitorsOf(ctx.db, owner.id);
  const data = await WindowData.load(ctx, owner, ref.versionId, ref.versionNumber, ref.windowStart);
  const out: EvaluatedMonitor[] = [];
  for (const monitor of monitors) {
    let rows: ResultRow[];
    const started = performance.now();
    try {
      rows = await EVALUATORS[monitor.kind as MonitorKind](
        JSON.parse(monitor.config),
        data,
        monitor,
      );
    } catch (err) {
      // A monitor that cannot run says why in its results, and the others still run.
      rows = [
        {
          metric: 'error',
          value: null,
          status: 'no_data',
          detail: { error: (err as Error).message },
        },
      ];
    }
    const evaluated = {
      monitor,
      seconds: (performance.now() - started) / 1000,
      rows: rows.map((r) => ({
        ...r,
        segment: r.segment ?? '',
        windowStart: r.windowStart ?? data.windowStart,
      })),
    };
    await storeResults(ctx, ref.versionId, data.windowStart, evaluated);
    out.push(evaluated);
  }
  const at = ctx.now();
  await ctx.db
    .insertInto('window_evaluations')
    .values({
      model_id: owner.id,
      version_id: ref.versionId,
      window_start: data.windowStart,
      events: data.events,
      evaluated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(['model_id', 'version_id', 'window_start']).doUpdateSet({
        events: data.events,
        evaluated_at: at,
      }),
    )
    .execute();
  return { monitors: out, events: data.events };
}

/** Replace a monitor's results of the window (and of any other window its rows name). */
async function storeResults(
  ctx: RegistryContext,
  versionId: number,
  windowStart: string,
  evaluated: EvaluatedMonitor,
): Promise<void> {
  const at = ctx.now();
  const windows = [...new Set([windowStart, ...evaluated.rows.map((r) => r.windowStart)])];
  const rows = evaluated.rows.map((r) => ({
    monitor_id: evaluated.monitor.id,
    version_id: versionId,
    window_start: r.windowStart,
    segment: r.segment,
    metric: r.metric,
    value: r.value !== null && Number.isFinite(r.value) ? r.value : null,
    status: r.status,
    detail: JSON.stringify(r.detail),
    evaluated_at: at,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('monitor_results')
      .where('monitor_id', '=', evaluated.monitor.id)
      .where('version_id', '=', versionId)
      .where('window_start', 'in', windows)
      .execute();
    for (let from = 0; from < rows.length; from += CHUNK) {
      await trx
        .insertInto('monitor_results')
        .values(rows.slice(from, from + CHUNK))
        .execute();
    }
  });
}

/**
 * The closed windows of `owner` that need evaluating, oldest first: never evaluated, or
 * changed since (more events; labels, whose ingestion forgets the evaluation). A window of
 * time is closed once its end has passed; a window of a count once the next one has opened.
 *
 * @example
 * await pendingWindows(db, owner, '2026-03-03T16:00:00.000Z'); // [{ versionId: 7, versionNumber: 3, windowStart: '2026-03-03T14:00:00.000Z' }, …]
 */
export async function pendingWindows(
  db: Db,
  owner: ModelRow,
  now: string,
  limit = 1000,
): Promise<WindowRef[]> {
  const closedBy = new Date(Date.parse(now) - owner.window_seconds * 1000).toISOString();
  let q = db
    .selectFrom('window_profiles as wp')
    .innerJoin('versions', 'versions.id', 'wp.version_id')
    .leftJoin('window_evaluations as we', (j) =>
      j
        .onRef('we.model_id', '=', 'wp.model_id')
        .onRef('we.version_id', '=', 'wp.version_id')
        .onRef('we.window_start', '=', 'wp.window_start'),
    )
    .select(['wp.version_id', 'versions.number', 'wp.window_start', 'wp.events'])
    .where('wp.model_id', '=', owner.id)
    .where('wp.segment', '=', '')
    .where('wp.column_name', '=', 'prediction')
    .where((eb) =>
      eb.or([eb('we.events', 'is', null), eb('we.events', '<>', eb.ref('wp.events'))]),
    );
  if (owner.window_events === null) {
    // A window of time closes when its end has passed.
    q = q.where('wp.window_start', '<=', closedBy);
  } else {
    // A window of a count closes when the next one opens: its version's counter moved on.
    q = q
      .innerJoin('window_counters as wc', (j) =>
        j.onRef('wc.model_id', '=', 'wp.model_id').onRef('wc.version_id', '=', 'wp.version_id'),
      )
      .whereRef('wp.window_start', '<', 'wc.window_start');
  }
  const rows = await q.orderBy('wp.window_start').orderBy('versions.number').limit(limit).execute();
  return rows.map((r) => ({
    versionId: r.version_id,
    versionNumber: r.number,
    windowStart: r.window_start,
  }));
}

/**
 * Forget the evaluation of these windows (their labels changed): they are evaluated again.
 *
 * @example
 * await forgetEvaluations(trx, modelId, [{ versionId: 7, window: '2026-03-03T14:00:00.000Z' }]);
 */
export async function forgetEvaluations(
  db: Db,
  modelId: number,
  windows: { versionId: number; window: string }[],
): Promise<void> {
  const unique = new Map(windows.map((w) => [`${w.versionId} ${w.window}`, w]));
  for (const w of unique.values()) {
    await db
      .deleteFrom('window_evaluations')
      .where('model_id', '=', modelId)
      .where('version_id', '=', w.versionId)
      .where('window_start', '=', w.window)
      .execute();
  }
}

/**
 * A stored result as the API shows it.
 *
 * @example
 * resultInfo('drift', 3, row).status; // 'alert'
 */
export function resultInfo(
  monitor: string,
  versionNumber: number,
  r: Omit<Selectable<MonitorResultsTable>, 'monitor_id' | 'version_id'>,
): MonitorResultInfo {
  return {
    monitor,
    version: versionNumber,
    windowStart: r.window_start,
    segment: r.segment,
    metric: r.metric,
    value: r.value,
    status: r.status as Status,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    evaluatedAt: r.evaluated_at,
  };
}
