/** Expected calibration error over equal-width confidence bins (not in scikit-learn). */
import { TendInputError } from '../errors.js';
import { checkNumberOption, type NumericInput } from '../validate.js';
import {
  type Label,
  showLabels,
  toLabelOption,
  toLabels,
  toWeights,
  uniqueLabels,
} from './labels.js';
import {
  binaryPositive,
  isRows,
  toProbabilities,
  toProbabilityRows,
} from './probability-inputs.js';

/** Options of {@link expectedCalibrationError}. */
export interface CalibrationOptions {
  /** Number of equal-width bins over [0, 1] (default 10). */
  nBins?: number;
  /** Binary (one probability per sample): the positive class, chosen as in brierScoreLoss. */
  posLabel?: Label;
  /** Multiclass: the class of each column, in column order (default: yTrue's classes, sorted). */
  labels?: ArrayLike<Label>;
  sampleWeight?: NumericInput;
}

/**
 * ECE = Σ_b (W_b / W)·|acc_b − conf_b| over nBins equal-width bins (Naeini et al., AAAI 2015;
 * Guo et al., ICML 2017), W_b the (weighted) number of samples in bin b. Sample i falls in
 * bin min(⌊conf_i·nBins⌋, nBins − 1), so a confidence on an edge as stored in floating point
 * goes to the upper bin and 1 to the last. Binary input (one probability p of the positive
 * class per sample, as torchmetrics' binary ECE): conf = p and acc_b is the share of
 * positives in the bin. Multiclass rows: conf = the top probability, acc_b the share of
 * samples whose top class (first on ties, as argmax) is the true one. Empty bins add 0.
 *
 * @example
 * expectedCalibrationError([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]); // 0.175
 */
export function expectedCalibrationError(
  yTrue: ArrayLike<Label>,
  yProb: NumericInput | ArrayLike<ArrayLike<number>>,
  options: CalibrationOptions = {},
): number {
  const fn = 'expectedCalibrationError';
  const nBins = options.nBins ?? 10;
  checkNumberOption(fn, 'nBins', nBins, { min: 1, integer: true });
  const y = toLabels(fn, 'yTrue', yTrue);
  const n = y.length;
  const weight = toWeights(fn, options.sampleWeight, n);
  const conf = new Float64Array(n);
  const hit = new Float64Array(n);
  if (isRows(yProb)) {
    const rows = toProbabilityRows(fn, 'yProb', yProb, n);
    const classes =
      options.labels === undefined ? uniqueLabels(y) : toLabelOption(fn, options.labels, y);
    if (rows[0].length !== classes.length) {
      throw new TendInputError(
        fn,
        'yProb',
        'length_mismatch',
        `has ${rows[0].length} columns but there are ${classes.length} classes ${showLabels(classes)}`,
      );
    }
    rows.forEach((r, i) => {
      let top = 0;
      for (let c = 1; c < r.length; c++) if (r[c] > r[top]) top = c;
      conf[i] = r[top];
      hit[i] = classes[top] === y[i] ? 1 : 0;
    });
  } else {
    const p = toProbabilities(fn, 'yProb', yProb as NumericInput, n);
    const pos = binaryPositive(fn, y, options.posLabel);
    for (let i = 0; i < n; i++) {
      conf[i] = p[i];
      hit[i] = y[i] === pos ? 1 : 0;
    }
  }
  const wSum = new Float64Array(nBins);
  const hitSum = new Float64Array(nBins);
  const confSum = new Float64Array(nBins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.min(Math.floor(conf[i] * nBins), nBins - 1);
    const w = weight ? weight[i] : 1;
    wSum[b] += w;
    hitSum[b] += w * hit[i];
    confSum[b] += w * conf[i];
    total += w;
  }
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    if (wSum[b] === 0) continue;
    ece += (wSum[b] / total) * Math.abs(hitSum[b] / wSum[b] - confSum[b] / wSum[b]);
  }
  return ece;
}
