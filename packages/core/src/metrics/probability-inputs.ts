/** Shared checks of the probabilistic metrics (log loss, Brier score, calibration error). */
import { TendInputError } from '../errors.js';
import { checkProbabilities, checkSameLength, type NumericInput, toSample } from '../validate.js';
import { resolvePosLabel } from './binary-clf-curve.js';
import { type Label, showLabels, uniqueLabels } from './labels.js';

/** True when `x` is a list of rows (one array of class probabilities per sample). */
export function isRows(x: unknown): x is ArrayLike<ArrayLike<number>> {
  const first = (x as ArrayLike<unknown>)?.[0];
  return (
    first != null &&
    typeof first === 'object' &&
    typeof (first as ArrayLike<unknown>).length === 'number'
  );
}

/** Probability rows of equal width, each value in [0, 1]. */
export function toProbabilityRows(
  fn: string,
  name: string,
  rows: ArrayLike<ArrayLike<number>>,
  n: number,
): Float64Array[] {
  checkSameLength(fn, 'yTrue', { length: n }, name, rows);
  const out = Array.from(rows, (r, i) => {
    const row = toSample(fn, `${name}[${i}]`, r);
    checkProbabilities(fn, `${name}[${i}]`, row);
    return row;
  });
  const k = out[0].length;
  out.forEach((r, i) => {
    if (r.length !== k) {
      throw new TendInputError(
        fn,
        name,
        'length_mismatch',
        `row ${i} has ${r.length} values but row 0 has ${k}`,
      );
    }
  });
  return out;
}

/** Probabilities of the positive class, one per sample, each in [0, 1]. */
export function toProbabilities(
  fn: string,
  name: string,
  p: NumericInput,
  n: number,
): Float64Array {
  const out = toSample(fn, name, p);
  checkSameLength(fn, 'yTrue', { length: n }, name, out);
  checkProbabilities(fn, name, out);
  return out;
}

/**
 * The positive class of a binary probability metric, as sklearn's `brier_score_loss` picks
 * it: `posLabel` if given; else 1 for {0, 1} / {-1, 1} targets; else the greater numeric
 * label; string labels need `posLabel`.
 */
export function binaryPositive(fn: string, y: Label[], posLabel: Label | undefined): Label {
  const classes = uniqueLabels(y);
  if (classes.length > 2) {
    throw new TendInputError(
      fn,
      'yTrue',
      'invalid_type',
      `has ${classes.length} classes ${showLabels(classes)}; only binary targets are supported with one probability per sample`,
    );
  }
  if (posLabel !== undefined) return posLabel;
  if (typeof classes[0] === 'number') {
    try {
      return resolvePosLabel(fn, y, undefined);
    } catch {
      return classes[classes.length - 1];
    }
  }
  return resolvePosLabel(fn, y, undefined);
}
