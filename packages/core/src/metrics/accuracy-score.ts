/** Accuracy and balanced accuracy: the share of correct predictions. */
import type { NumericInput } from '../validate.js';
import { toTargets } from './class-counts.js';
import { countMatrix } from './confusion-matrix.js';
import type { Label } from './labels.js';
import { npAverage, npSum } from './sums.js';

/** Options of {@link accuracyScore}. */
export interface AccuracyOptions {
  /** Return the share (default true) or the (weighted) count of correct predictions. */
  normalize?: boolean;
  sampleWeight?: NumericInput;
}

/**
 * Share of samples with yPred = yTrue, weighted by `sampleWeight`, as sklearn's
 * `accuracy_score`; with `normalize: false` the (weighted) count instead.
 *
 * @example
 * accuracyScore(['cat', 'dog', 'dog'], ['cat', 'dog', 'cat']); // 0.6666666666666666
 */
export function accuracyScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: AccuracyOptions = {},
): number {
  const t = toTargets('accuracyScore', yTrue, yPred, options.sampleWeight);
  const hit = new Float64Array(t.yTrue.length);
  for (let i = 0; i < hit.length; i++) hit[i] = t.yTrue[i] === t.yPred[i] ? 1 : 0;
  if (options.normalize ?? true) return npAverage(hit, t.weight);
  if (!t.weight) return npSum(hit);
  let s = 0;
  for (let i = 0; i < hit.length; i++) s += hit[i] * t.weight[i];
  return s;
}

/** Options of {@link balancedAccuracyScore}. */
export interface BalancedAccuracyOptions {
  sampleWeight?: NumericInput;
  /** Rescale so chance scores 0 and perfect 1: (score − 1/k)/(1 − 1/k) (default false). */
  adjusted?: boolean;
}

/**
 * Mean recall over the classes present in yTrue, as sklearn's `balanced_accuracy_score`
 * (classes that occur only in yPred are left out of the mean, as there).
 *
 * @example
 * balancedAccuracyScore([0, 0, 0, 1], [0, 0, 1, 1]); // 0.8333333333333333
 */
export function balancedAccuracyScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: BalancedAccuracyOptions = {},
): number {
  const t = toTargets('balancedAccuracyScore', yTrue, yPred, options.sampleWeight);
  const m = countMatrix(t.yTrue, t.yPred, t.present, t.weight);
  const perClass: number[] = [];
  m.forEach((row, i) => {
    const s = npSum(row);
    if (s !== 0) perClass.push(row[i] / s);
  });
  let score = npSum(perClass) / perClass.length;
  if (options.adjusted) {
    const chance = 1 / perClass.length;
    score -= chance;
    score /= 1 - chance;
  }
  return score;
}
