/** AIF360's equal opportunity difference (true-positive-rate difference). */
import type { Label } from '../metrics/index.js';
import {
  type FairnessOptions,
  type GroupValue,
  groupCounts,
  truePositiveRate,
} from './group-counts.js';

/**
 * TPR(unprivileged) − TPR(privileged) with TPR = TP / P, AIF360's
 * `ClassificationMetric.equal_opportunity_difference` (Hardt, Price & Srebro 2016). 0 is
 * equal opportunity. NaN when a group has no row whose true label is favourable (AIF360's
 * 0/0); an empty group is refused.
 *
 * @example
 * equalOpportunityDifference([1, 1, 1, 1], [1, 0, 1, 1], ['a', 'a', 'b', 'b'], { privileged: 'b' }); // -0.5
 */
export function equalOpportunityDifference(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  group: ArrayLike<GroupValue>,
  options: FairnessOptions,
): number {
  const c = groupCounts('equalOpportunityDifference', yTrue, yPred, group, options);
  return truePositiveRate(c.unprivileged) - truePositiveRate(c.privileged);
}
