/** Precision, recall, F-beta and support per class, averaged as scikit-learn averages them. */
import { TendInputError } from '../errors.js';
import { checkNumberOption } from '../validate.js';
import {
  type ClassScoreOptions,
  classCounts,
  toTargets,
  type ZeroDivision,
} from './class-counts.js';
import type { Label } from './labels.js';
import { npAverage, npSum } from './sums.js';

/** Options of {@link precisionRecallFscoreSupport}: `beta` weighs recall β times precision. */
export interface PrfsOptions extends ClassScoreOptions {
  /** β ≥ 0 of the F-score (default 1); Infinity gives recall. */
  beta?: number;
}

/** Scores averaged over classes; `support` is null, as in sklearn. */
export interface PrfsAveraged {
  precision: number;
  recall: number;
  fScore: number;
  support: null;
  labels: Label[];
}

/** One score per class, in the order of `labels`. */
export interface PrfsPerClass {
  precision: Float64Array;
  recall: Float64Array;
  fScore: Float64Array;
  support: Float64Array;
  labels: Label[];
}

export function checkZeroDivision(fn: string, z: unknown): asserts z is ZeroDivision {
  if (z !== 'warn' && z !== 0 && z !== 1) {
    throw new TendInputError(
      fn,
      'zeroDivision',
      'invalid_option',
      `is ${JSON.stringify(z)}; expected "warn", 0 or 1`,
    );
  }
}

function divide(num: Float64Array, den: Float64Array, zero: number): Float64Array {
  const out = new Float64Array(num.length);
  for (let i = 0; i < num.length; i++) out[i] = den[i] === 0 ? zero : num[i] / den[i];
  return out;
}

/**
 * Precision tp/(tp+fp), recall tp/(tp+fn), F_β = (1+β²)·P·R/(β²·P + R) (0 when both are 0)
 * and support (weighted count of true samples) per label, as sklearn 1.2's
 * `precision_recall_fscore_support`. `average` null (the default here, as in sklearn) gives
 * per-class arrays; 'micro' pools the counts; 'macro' takes the plain mean, 'weighted' the
 * support-weighted mean (all-zero support: the zeroDivision value, or 0 for precision and F
 * when something was predicted); 'binary' scores `posLabel` only. A 0/0 ratio takes the
 * `zeroDivision` value ('warn' acts as 0).
 *
 * @example
 * precisionRecallFscoreSupport([0, 1, 1, 0], [0, 1, 0, 0], { average: 'binary' }).recall; // 0.5
 */
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PrfsOptions & { average: Exclude<ClassScoreOptions['average'], null | undefined> },
): PrfsAveraged;
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: PrfsOptions & { average?: null },
): PrfsPerClass;
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options?: PrfsOptions,
): PrfsAveraged | PrfsPerClass;
export function precisionRecallFscoreSupport(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PrfsOptions = {},
): PrfsAveraged | PrfsPerClass {
  return prfs('precisionRecallFscoreSupport', yTrue, yPred, { average: null, ...options });
}

/** The shared computation; `fn` names the public caller in errors. */
export function prfs(
  fn: string,
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: PrfsOptions,
): PrfsAveraged | PrfsPerClass {
  const { beta = 1, zeroDivision = 'warn', sampleWeight } = options;
  const average = options.average === undefined ? 'binary' : options.average;
  checkZeroDivision(fn, zeroDivision);
  if (beta !== Number.POSITIVE_INFINITY) checkNumberOption(fn, 'beta', beta, { min: 0 });
  const t = toTargets(fn, yTrue, yPred, sampleWeight);
  const c = classCounts(fn, t, { ...options, average });
  let { tp, predSum, trueSum } = c;
  if (average === 'micro') {
    tp = Float64Array.of(npSum(tp));
    predSum = Float64Array.of(npSum(predSum));
    trueSum = Float64Array.of(npSum(trueSum));
  }
  const zero = zeroDivision === 1 ? 1 : 0;
  const precision = divide(tp, predSum, zero);
  const recall = divide(tp, trueSum, zero);
  let fScore: Float64Array;
  if (beta === Number.POSITIVE_INFINITY) fScore = recall;
  else {
    const beta2 = beta * beta;
    fScore = new Float64Array(tp.length);
    for (let i = 0; i < tp.length; i++) {
      const denom = beta2 * precision[i] + recall[i];
      fScore[i] = ((1 + beta2) * precision[i] * recall[i]) / (denom === 0 ? 1 : denom);
    }
  }
  if (average === null) return { precision, recall, fScore, support: trueSum, labels: c.labels };
  let weights: Float64Array | undefined;
  if (average === 'weighted') {
    weights = trueSum;
    if (npSum(weights) === 0) {
      // No true sample of any scored label: sklearn's fixed answer.
      const z = zeroDivision === 1 ? 1 : 0;
      const nothingPredicted = npSum(predSum) === 0;
      return {
        precision: nothingPredicted ? z : 0,
        recall: z,
        fScore: nothingPredicted ? z : 0,
        support: null,
        labels: c.labels,
      };
    }
  }
  return {
    precision: npAverage(precision, weights),
    recall: npAverage(recall, weights),
    fScore: npAverage(fScore, weights),
    support: null,
    labels: c.labels,
  };
}
