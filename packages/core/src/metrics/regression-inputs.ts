/** Shared checks of the regression metrics: two finite vectors of one length, and weights. */
import { checkSameLength, type NumericInput, toSample } from '../validate.js';
import { toWeights } from './labels.js';

/** Options of the regression metrics that accept sample weights. */
export interface RegressionOptions {
  sampleWeight?: NumericInput;
}

export function toRegressionTargets(
  fn: string,
  yTrue: NumericInput,
  yPred: NumericInput,
  sampleWeight?: NumericInput,
): { t: Float64Array; p: Float64Array; w: Float64Array | undefined } {
  const t = toSample(fn, 'yTrue', yTrue);
  const p = toSample(fn, 'yPred', yPred);
  checkSameLength(fn, 'yTrue', t, 'yPred', p);
  return { t, p, w: toWeights(fn, sampleWeight, t.length) };
}
