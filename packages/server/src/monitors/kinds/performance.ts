/**
 * `performance`: a metric of the model's task on the window's predictions whose labels have
 * joined, with a seeded bootstrap interval, for all events and within each value of the chosen
 * segment attributes; and the fairness gap across one attribute's values (the best segment's
 * metric minus the worst's). Labels arrive late: a window is evaluated again as they come, so
 * its performance fills in over days.
 */
import { bootstrapCi } from '@tend/core';
import { statusOf } from '../levels.js';
import type { PerformanceSettings } from '../monitor-schemas.js';
import { type PerformanceMetric, performanceMetric } from '../performance-metric.js';
import type { Evaluator, ResultRow } from '../result-row.js';
import type { LabelledEvent } from '../window-data.js';

const DEFAULT_RESAMPLES = 200;
/** Intervals only up to this many labels (the bootstrap costs labels × resamples). */
const MAX_BOOTSTRAP_ROWS = 20_000;

function measure(
  metric: PerformanceMetric,
  events: LabelledEvent[],
  segment: string,
  settings: PerformanceSettings,
): ResultRow {
  const { yTrue, yPred } = metric.columns(events);
  const minLabels = settings.minLabels ?? 30;
  const base = { segment, metric: metric.name };
  if (yTrue.length < minLabels) {
    return {
      ...base,
      value: null,
      status: 'no_data',
      detail: { labels: yTrue.length, reason: `fewer than ${minLabels} labelled predictions` },
    };
  }
  let value: number;
  try {
    value = metric.fn(yTrue, yPred);
  } catch (err) {
    return {
      ...base,
      value: null,
      status: 'no_data',
      detail: { labels: yTrue.length, error: (err as Error).message },
    };
  }
  const confidence = settings.confidence ?? 0.95;
  const resamples = settings.bootstrap ?? DEFAULT_RESAMPLES;
  const detail: Record<string, unknown> = { labels: yTrue.length, confidence };
  if (resamples > 0 && yTrue.length <= MAX_BOOTSTRAP_ROWS) {
    try {
      const ci = bootstrapCi(metric.fn, yTrue, yPred, {
        nResamples: resamples,
        confidenceLevel: confidence,
        seed: 0,
      });
      detail.interval = [ci.low, ci.high];
      detail.resamples = ci.nResamples;
    } catch {
      // too few resamples where the metric is defined: the value stands without an interval
    }
  } else if (resamples > 0) {
    detail.intervalSkipped = `more than ${MAX_BOOTSTRAP_ROWS} labels`;
  }
  const worse = metric.higherIsBetter ? 'lower' : 'higher';
  return { ...base, value, status: statusOf(value, settings.threshold, {}, worse), detail };
}

/**
 * The performance results of a window: the metric overall, per segment value, and the
 * fairness gap.
 *
 * @example
 * await performance({ metric: 'recall', threshold: { alert: 0.8 } }, data, monitor); // [{ metric: 'recall', value: 0.84, status: 'ok', … }]
 */
export const performance: Evaluator<PerformanceSettings> = async (settings, data) => {
  const metric = performanceMetric(data.owner.task, settings.metric, settings.positiveLabel);
  const events = await data.labelled();
  const rows: ResultRow[] = [measure(metric, events, '', settings)];
  const attributes = new Set(settings.segments ?? []);
  if (settings.fairness !== undefined) attributes.add(settings.fairness.attribute);
  for (const attribute of attributes) {
    const groups = new Map<string, LabelledEvent[]>();
    for (const e of events) {
      const v = e.segment?.[attribute];
      if (v === undefined) continue;
      let g = groups.get(v);
      if (g === undefined) {
        g = [];
        groups.set(v, g);
      }
      g.push(e);
    }
    const measured = [...groups.keys()]
      .sort()
      .map((v) => measure(metric, groups.get(v) as LabelledEvent[], `${attribute}=${v}`, settings));
    rows.push(...measured);
    if (settings.fairness?.attribute !== attribute) continue;
    const valued = measured.filter((r) => r.value !== null) as (ResultRow & { value: number })[];
    const gapMetric = `fairness_gap:${metric.name}:${attribute}`;
    if (valued.length < 2) {
      rows.push({
        metric: gapMetric,
        value: null,
        status: 'no_data',
        detail: { reason: 'fewer than 2 segments with enough labels' },
      });
      continue;
    }
    valued.sort((a, b) => a.value - b.value);
    const worst = metric.higherIsBetter ? valued[0] : valued[valued.length - 1];
    const best = metric.higherIsBetter ? valued[valued.length - 1] : valued[0];
    const gap = Math.abs(best.value - worst.value);
    rows.push({
      metric: gapMetric,
      value: gap,
      status: gap > settings.fairness.maxGap ? 'alert' : 'ok',
      detail: {
        best: { segment: best.segment, value: best.value },
        worst: { segment: worst.segment, value: worst.value },
        maxGap: settings.fairness.maxGap,
      },
    });
  }
  return rows;
};
