/**
 * `performance`: a metric of the model's task on the window's predictions whose labels have
 * joined, with a seeded bootstrap interval, for all events and within each value of the chosen
 * segment attributes; and the fairness gap across one attribute's values (the best segment's
 * metric minus the worst's). Labels arrive late: a window is evaluated again as they come, so
 * its performance fills in over days.
 *
 * A window of at most EXACT_LABELS labelled predictions is measured on its rows. A larger one
 * is measured from its outcome profiles, kept up to date as labels join: confusion-matrix
 * metrics as exactly as on the rows, sums to rounding, ROC AUC and the median absolute error
 * within the `errorBound` the detail states (`exact` says which). Its interval then comes
 * from the profile too, by the method `intervalMethod` names (`outcome-intervals.ts`): the
 * multinomial bootstrap of the confusion matrix, the normal interval of a mean loss, the delta
 * method (R², explained variance), Hanley–McNeil (ROC AUC, widened by `errorBound`), order
 * statistics (median absolute error), a parametric bootstrap of the calibration bins (ECE);
 * the max error has none, and `intervalSkipped` says why. Average precision, which no profile
 * bounds, is computed exactly from the window's stored positive-class scores instead
 * (`performance-scores.ts`), with the logit interval of Boyd et al. (2013), the interval the
 * rows give it above MAX_BOOTSTRAP_ROWS of them.
 */
import { bootstrapCi } from '@tend/core';
import { averagePrecisionInterval, profileInterval } from '../../profiles/outcome-intervals.js';
import {
  metricFromProfile,
  type ProfileValue,
  profileRows,
} from '../../profiles/outcome-metrics.js';
import type { OutcomeProfile } from '../../profiles/outcome-profile.js';
import type { WindowOutcomes } from '../../profiles/outcome-profiles.js';
import { statusOf } from '../levels.js';
import type { PerformanceSettings } from '../monitor-schemas.js';
import {
  type PerformanceMetric,
  performanceMetric,
  tooFewLabels,
  windowLabels,
} from '../performance-metric.js';
import type { Evaluator, ResultRow } from '../result-row.js';
import type { LabelledEvent, WindowData } from '../window-data.js';
import { onScores } from './performance-scores.js';

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
  const base = { segment, metric: metric.name };
  const few = tooFewLabels(base, yTrue.length, settings);
  if (few !== null) return few;
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
  } else if (resamples > 0 && metric.name === 'averagePrecision') {
    // Too many rows to resample: the logit interval, from the value and the positives.
    const pos = settings.positiveLabel ?? '1';
    let positives = 0;
    for (const t of yTrue) if (t === pos) positives++;
    const ci = averagePrecisionInterval(value, positives, confidence);
    if ('skipped' in ci) detail.intervalSkipped = ci.skipped;
    else {
      detail.interval = [ci.low, ci.high];
      detail.intervalMethod = ci.method;
    }
  } else if (resamples > 0) {
    detail.intervalSkipped = `more than ${MAX_BOOTSTRAP_ROWS} labels`;
  }
  const worse = metric.higherIsBetter ? 'lower' : 'higher';
  return { ...base, value, status: statusOf(value, settings.threshold, {}, worse), detail };
}

/** The same measure from a segment's outcome profile. */
function measureProfile(
  metric: PerformanceMetric,
  task: string,
  positiveLabel: string,
  profile: OutcomeProfile,
  segment: string,
  settings: PerformanceSettings,
): ResultRow {
  const labels = profileRows(task, metric.name, positiveLabel, profile);
  const base = { segment, metric: metric.name };
  const few = tooFewLabels(base, labels, settings);
  if (few !== null) return few;
  let measured: ProfileValue;
  try {
    measured = metricFromProfile(task, metric.name, positiveLabel, profile);
  } catch (err) {
    return {
      ...base,
      value: null,
      status: 'no_data',
      detail: { labels, error: (err as Error).message },
    };
  }
  const { value, exact, errorBound, boundOn } = measured;
  const confidence = settings.confidence ?? 0.95;
  const resamples = settings.bootstrap ?? DEFAULT_RESAMPLES;
  const detail: Record<string, unknown> = { labels, confidence, source: 'outcome_profile', exact };
  if (errorBound !== undefined) {
    detail.errorBound = errorBound;
    detail.errorBoundOn = boundOn;
  }
  if (resamples > 0) {
    const ci = profileInterval(task, metric.name, positiveLabel, profile, {
      confidence,
      resamples,
    });
    if ('skipped' in ci) detail.intervalSkipped = ci.skipped;
    else {
      detail.interval = [ci.low, ci.high];
      detail.intervalMethod = ci.method;
      if (ci.resamples !== undefined) detail.resamples = ci.resamples;
    }
  }
  const worse = metric.higherIsBetter ? 'lower' : 'higher';
  return { ...base, value, status: statusOf(value, settings.threshold, {}, worse), detail };
}

/** The fairness gap across the measured segments of one attribute. */
function fairnessGap(
  metric: PerformanceMetric,
  attribute: string,
  measured: ResultRow[],
  maxGap: number,
): ResultRow {
  const valued = measured.filter((r) => r.value !== null) as (ResultRow & { value: number })[];
  const gapMetric = `fairness_gap:${metric.name}:${attribute}`;
  if (valued.length < 2) {
    return {
      metric: gapMetric,
      value: null,
      status: 'no_data',
      detail: { reason: 'fewer than 2 segments with enough labels' },
    };
  }
  valued.sort((a, b) => a.value - b.value);
  const worst = metric.higherIsBetter ? valued[0] : valued[valued.length - 1];
  const best = metric.higherIsBetter ? valued[valued.length - 1] : valued[0];
  const gap = Math.abs(best.value - worst.value);
  return {
    metric: gapMetric,
    value: gap,
    status: gap > maxGap ? 'alert' : 'ok',
    detail: {
      best: { segment: best.segment, value: best.value },
      worst: { segment: worst.segment, value: worst.value },
      maxGap,
    },
  };
}

/** How a window is measured: overall (segment ''), and in each value of an attribute. */
interface Measurer {
  all(): ResultRow;
  segments(attribute: string): ResultRow[];
}

/** Measured on the window's labelled rows, grouped by segment value. */
function onRows(
  metric: PerformanceMetric,
  events: LabelledEvent[],
  settings: PerformanceSettings,
): Measurer {
  return {
    all: () => measure(metric, events, '', settings),
    segments: (attribute) => {
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
      return [...groups.keys()]
        .sort()
        .map((v) =>
          measure(metric, groups.get(v) as LabelledEvent[], `${attribute}=${v}`, settings),
        );
    },
  };
}

/** Measured on the window's outcome profiles, one per segment value. */
function onProfiles(
  metric: PerformanceMetric,
  data: WindowData,
  outcomes: WindowOutcomes,
  settings: PerformanceSettings,
): Measurer {
  const task = data.owner.task;
  const positiveLabel = settings.positiveLabel ?? '1';
  const one = (segment: string) => {
    const profile = outcomes.profile(segment) as OutcomeProfile;
    return measureProfile(metric, task, positiveLabel, profile, segment, settings);
  };
  return {
    all: () => one(''),
    segments: (attribute) =>
      outcomes
        .segments()
        .filter((s) => s.startsWith(`${attribute}=`))
        .sort()
        .map(one),
  };
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
  const labels = await windowLabels(data);
  const attributes = new Set(settings.segments ?? []);
  if (settings.fairness !== undefined) attributes.add(settings.fairness.attribute);
  let measurer: Measurer;
  if (labels.profiles === null) measurer = onRows(metric, await labels.rows(), settings);
  else if (metric.profiled) measurer = onProfiles(metric, data, labels.profiles, settings);
  else measurer = await onScores(metric, data, labels.profiles, [...attributes], settings);
  const rows: ResultRow[] = [measurer.all()];
  for (const attribute of attributes) {
    const measured = measurer.segments(attribute);
    rows.push(...measured);
    if (settings.fairness?.attribute === attribute) {
      rows.push(fairnessGap(metric, attribute, measured, settings.fairness.maxGap));
    }
  }
  return rows;
};
