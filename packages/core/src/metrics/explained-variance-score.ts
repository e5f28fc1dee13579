/** Explained variance regression score. */
import type { NumericInput } from '../validate.js';
import { assembleScore, type R2Options } from './r2-score.js';
import { toRegressionTargets } from './regression-inputs.js';
import { npAverage } from './sums.js';

/**
 * 1 − Var_w(yTrue − yPred) / Var_w(yTrue), as sklearn's `explained_variance_score`: like
 * R² but blind to a constant bias. Constant yTrue as `forceFinite` says.
 *
 * @example
 * explainedVarianceScore([3, -0.5, 2, 7], [2.5, 0, 2, 8]); // 0.9571734475374732
 */
export function explainedVarianceScore(
  yTrue: NumericInput,
  yPred: NumericInput,
  options: R2Options = {},
): number {
  const { t, p, w } = toRegressionTargets(
    'explainedVarianceScore',
    yTrue,
    yPred,
    options.sampleWeight,
  );
  const diff = t.map((v, i) => v - p[i]);
  const diffMean = npAverage(diff, w);
  const num = npAverage(
    diff.map((d) => (d - diffMean) * (d - diffMean)),
    w,
  );
  const mean = npAverage(t, w);
  const den = npAverage(
    t.map((v) => (v - mean) * (v - mean)),
    w,
  );
  return assembleScore(num, den, options.forceFinite ?? true);
}
