/**
 * Per-class counts behind precision, recall and F-scores: scikit-learn 1.2's
 * `_check_set_wise_labels` (which labels to score under each `average`) and
 * `multilabel_confusion_matrix` (weighted true positives, predicted and true totals).
 */
import { TendInputError } from '../errors.js';
import { checkChoice, checkSameLength, type NumericInput } from '../validate.js';
import {
  checkSameKind,
  type Label,
  labelIndex,
  showLabels,
  toLabelOption,
  toLabels,
  toWeights,
  uniqueLabels,
} from './labels.js';

/** How per-class scores are combined; `null` returns one score per class. */
export type Average = 'binary' | 'micro' | 'macro' | 'weighted' | null;

/**
 * What a score is when its denominator is 0. `'warn'` is sklearn's default: it acts as 0
 * (sklearn also emits an UndefinedMetricWarning; Tend, having no console, does not).
 */
export type ZeroDivision = 'warn' | 0 | 1;

/** Options shared by the precision / recall / F-score family. */
export interface ClassScoreOptions {
  /** Labels to score, in output order (default: every label of yTrue and yPred, sorted). */
  labels?: ArrayLike<Label>;
  /** The positive class when `average` is 'binary' (default 1, as sklearn). */
  posLabel?: Label;
  /** 'binary' (default), 'micro', 'macro', 'weighted', or null for per-class scores. */
  average?: Average;
  /** Weight of each sample (default 1 each). */
  sampleWeight?: NumericInput;
  /** Value where a ratio is 0/0: 'warn' (acts as 0, the default), 0 or 1. */
  zeroDivision?: ZeroDivision;
}

export interface Targets {
  yTrue: Label[];
  yPred: Label[];
  weight: Float64Array | undefined;
  present: Label[];
}

/** Check a pair of label vectors and optional weights once. */
export function toTargets(
  fn: string,
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  sampleWeight?: NumericInput,
): Targets {
  const t = toLabels(fn, 'yTrue', yTrue);
  const p = toLabels(fn, 'yPred', yPred);
  checkSameLength(fn, 'yTrue', t, 'yPred', p);
  checkSameKind(fn, 'yPred', t, p);
  const weight = toWeights(fn, sampleWeight, t.length);
  return { yTrue: t, yPred: p, weight, present: uniqueLabels(t, p) };
}

export interface ClassCounts {
  labels: Label[];
  tp: Float64Array;
  predSum: Float64Array;
  trueSum: Float64Array;
}

/** Labels scored under `average`, as sklearn's `_check_set_wise_labels`. */
function setWiseLabels(fn: string, t: Targets, opts: ClassScoreOptions): Label[] | undefined {
  const average = opts.average === undefined ? 'binary' : opts.average;
  if (average !== null) {
    checkChoice(fn, 'average', average, ['binary', 'micro', 'macro', 'weighted']);
  }
  const isBinary = t.present.length <= 2;
  if (average === 'binary') {
    if (!isBinary) {
      throw new TendInputError(
        fn,
        'average',
        'invalid_option',
        "is 'binary' but the target is multiclass; choose 'micro', 'macro', 'weighted' or null",
      );
    }
    const pos = opts.posLabel ?? 1;
    if (!t.present.includes(pos) && t.present.length >= 2) {
      throw new TendInputError(
        fn,
        'posLabel',
        'invalid_option',
        `is ${JSON.stringify(pos)}, not a valid label; it should be one of ${showLabels(t.present)}`,
      );
    }
    return [pos];
  }
  return opts.labels === undefined ? undefined : toLabelOption(fn, opts.labels, t.yTrue);
}

/** Weighted tp, predicted and true totals per scored label (`multilabel_confusion_matrix`). */
export function classCounts(fn: string, t: Targets, opts: ClassScoreOptions): ClassCounts {
  const chosen = setWiseLabels(fn, t, opts);
  const labels = chosen ?? t.present;
  // Count over the chosen labels followed by any other present label, as sklearn does, then
  // keep the chosen ones only.
  const all = [...labels, ...t.present.filter((l) => !labels.includes(l))];
  const index = labelIndex(all);
  const k = all.length;
  const tp = new Float64Array(k);
  const pred = new Float64Array(k);
  const tru = new Float64Array(k);
  const w = t.weight;
  for (let i = 0; i < t.yTrue.length; i++) {
    const a = index.get(t.yTrue[i])!;
    const b = index.get(t.yPred[i])!;
    const wi = w ? w[i] : 1;
    if (a === b) tp[a] += wi;
    pred[b] += wi;
    tru[a] += wi;
  }
  const m = labels.length;
  const tpOut = tp.slice(0, m);
  // sklearn rebuilds the totals as tp + (total − tp); with fractional weights that can differ
  // from the total in the last bit, so the same steps are taken here.
  const predSum = new Float64Array(m);
  const trueSum = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    predSum[j] = tp[j] + (pred[j] - tp[j]);
    trueSum[j] = tp[j] + (tru[j] - tp[j]);
  }
  return { labels, tp: tpOut, predSum, trueSum };
}
