/** Coefficient of determination R². */
import type { NumericInput } from '../validate.js';
import { type RegressionOptions, toRegressionTargets } from './regression-inputs.js';
import { npAverage, npSum } from './sums.js';

/** Options of {@link r2Score} and explainedVarianceScore. */
export interface R2Options extends RegressionOptions {
  /**
   * Constant yTrue (denominator 0): true (default, sklearn's `force_finite`) gives 1 for a
   * perfect prediction and 0 otherwise; false gives 1 − x/0 (NaN or −∞).
   */
  forceFinite?: boolean;
}

/** sklearn's `_assemble_r2_explained_variance` for one output. */
export function assembleScore(
  numerator: number,
  denominator: number,
  forceFinite: boolean,
): number {
  if (!forceFinite) return 1 - numerator / denominator;
  if (numerator === 0) return 1;
  if (denominator === 0) return 0;
  return 1 - numerator / denominator;
}

/**
 * R² = 1 − Σ wᵢ(yᵢ − ŷᵢ)² / Σ wᵢ(yᵢ − ȳ_w)², as sklearn's `r2_score`; NaN for fewer
 * than two samples (sklearn warns and returns NaN); constant yTrue as `forceFinite` says.
 *
 * @example
 * r2Score([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9486081370449679
 */
export function r2Score(yTrue: NumericInput, yPred: NumericInput, options: R2Options = {}): number {
  const { t, p, w } = toRegressionTargets('r2Score', yTrue, yPred, options.sampleWeight);
  if (t.length < 2) return Number.NaN;
  const mean = npAverage(t, w);
  const num = t.map((v, i) => (w ? w[i] : 1) * ((v - p[i]) * (v - p[i])));
  const den = t.map((v, i) => (w ? w[i] : 1) * ((v - mean) * (v - mean)));
  return assembleScore(npSum(num), npSum(den), options.forceFinite ?? true);
}
