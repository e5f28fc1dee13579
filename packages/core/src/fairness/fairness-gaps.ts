/** The four AIF360 group-fairness gaps of one classifier at once. */
import type { Label } from '../metrics/index.js';
import { averageOddsFromCounts } from './average-odds-difference.js';
import {
  type FairnessOptions,
  falsePositiveRate,
  type GroupCounts,
  type GroupValue,
  groupCounts,
  selectionRate,
  truePositiveRate,
} from './group-counts.js';

/** Rates of one group, for showing beside the gaps. */
export interface GroupRates {
  /** Σ weight of the group's rows (its row count when unweighted). */
  instances: number;
  selectionRate: number;
  truePositiveRate: number;
  falsePositiveRate: number;
}

/** Result of {@link fairnessGaps}: the four gaps and each group's rates. */
export interface FairnessGapsResult {
  statisticalParityDifference: number;
  disparateImpact: number;
  equalOpportunityDifference: number;
  averageOddsDifference: number;
  privileged: GroupRates;
  unprivileged: GroupRates;
}

function rates(c: GroupCounts): GroupRates {
  return {
    instances: c.instances,
    selectionRate: selectionRate(c),
    truePositiveRate: truePositiveRate(c),
    falsePositiveRate: falsePositiveRate(c),
  };
}

/**
 * statisticalParityDifference, disparateImpact, equalOpportunityDifference and
 * averageOddsDifference (AIF360's `ClassificationMetric` definitions, unprivileged minus or
 * over privileged) from one pass over the rows, with each group's rates. Undefined rates are
 * NaN and a zero privileged selection rate makes disparateImpact Infinity or NaN, as in
 * AIF360; an empty group is refused.
 *
 * @example
 * fairnessGaps([1, 0, 1, 0], [1, 1, 1, 0], ['a', 'a', 'b', 'b'], { privileged: 'b' }).disparateImpact; // 2
 */
export function fairnessGaps(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  group: ArrayLike<GroupValue>,
  options: FairnessOptions,
): FairnessGapsResult {
  const c = groupCounts('fairnessGaps', yTrue, yPred, group, options);
  const u = rates(c.unprivileged);
  const p = rates(c.privileged);
  return {
    statisticalParityDifference: u.selectionRate - p.selectionRate,
    disparateImpact: u.selectionRate / p.selectionRate,
    equalOpportunityDifference: u.truePositiveRate - p.truePositiveRate,
    averageOddsDifference: averageOddsFromCounts(c.unprivileged, c.privileged),
    privileged: p,
    unprivileged: u,
  };
}
