/** Area under the ROC curve, binary and multiclass one-vs-rest. */
import { TendInputError } from '../errors.js';
import { checkChoice, checkSameLength, type NumericInput, toSample } from '../validate.js';
import { binaryClfCurve, toRankingInputs } from './binary-clf-curve.js';
import {
  type Label,
  showLabels,
  toLabelOption,
  toLabels,
  toWeights,
  uniqueLabels,
} from './labels.js';
import { isRows } from './probability-inputs.js';
import { rocFromCurve } from './roc-curve.js';
import { npAverage, npSum } from './sums.js';

/** Options of {@link rocAucScore}. */
export interface RocAucOptions {
  /** Multiclass only: 'macro' (default), 'weighted' (by class prevalence), 'micro', or null. */
  average?: 'macro' | 'weighted' | 'micro' | null;
  sampleWeight?: NumericInput;
  /** Multiclass only: the classes of the score columns, sorted (default: yTrue's classes). */
  labels?: ArrayLike<Label>;
  /** Multiclass scheme; only one-vs-rest ('ovr', the default here) is implemented. */
  multiClass?: 'ovr';
}

/** `np.trapz(y, x)`: Σ Δx·(y₁ + y₀)/2, summed as NumPy sums. */
export function trapz(y: Float64Array, x: Float64Array): number {
  const terms = new Float64Array(x.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = ((x[i + 1] - x[i]) * (y[i + 1] + y[i])) / 2;
  return npSum(terms);
}

/** AUC of 0/1 targets (1 = positive), as sklearn's `_binary_roc_auc_score`. */
function binaryAuc(fn: string, y01: number[], score: Float64Array, weight?: Float64Array): number {
  let pos = 0;
  for (const v of y01) pos += v;
  if (pos === 0 || pos === y01.length) {
    throw new TendInputError(
      fn,
      'yTrue',
      'invalid_state',
      'holds only one class; ROC AUC is not defined in that case',
    );
  }
  const roc = rocFromCurve(binaryClfCurve(fn, y01, score, weight, 1), true);
  return trapz(roc.tpr, roc.fpr);
}

/**
 * Area under the ROC curve (trapezoids over sklearn's `roc_curve`, so tied scores count
 * one half), as sklearn 1.2's `roc_auc_score`. Binary: `yScore` is the score of the greater
 * label. Multiclass: `yScore` holds one row of class probabilities per sample (rows must sum
 * to 1, as `np.allclose` checks), columns in sorted class order (or `labels`); one-vs-rest
 * AUCs are combined by `average`. A class missing from yTrue makes the AUC undefined: error.
 *
 * @example
 * rocAucScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 */
export function rocAucScore(
  yTrue: ArrayLike<Label>,
  yScore: ArrayLike<ArrayLike<number>>,
  options: RocAucOptions & { average: null },
): Float64Array;
export function rocAucScore(
  yTrue: ArrayLike<Label>,
  yScore: NumericInput | ArrayLike<ArrayLike<number>>,
  options?: RocAucOptions & { average?: 'macro' | 'weighted' | 'micro' },
): number;
export function rocAucScore(
  yTrue: ArrayLike<Label>,
  yScore: NumericInput | ArrayLike<ArrayLike<number>>,
  options: RocAucOptions = {},
): number | Float64Array {
  const fn = 'rocAucScore';
  const average = options.average === undefined ? 'macro' : options.average;
  if (average !== null) checkChoice(fn, 'average', average, ['macro', 'weighted', 'micro']);
  checkChoice(fn, 'multiClass', options.multiClass ?? 'ovr', ['ovr']);
  if (!isRows(yScore)) {
    const { y, score, weight } = toRankingInputs(
      fn,
      yTrue,
      yScore as NumericInput,
      options.sampleWeight,
    );
    const classes = uniqueLabels(y);
    if (classes.length > 2) {
      throw new TendInputError(
        fn,
        'yScore',
        'invalid_type',
        `must hold one row of class probabilities per sample: yTrue has ${classes.length} classes`,
      );
    }
    // label_binarize: the greater of the two labels is the positive class.
    return binaryAuc(
      fn,
      y.map((v) => (v === classes[1] ? 1 : 0)),
      score,
      weight,
    );
  }
  const y = toLabels(fn, 'yTrue', yTrue);
  checkSameLength(fn, 'yTrue', y, 'yScore', yScore);
  const weight = toWeights(fn, options.sampleWeight, y.length);
  const rows = Array.from(yScore, (r, i) => toSample(fn, `yScore[${i}]`, r));
  const k = rows[0].length;
  rows.forEach((r, i) => {
    if (r.length !== k) {
      throw new TendInputError(
        fn,
        'yScore',
        'length_mismatch',
        `row ${i} has ${r.length} values but row 0 has ${k}`,
      );
    }
    const s = npSum(r);
    if (!(Math.abs(1 - s) <= 1e-8 + 1e-5 * Math.abs(s))) {
      throw new TendInputError(
        fn,
        'yScore',
        'out_of_range',
        `row ${i} sums to ${s}; multiclass scores must be probabilities summing to 1`,
      );
    }
  });
  if (uniqueLabels(y).length <= 2 && k <= 2) {
    throw new TendInputError(
      fn,
      'yScore',
      'invalid_type',
      'must be the score of the greater label, one number per sample, when yTrue is binary',
    );
  }
  let classes: Label[];
  if (options.labels !== undefined) {
    classes = toLabelOption(fn, options.labels, y);
    const sorted = uniqueLabels(classes);
    if (sorted.some((v, i) => v !== classes[i])) {
      throw new TendInputError(fn, 'labels', 'invalid_option', 'must be sorted');
    }
    const set = new Set(classes);
    const extra = y.find((v) => !set.has(v));
    if (extra !== undefined) {
      throw new TendInputError(
        fn,
        'yTrue',
        'invalid_option',
        `holds ${JSON.stringify(extra)}, which is not in labels ${showLabels(classes)}`,
      );
    }
  } else classes = uniqueLabels(y);
  if (classes.length !== k) {
    throw new TendInputError(
      fn,
      'yScore',
      'length_mismatch',
      `has ${k} columns but there are ${classes.length} classes ${showLabels(classes)}`,
    );
  }
  const n = y.length;
  if (average === 'micro') {
    const y01: number[] = [];
    const s = new Float64Array(n * k);
    const w = weight ? new Float64Array(n * k) : undefined;
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < k; c++) {
        y01.push(y[i] === classes[c] ? 1 : 0);
        s[i * k + c] = rows[i][c];
        if (w) w[i * k + c] = weight![i];
      }
    }
    return binaryAuc(fn, y01, s, w);
  }
  const scores = new Float64Array(k);
  const support = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    const y01 = y.map((v) => (v === classes[c] ? 1 : 0));
    for (let i = 0; i < n; i++) support[c] += y01[i] * (weight ? weight[i] : 1);
    scores[c] = binaryAuc(
      fn,
      y01,
      Float64Array.from(rows, (r) => r[c]),
      weight,
    );
  }
  if (average === null) return scores;
  return npAverage(scores, average === 'weighted' ? support : undefined);
}
