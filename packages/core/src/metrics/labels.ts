/**
 * Class labels and sample weights as scikit-learn's classification metrics take them: labels
 * are integers or strings (never both in one call, never continuous values, as sklearn's
 * `type_of_target` refuses), ordered as `np.unique` orders them.
 */
import { TendInputError } from '../errors.js';
import { checkSameLength, type NumericInput, toSample } from '../validate.js';

/** A class label: an integer-valued number or a string. */
export type Label = number | string;

/** Copy and check class labels: non-empty, each an integer or a string, one kind only. */
export function toLabels(
  fn: string,
  name: string,
  y: ArrayLike<Label>,
  allowEmpty = false,
): Label[] {
  if (y == null || typeof y === 'string' || typeof (y as ArrayLike<Label>).length !== 'number') {
    throw new TendInputError(fn, name, 'invalid_type', 'must be an array of labels');
  }
  if (y.length === 0 && !allowEmpty) {
    throw new TendInputError(fn, name, 'empty', 'must hold at least one value');
  }
  const out = Array.from(y);
  let kind: 'number' | 'string' | undefined;
  for (let i = 0; i < out.length; i++) {
    const v = out[i];
    const t = typeof v;
    if (t === 'number') {
      if (!Number.isFinite(v)) {
        throw new TendInputError(fn, name, 'not_finite', `[${i}] is ${v}; labels must be finite`);
      }
      // sklearn's type_of_target calls non-integer floats "continuous" and refuses them.
      if (!Number.isInteger(v)) {
        throw new TendInputError(
          fn,
          name,
          'invalid_type',
          `[${i}] is ${v}; class labels must be integers or strings, not continuous values`,
        );
      }
    } else if (t !== 'string') {
      throw new TendInputError(fn, name, 'invalid_type', `[${i}] is ${t}, not a number or string`);
    }
    if (kind === undefined) kind = t as 'number' | 'string';
    else if (kind !== t) {
      throw new TendInputError(
        fn,
        name,
        'invalid_type',
        'mixes numbers and strings; use one label type',
      );
    }
  }
  return out;
}

/** Throw unless two label arrays hold the same kind of label (sklearn raises a TypeError). */
export function checkSameKind(fn: string, name: string, a: Label[], b: Label[]): void {
  if (a.length > 0 && b.length > 0 && typeof a[0] !== typeof b[0]) {
    throw new TendInputError(
      fn,
      name,
      'invalid_type',
      `holds ${typeof b[0]}s but the true labels are ${typeof a[0]}s; they must be the same type`,
    );
  }
}

/** Numbers ascending, strings by code unit: the order of `np.unique`. */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sorted distinct labels of all arrays (sklearn's `unique_labels`). */
export function uniqueLabels(...arrays: Label[][]): Label[] {
  const set = new Set<Label>();
  for (const a of arrays) for (const v of a) set.add(v);
  return [...set].sort(compareLabels);
}

/** Check a user-given `labels` option: non-empty, distinct, of the data's kind. */
export function toLabelOption(fn: string, labels: ArrayLike<Label>, data: Label[]): Label[] {
  const out = toLabels(fn, 'labels', labels);
  checkSameKind(fn, 'labels', data, out);
  if (new Set(out).size !== out.length) {
    throw new TendInputError(fn, 'labels', 'invalid_option', 'must not repeat a label');
  }
  return out;
}

/** Index of each label in `labels`, for counting. */
export function labelIndex(labels: Label[]): Map<Label, number> {
  const m = new Map<Label, number>();
  for (let i = 0; i < labels.length; i++) m.set(labels[i], i);
  return m;
}

/**
 * Check sample weights: as many as samples, finite, ≥ 0 and not all zero (sklearn accepts
 * negative weights; they make no sense for a metric, so they are refused here).
 */
export function toWeights(
  fn: string,
  sampleWeight: NumericInput | undefined,
  n: number,
  nameOfData = 'yTrue',
): Float64Array | undefined {
  if (sampleWeight === undefined || sampleWeight === null) return undefined;
  const w = toSample(fn, 'sampleWeight', sampleWeight, { minLength: 0 });
  checkSameLength(fn, nameOfData, { length: n }, 'sampleWeight', w);
  let total = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] < 0) {
      throw new TendInputError(
        fn,
        'sampleWeight',
        'out_of_range',
        `[${i}] is ${w[i]}; weights must be ≥ 0`,
      );
    }
    total += w[i];
  }
  if (n > 0 && total === 0) {
    throw new TendInputError(
      fn,
      'sampleWeight',
      'out_of_range',
      'sums to 0; at least one weight must be > 0',
    );
  }
  return w;
}

/** Format labels for messages as sklearn does (`[0, 1]`, `['a', 'b']`). */
export function showLabels(labels: Label[]): string {
  return `[${labels.map((l) => (typeof l === 'string' ? `'${l}'` : String(l))).join(', ')}]`;
}
