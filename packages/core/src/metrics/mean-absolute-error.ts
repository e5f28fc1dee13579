/** Mean absolute error. */
import type { NumericInput } from '../validate.js';
import { type RegressionOptions, toRegressionTargets } from './regression-inputs.js';
import { npAverage } from './sums.js';

/**
 * Σ wᵢ|yPredᵢ − yTrueᵢ| / Σ wᵢ, as sklearn's `mean_absolute_error` (single output).
 *
 * @example
 * meanAbsoluteError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.5
 */
export function meanAbsoluteError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  const { t, p, w } = toRegressionTargets('meanAbsoluteError', yTrue, yPred, options.sampleWeight);
  return npAverage(
    p.map((v, i) => Math.abs(v - t[i])),
    w,
  );
}
