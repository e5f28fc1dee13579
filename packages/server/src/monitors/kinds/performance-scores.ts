/**
 * The `performance` monitor's average precision on a window of more than EXACT_LABELS labelled
 * predictions: no outcome profile bounds it, so it is computed exactly from the window's
 * stored positive-class scores (`profiles/outcome-scores.ts`, read and checked by
 * `window-scores.ts`), overall and per segment value, with the logit interval of Boyd et al.
 * (2013) from the value and the positives, as the rows give it above MAX_BOOTSTRAP_ROWS.
 */
import { averagePrecisionInterval } from '../../profiles/outcome-intervals.js';
import type { WindowOutcomes } from '../../profiles/outcome-profiles.js';
import type { SortedScores } from '../../profiles/outcome-scores.js';
import { averagePrecisionSorted } from '../../profiles/scores-average-precision.js';
import { statusOf } from '../levels.js';
import type { PerformanceSettings } from '../monitor-schemas.js';
import { type PerformanceMetric, tooFewLabels } from '../performance-metric.js';
import type { ResultRow } from '../result-row.js';
import type { WindowData } from '../window-data.js';
import { windowScores } from '../window-scores.js';

/**
 * A metric measured on one segment's stored scores (undefined: they are incomplete).
 *
 * @example
 * measureScores(metric, { positives, negatives }, '', { metric: 'averagePrecision' }).detail; // { labels: 1000000, source: 'outcome_scores', exact: true, … }
 */
export function measureScores(
  metric: PerformanceMetric,
  scores: SortedScores | undefined,
  segment: string,
  settings: PerformanceSettings,
): ResultRow {
  const base = { segment, metric: metric.name };
  if (scores === undefined) {
    const reason = 'its stored scores hold fewer rows than its outcome profile counts';
    return { ...base, value: null, status: 'no_data', detail: { reason } };
  }
  if (metric.name !== 'averagePrecision') {
    throw new TypeError(`${metric.name} is not measured from stored scores`);
  }
  const labels = scores.positives.length + scores.negatives.length;
  const few = tooFewLabels(base, labels, settings);
  if (few !== null) return few;
  const value = averagePrecisionSorted(scores.positives, scores.negatives);
  const confidence = settings.confidence ?? 0.95;
  const detail: Record<string, unknown> = {
    labels,
    confidence,
    source: 'outcome_scores',
    exact: true,
  };
  if (settings.bootstrap !== 0) {
    const ci = averagePrecisionInterval(value, scores.positives.length, confidence);
    if ('skipped' in ci) detail.intervalSkipped = ci.skipped;
    else {
      detail.interval = [ci.low, ci.high];
      detail.intervalMethod = ci.method;
    }
  }
  const worse = metric.higherIsBetter ? 'lower' : 'higher';
  return { ...base, value, status: statusOf(value, settings.threshold, {}, worse), detail };
}

/**
 * How a large window is measured on its stored scores: overall (segment ''), and in each value
 * of the attributes asked for, read once for all of them.
 *
 * @example
 * (await onScores(metric, data, outcomes, ['region'], settings)).all().value; // 0.6343
 */
export async function onScores(
  metric: PerformanceMetric,
  data: WindowData,
  outcomes: WindowOutcomes,
  attributes: string[],
  settings: PerformanceSettings,
): Promise<{ all(): ResultRow; segments(attribute: string): ResultRow[] }> {
  const ofAttribute = (w: WindowOutcomes, attribute: string) =>
    w
      .segments()
      .filter((s) => s.startsWith(`${attribute}=`))
      .sort();
  const wanted = ['', ...attributes.flatMap((a) => ofAttribute(outcomes, a))];
  const positiveLabel = settings.positiveLabel ?? '1';
  const read = await windowScores(data, outcomes, positiveLabel, wanted);
  const one = (segment: string) =>
    measureScores(metric, read.scores.get(segment), segment, settings);
  return {
    all: () => one(''),
    segments: (attribute) => ofAttribute(outcomes, attribute).map(one),
  };
}
