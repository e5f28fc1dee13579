/** Mean absolute percentage error. */
import type { NumericInput } from '../validate.js';
import { type RegressionOptions, toRegressionTargets } from './regression-inputs.js';
import { npAverage } from './sums.js';

/** Machine epsilon of float64: sklearn's floor on |yTrue| so a zero target gives a huge, finite error. */
const EPS = 2.220446049250313e-16;

/**
 * Σ wᵢ|yPredᵢ − yTrueᵢ| / max(|yTrueᵢ|, ε) / Σ wᵢ, a fraction (not ×100), as sklearn's
 * `mean_absolute_percentage_error` with ε the float64 machine epsilon.
 *
 * @example
 * meanAbsolutePercentageError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.3273809523809524
 */
export function meanAbsolutePercentageError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  const { t, p, w } = toRegressionTargets(
    'meanAbsolutePercentageError',
    yTrue,
    yPred,
    options.sampleWeight,
  );
  return npAverage(
    p.map((v, i) => Math.abs(v - t[i]) / Math.max(Math.abs(t[i]), EPS)),
    w,
  );
}
