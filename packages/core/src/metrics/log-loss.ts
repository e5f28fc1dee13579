/** Logarithmic loss (cross-entropy) of predicted probabilities. */
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
import { isRows, toProbabilities, toProbabilityRows } from './probability-inputs.js';
import { npAverage, npSum } from './sums.js';

/** Machine epsilon of float64, sklearn 1.2's `eps='auto'`. */
const FLOAT64_EPS = 2.220446049250313e-16;

/** Options of {@link logLoss}. */
export interface LogLossOptions {
  /** Clip probabilities to [eps, 1 − eps]; 'auto' (default) is float64's machine epsilon. */
  eps?: 'auto' | number;
  /** Mean loss (default true) or the (weighted) sum. */
  normalize?: boolean;
  sampleWeight?: NumericInput;
  /** All classes, when yTrue does not show them all; columns follow their sorted order. */
  labels?: ArrayLike<Label>;
}

/**
 * Mean −log p(true class), as sklearn 1.2's `log_loss`: probabilities are clipped to
 * [eps, 1 − eps], a binary column p becomes the row [1 − p, p] (p for the greater label),
 * and each row is divided by its sum before the logarithm. Columns of a multiclass row
 * follow the sorted classes. Unlike sklearn, probabilities outside [0, 1] and labels absent
 * from `labels` are refused rather than clipped or ignored.
 *
 * @example
 * logLoss(['spam', 'ham', 'ham', 'spam'], [[0.1, 0.9], [0.9, 0.1], [0.8, 0.2], [0.35, 0.65]]); // 0.21616187468057912
 */
export function logLoss(
  yTrue: ArrayLike<Label>,
  yPred: NumericInput | ArrayLike<ArrayLike<number>>,
  options: LogLossOptions = {},
): number {
  const fn = 'logLoss';
  const y = toLabels(fn, 'yTrue', yTrue);
  const n = y.length;
  const eps = options.eps ?? 'auto';
  if (eps !== 'auto') checkNumberOption(fn, 'eps', eps, { min: 0, max: 1, exclusiveMax: true });
  const e = eps === 'auto' ? FLOAT64_EPS : eps;
  const weight = toWeights(fn, options.sampleWeight, n);
  const classes =
    options.labels === undefined
      ? uniqueLabels(y)
      : uniqueLabels(toLabelOption(fn, options.labels, y));
  if (classes.length === 1) {
    throw new TendInputError(
      fn,
      options.labels === undefined ? 'yTrue' : 'labels',
      'invalid_option',
      options.labels === undefined
        ? `holds only one label (${JSON.stringify(classes[0])}); pass all classes through the labels option`
        : 'must hold at least two labels',
    );
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const clip = (v: number) => Math.min(Math.max(v, e), 1 - e);
  let rows: Float64Array[];
  if (isRows(yPred)) {
    rows = toProbabilityRows(fn, 'yPred', yPred, n).map((r) => r.map(clip));
  } else {
    const p = toProbabilities(fn, 'yPred', yPred as NumericInput, n);
    rows = Array.from(p, (v) => {
      const c = clip(v);
      return Float64Array.of(1 - c, c);
    });
  }
  if (rows[0].length !== classes.length) {
    throw new TendInputError(
      fn,
      'yPred',
      'length_mismatch',
      `has ${rows[0].length} columns but there are ${classes.length} classes ${showLabels(classes)}; pass all classes through the labels option`,
    );
  }
  const loss = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = index.get(y[i]);
    if (k === undefined) {
      throw new TendInputError(
        fn,
        'yTrue',
        'invalid_option',
        `[${i}] is ${JSON.stringify(y[i])}, not one of labels ${showLabels(classes)}`,
      );
    }
    loss[i] = -Math.log(rows[i][k] / npSum(rows[i]));
  }
  if (options.normalize ?? true) return npAverage(loss, weight);
  if (!weight) return npSum(loss);
  let s = 0;
  for (let i = 0; i < n; i++) s += loss[i] * weight[i];
  return s;
}
