/** The confusion matrix: counts (or weights) of true label i predicted as label j. */
import { TendInputError } from '../errors.js';
import { checkChoice, type NumericInput } from '../validate.js';
import { toTargets } from './class-counts.js';
import { type Label, labelIndex, toLabelOption } from './labels.js';
import { npSum } from './sums.js';

/** Options of {@link confusionMatrix}. */
export interface ConfusionMatrixOptions {
  /** Row/column order; samples whose labels are not listed are left out (default: all, sorted). */
  labels?: ArrayLike<Label>;
  sampleWeight?: NumericInput;
  /** Divide by row sums ('true'), column sums ('pred') or the total ('all'); 0/0 gives 0. */
  normalize?: 'true' | 'pred' | 'all' | null;
}

/** Rows are true labels, columns predicted labels, both in the order of `labels`. */
export interface ConfusionMatrixResult {
  labels: Label[];
  matrix: number[][];
}

/** Weighted confusion matrix over `labels`, skipping samples outside them. */
export function countMatrix(
  yTrue: Label[],
  yPred: Label[],
  labels: Label[],
  weight: Float64Array | undefined,
): number[][] {
  const index = labelIndex(labels);
  const k = labels.length;
  const m = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const a = index.get(yTrue[i]);
    const b = index.get(yPred[i]);
    if (a === undefined || b === undefined) continue;
    m[a][b] += weight ? weight[i] : 1;
  }
  return m;
}

/**
 * C[i][j] = (weighted) number of samples of true label i predicted as j, as sklearn's
 * `confusion_matrix`; returned with the label order of its rows and columns.
 *
 * @example
 * confusionMatrix(['a', 'b', 'b'], ['a', 'a', 'b']).matrix; // [[1, 0], [1, 1]]
 */
export function confusionMatrix(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: ConfusionMatrixOptions = {},
): ConfusionMatrixResult {
  const fn = 'confusionMatrix';
  const t = toTargets(fn, yTrue, yPred, options.sampleWeight);
  const normalize = options.normalize ?? null;
  if (normalize !== null) checkChoice(fn, 'normalize', normalize, ['true', 'pred', 'all']);
  let labels = t.present;
  if (options.labels !== undefined) {
    labels = toLabelOption(fn, options.labels, t.yTrue);
    const set = new Set(labels);
    if (!t.yTrue.some((v) => set.has(v))) {
      throw new TendInputError(
        fn,
        'labels',
        'invalid_option',
        'must contain at least one label of yTrue',
      );
    }
  }
  const m = countMatrix(t.yTrue, t.yPred, labels, t.weight);
  const k = labels.length;
  if (normalize === 'true') {
    for (const row of m) {
      const s = npSum(row);
      for (let j = 0; j < k; j++) row[j] = s === 0 ? 0 : row[j] / s;
    }
  } else if (normalize === 'pred') {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += m[i][j];
      for (let i = 0; i < k; i++) m[i][j] = s === 0 ? 0 : m[i][j] / s;
    }
  } else if (normalize === 'all') {
    const s = npSum(m.flat());
    for (const row of m) for (let j = 0; j < k; j++) row[j] = s === 0 ? 0 : row[j] / s;
  }
  return { labels, matrix: m };
}
