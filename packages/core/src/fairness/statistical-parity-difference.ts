/** AIF360's statistical parity difference (a.k.a. mean difference) of predictions. */
import type { Label } from '../metrics/index.js';
import {
  type FairnessOptions,
  type GroupValue,
  groupCounts,
  selectionRate,
} from './group-counts.js';

/**
 * P(ŷ = fav | unprivileged) − P(ŷ = fav | privileged), AIF360's
 * `ClassificationMetric.statistical_parity_difference` (weighted by `sampleWeight` as AIF360
 * weights by `instance_weights`). 0 is parity; negative means the unprivileged group receives
 * the favourable outcome less often. An empty group is refused.
 *
 * @example
 * statisticalParityDifference([1, 0, 1, 1], ['a', 'a', 'b', 'b'], { privileged: 'b' }); // -0.5
 */
export function statisticalParityDifference(
  yPred: ArrayLike<Label>,
  group: ArrayLike<GroupValue>,
  options: FairnessOptions,
): number {
  const c = groupCounts('statisticalParityDifference', null, yPred, group, options);
  return selectionRate(c.unprivileged) - selectionRate(c.privileged);
}
