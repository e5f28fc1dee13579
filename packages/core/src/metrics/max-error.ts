/** Maximum residual error. */
import type { NumericInput } from '../validate.js';
import { toRegressionTargets } from './regression-inputs.js';

/**
 * max |yTrueᵢ − yPredᵢ|, the worst case error, as sklearn's `max_error` (no weights).
 *
 * @example
 * maxError([3, 2, 7, 1], [9, 2, 7, 1]); // 6
 */
export function maxError(yTrue: NumericInput, yPred: NumericInput): number {
  const { t, p } = toRegressionTargets('maxError', yTrue, yPred);
  let m = 0;
  for (let i = 0; i < t.length; i++) m = Math.max(m, Math.abs(t[i] - p[i]));
  return m;
}
