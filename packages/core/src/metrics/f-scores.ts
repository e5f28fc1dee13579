/** Precision, recall and F-scores on their own: scikit-learn's thin wrappers. */
import { TendInputError } from '../errors.js';
import type { ClassScoreOptions } from './class-counts.js';
import type { Label } from './labels.js';
import { type PrfsAveraged, type PrfsPerClass, prfs } from './precision-recall-fscore-support.js';

type PerClass = ClassScoreOptions & { average: null };
type Averaged = ClassScoreOptions & { average?: Exclude<ClassScoreOptions['average'], null> };

function pick(
  r: PrfsAveraged | PrfsPerClass,
  key: 'precision' | 'recall' | 'fScore',
): number | Float64Array {
  return r[key];
}

/**
 * Precision tp / (tp + fp), as sklearn's `precision_score` (average 'binary' by default).
 *
 * @example
 * precisionScore([0, 1, 1, 0], [1, 1, 1, 0]); // 0.6666666666666666
 */
export function precisionScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PerClass,
): Float64Array;
export function precisionScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: Averaged,
): number;
export function precisionScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ClassScoreOptions = {},
): number | Float64Array {
  return pick(prfs('precisionScore', yTrue, yPred, options), 'precision');
}

/**
 * Recall tp / (tp + fn), as sklearn's `recall_score` (average 'binary' by default).
 *
 * @example
 * recallScore([0, 1, 1, 0], [0, 1, 0, 0]); // 0.5
 */
export function recallScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PerClass,
): Float64Array;
export function recallScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: Averaged,
): number;
export function recallScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ClassScoreOptions = {},
): number | Float64Array {
  return pick(prfs('recallScore', yTrue, yPred, options), 'recall');
}

/**
 * F1 = 2·P·R / (P + R), as sklearn's `f1_score` (average 'binary' by default).
 *
 * @example
 * f1Score([0, 1, 1, 0], [0, 1, 0, 0]); // 0.6666666666666666
 */
export function f1Score(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PerClass,
): Float64Array;
export function f1Score(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: Averaged,
): number;
export function f1Score(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ClassScoreOptions = {},
): number | Float64Array {
  return pick(prfs('f1Score', yTrue, yPred, { ...options, beta: 1 }), 'fScore');
}

/**
 * F_β = (1 + β²)·P·R / (β²·P + R), recall weighted β times precision, as sklearn's
 * `fbeta_score`; `beta` is required, as there.
 *
 * @example
 * fbetaScore([0, 1, 1, 0], [0, 1, 0, 0], { beta: 2 }); // 0.5555555555555556
 */
export function fbetaScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PerClass & { beta: number },
): Float64Array;
export function fbetaScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: Averaged & { beta: number },
): number;
export function fbetaScore(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ClassScoreOptions & { beta: number },
): number | Float64Array {
  if (options?.beta === undefined) {
    throw new TendInputError('fbetaScore', 'beta', 'invalid_option', 'is required (a number ≥ 0)');
  }
  return pick(prfs('fbetaScore', yTrue, yPred, options), 'fScore');
}
