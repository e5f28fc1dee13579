/** Brier score: mean squared error of a predicted probability. */
import type { NumericInput } from '../validate.js';
import { type Label, toLabels, toWeights } from './labels.js';
import { binaryPositive, toProbabilities } from './probability-inputs.js';
import { npAverage } from './sums.js';

/** Options of {@link brierScoreLoss}. */
export interface BrierScoreOptions {
  sampleWeight?: NumericInput;
  /** The positive class (default: 1 for {0, 1} or {-1, 1}, else the greater number). */
  posLabel?: Label;
}

/**
 * Mean of (1[y = posLabel] − p)², weighted, as sklearn's `brier_score_loss`; binary
 * targets only, p the probability of the positive class.
 *
 * @example
 * brierScoreLoss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]); // 0.03749999999999999
 */
export function brierScoreLoss(
  yTrue: ArrayLike<Label>,
  yProb: NumericInput,
  options: BrierScoreOptions = {},
): number {
  const fn = 'brierScoreLoss';
  const y = toLabels(fn, 'yTrue', yTrue);
  const p = toProbabilities(fn, 'yProb', yProb, y.length);
  const weight = toWeights(fn, options.sampleWeight, y.length);
  const pos = binaryPositive(fn, y, options.posLabel);
  const sq = new Float64Array(y.length);
  for (let i = 0; i < sq.length; i++) {
    const d = (y[i] === pos ? 1 : 0) - p[i];
    sq[i] = d * d;
  }
  return npAverage(sq, weight);
}
