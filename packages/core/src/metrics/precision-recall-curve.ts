/** Precision–recall curve and average precision (the step-wise area under it). */
import { TendInputError } from '../errors.js';
import type { NumericInput } from '../validate.js';
import { binaryClfCurve, toRankingInputs } from './binary-clf-curve.js';
import { type Label, showLabels, uniqueLabels } from './labels.js';
import { npSum } from './sums.js';

/** Options of {@link precisionRecallCurve}. */
export interface PrecisionRecallCurveOptions {
  /** The positive class (default 1, with yTrue in {0, 1} or {-1, 1}). */
  posLabel?: Label;
  sampleWeight?: NumericInput;
}

/** Precision and recall at increasing thresholds, ending at (recall 0, precision 1). */
export interface PrecisionRecallCurveResult {
  precision: Float64Array;
  recall: Float64Array;
  thresholds: Float64Array;
}

/**
 * Precision tp/(tp+fp) and recall tp/P at each distinct score, in increasing threshold
 * order, with the end point (precision 1, recall 0) appended, as sklearn 1.2's
 * `precision_recall_curve`. No positive in yTrue: recall is 1 everywhere (sklearn warns).
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).precision; // [0.5, 0.6666666666666666, 0.5, 1, 1]
 */
export function precisionRecallCurve(
  yTrue: ArrayLike<Label>,
  probasPred: NumericInput,
  options: PrecisionRecallCurveOptions = {},
): PrecisionRecallCurveResult {
  const fn = 'precisionRecallCurve';
  const { y, score, weight } = toRankingInputs(
    fn,
    yTrue,
    probasPred,
    options.sampleWeight,
    'probasPred',
  );
  return prCurve(fn, y, score, weight, options.posLabel);
}

function prCurve(
  fn: string,
  y: Label[],
  score: Float64Array,
  weight: Float64Array | undefined,
  posLabel: Label | undefined,
): PrecisionRecallCurveResult {
  const { fps, tps, thresholds } = binaryClfCurve(fn, y, score, weight, posLabel);
  const m = tps.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const last = tps[m - 1];
  for (let j = 0; j < m; j++) {
    const i = m - 1 - j;
    const ps = tps[i] + fps[i];
    precision[j] = ps !== 0 ? tps[i] / ps : 0;
    recall[j] = last === 0 ? 1 : tps[i] / last;
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds: thresholds.slice().reverse() };
}

/**
 * Average precision AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the precision–recall curve (no
 * interpolation), as sklearn 1.2's `average_precision_score` for a binary yTrue (1.2 refuses
 * multiclass targets; so does this). `posLabel` defaults to 1.
 *
 * @example
 * averagePrecisionScore([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.8333333333333333
 */
export function averagePrecisionScore(
  yTrue: ArrayLike<Label>,
  yScore: NumericInput,
  options: PrecisionRecallCurveOptions = {},
): number {
  const fn = 'averagePrecisionScore';
  const { y, score, weight } = toRankingInputs(fn, yTrue, yScore, options.sampleWeight);
  const posLabel = options.posLabel ?? 1;
  const present = uniqueLabels(y);
  if (present.length > 2) {
    throw new TendInputError(
      fn,
      'yTrue',
      'invalid_type',
      'is multiclass; average precision needs a binary target',
    );
  }
  if (present.length === 2 && !present.includes(posLabel)) {
    throw new TendInputError(
      fn,
      'posLabel',
      'invalid_option',
      `is ${JSON.stringify(posLabel)}, not a valid label; it should be one of ${showLabels(present)}`,
    );
  }
  const { precision, recall } = prCurve(fn, y, score, weight, posLabel);
  const terms = new Float64Array(recall.length - 1);
  for (let i = 0; i < terms.length; i++) terms[i] = (recall[i + 1] - recall[i]) * precision[i];
  return -npSum(terms);
}
