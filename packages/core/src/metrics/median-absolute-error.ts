/** Median absolute error, plain or weighted. */
import { argsortStable, gather } from '../arrays.js';
import type { NumericInput } from '../validate.js';
import { type RegressionOptions, toRegressionTargets } from './regression-inputs.js';
import { cumsum } from './sums.js';

/**
 * Median of |yPredᵢ − yTrueᵢ| (mean of the two middle values for even n), as sklearn's
 * `median_absolute_error`; with `sampleWeight`, sklearn 1.2's `_weighted_percentile`: the
 * smallest error whose cumulative weight reaches half the total (no interpolation).
 *
 * @example
 * medianAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 */
export function medianAbsoluteError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  const { t, p, w } = toRegressionTargets(
    'medianAbsoluteError',
    yTrue,
    yPred,
    options.sampleWeight,
  );
  const err = p.map((v, i) => Math.abs(v - t[i]));
  const n = err.length;
  if (!w) {
    const s = err.slice().sort();
    const h = n >> 1;
    return n % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
  }
  const order = argsortStable(err);
  const cdf = cumsum(gather(w, order));
  const target = 0.5 * cdf[n - 1];
  let k = 0;
  while (k < n && cdf[k] < target) k++;
  return err[order[Math.min(k, n - 1)]];
}
