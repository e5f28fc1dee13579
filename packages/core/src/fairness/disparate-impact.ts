/** AIF360's disparate impact ratio of predictions. */
import type { Label } from '../metrics/index.js';
import {
  type FairnessOptions,
  type GroupValue,
  groupCounts,
  selectionRate,
} from './group-counts.js';

/**
 * P(ŷ = fav | unprivileged) / P(ŷ = fav | privileged), AIF360's
 * `ClassificationMetric.disparate_impact`. 1 is parity; the "four-fifths rule" flags values
 * below 0.8. When the privileged group never receives the favourable outcome the ratio is
 * undefined and follows IEEE (and NumPy, hence AIF360): `Infinity` if the unprivileged rate
 * is positive, `NaN` if both rates are 0. An empty group is refused.
 *
 * @example
 * disparateImpact([1, 0, 1, 1], ['a', 'a', 'b', 'b'], { privileged: 'b' }); // 0.5
 */
export function disparateImpact(
  yPred: ArrayLike<Label>,
  group: ArrayLike<GroupValue>,
  options: FairnessOptions,
): number {
  const c = groupCounts('disparateImpact', null, yPred, group, options);
  return selectionRate(c.unprivileged) / selectionRate(c.privileged);
}
