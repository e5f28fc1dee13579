/** Mean squared error and its square root. */
import type { NumericInput } from '../validate.js';
import { type RegressionOptions, toRegressionTargets } from './regression-inputs.js';
import { npAverage } from './sums.js';

/** Options of {@link meanSquaredError}. */
export interface MeanSquaredErrorOptions extends RegressionOptions {
  /** Return the MSE (default true) or its square root, the RMSE (sklearn 1.2's `squared`). */
  squared?: boolean;
}

function mse(fn: string, yTrue: NumericInput, yPred: NumericInput, sw?: NumericInput): number {
  const { t, p, w } = toRegressionTargets(fn, yTrue, yPred, sw);
  return npAverage(
    t.map((v, i) => (v - p[i]) * (v - p[i])),
    w,
  );
}

/**
 * Σ wᵢ(yTrueᵢ − yPredᵢ)² / Σ wᵢ, as sklearn 1.2's `mean_squared_error`; `squared: false`
 * gives its square root.
 *
 * @example
 * meanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.375
 */
export function meanSquaredError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: MeanSquaredErrorOptions = {},
): number {
  const v = mse('meanSquaredError', yTrue, yPred, options.sampleWeight);
  return (options.squared ?? true) ? v : Math.sqrt(v);
}

/**
 * √MSE, as sklearn 1.2's `mean_squared_error(squared=False)` (named as sklearn ≥ 1.4 names
 * it, `root_mean_squared_error`).
 *
 * @example
 * rootMeanSquaredError([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.6123724356957945
 */
export function rootMeanSquaredError(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: RegressionOptions = {},
): number {
  return Math.sqrt(mse('rootMeanSquaredError', yTrue, yPred, options.sampleWeight));
}
