/** AIF360's average odds difference. */
import type { Label } from '../metrics/index.js';
import {
  type FairnessOptions,
  falsePositiveRate,
  type GroupCounts,
  type GroupValue,
  groupCounts,
  truePositiveRate,
} from './group-counts.js';

/**
 * ½[(FPR_u − FPR_p) + (TPR_u − TPR_p)] from group counts, in AIF360's order of operations.
 *
 * @example
 * averageOddsFromCounts(counts.unprivileged, counts.privileged); // 0.5 for the example below
 */
export function averageOddsFromCounts(u: GroupCounts, p: GroupCounts): number {
  return (
    0.5 *
    (falsePositiveRate(u) - falsePositiveRate(p) + (truePositiveRate(u) - truePositiveRate(p)))
  );
}

/**
 * ½[(FPR_u − FPR_p) + (TPR_u − TPR_p)] (u = unprivileged, p = privileged), AIF360's
 * `ClassificationMetric.average_odds_difference`. 0 is equalised odds on average; a large
 * FPR gap can hide behind an opposite TPR gap, so read it with equalOpportunityDifference.
 * NaN when a group lacks favourable or unfavourable truth; an empty group is refused.
 *
 * @example
 * averageOddsDifference([1, 0, 1, 0], [1, 1, 1, 0], ['a', 'a', 'b', 'b'], { privileged: 'b' }); // 0.5
 */
export function averageOddsDifference(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  group: ArrayLike<GroupValue>,
  options: FairnessOptions,
): number {
  const c = groupCounts('averageOddsDifference', yTrue, yPred, group, options);
  return averageOddsFromCounts(c.unprivileged, c.privileged);
}
