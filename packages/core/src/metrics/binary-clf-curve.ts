/**
 * Cumulative true and false positives at each distinct score threshold, scikit-learn's
 * `_binary_clf_curve`: the shared core of the ROC and precision–recall curves.
 */
import { argsortStable, gather } from '../arrays.js';
import { TendInputError } from '../errors.js';
import { checkSameLength, type NumericInput, toSample } from '../validate.js';
import { type Label, showLabels, toLabels, toWeights, uniqueLabels } from './labels.js';
import { cumsum } from './sums.js';

export interface ClfCurve {
  fps: Float64Array;
  tps: Float64Array;
  thresholds: Float64Array;
}

const DEFAULT_POSITIVE = [[0, 1], [-1, 1], [0], [-1], [1]];

/**
 * sklearn's `_check_pos_label_consistency`: without `posLabel`, labels must be {0, 1},
 * {-1, 1} or one of them, and 1 is positive.
 */
export function resolvePosLabel(fn: string, yTrue: Label[], posLabel: Label | undefined): Label {
  if (posLabel !== undefined) return posLabel;
  const classes = uniqueLabels(yTrue);
  const ok = DEFAULT_POSITIVE.some(
    (set) => set.length === classes.length && set.every((v, i) => v === classes[i]),
  );
  if (!ok) {
    throw new TendInputError(
      fn,
      'posLabel',
      'invalid_option',
      `is not given but yTrue takes values in ${showLabels(classes)}; make yTrue take values in {0, 1} or {-1, 1}, or pass posLabel`,
    );
  }
  return 1;
}

/** Check labels, scores and weights of a binary ranking metric. */
export function toRankingInputs(
  fn: string,
  yTrue: ArrayLike<Label>,
  yScore: NumericInput,
  sampleWeight: NumericInput | undefined,
  scoreName = 'yScore',
): { y: Label[]; score: Float64Array; weight: Float64Array | undefined } {
  const y = toLabels(fn, 'yTrue', yTrue);
  const score = toSample(fn, scoreName, yScore);
  checkSameLength(fn, 'yTrue', y, scoreName, score);
  return { y, score, weight: toWeights(fn, sampleWeight, y.length) };
}

/**
 * fps[i], tps[i]: weighted false and true positives among samples scoring ≥ thresholds[i],
 * thresholds the distinct scores in decreasing order. Zero-weight samples are dropped first.
 */
export function binaryClfCurve(
  fn: string,
  yTrue: Label[],
  score: Float64Array,
  weight: Float64Array | undefined,
  posLabel: Label | undefined,
): ClfCurve {
  if (posLabel === undefined && uniqueLabels(yTrue).length > 2) {
    throw new TendInputError(
      fn,
      'yTrue',
      'invalid_option',
      'is multiclass; pass posLabel to name the positive class',
    );
  }
  let y = yTrue;
  let s = score;
  let w = weight;
  if (w) {
    const keep: number[] = [];
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) keep.push(i);
    y = keep.map((i) => yTrue[i]);
    s = gather(score, keep);
    w = gather(weight!, keep);
  }
  const pos = resolvePosLabel(fn, y, posLabel);
  const n = y.length;
  // np.argsort(kind='mergesort')[::-1]: stable ascending, then reversed, so tied scores keep
  // the same (reversed) order as in sklearn and the running sums round identically.
  const order = argsortStable(s).reverse();
  const tw = new Float64Array(n);
  const fw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = order[i];
    const isPos = y[k] === pos ? 1 : 0;
    const wk = w ? w[k] : 1;
    tw[i] = isPos * wk;
    fw[i] = (1 - isPos) * wk;
  }
  const idx: number[] = [];
  for (let i = 0; i + 1 < n; i++) if (s[order[i + 1]] - s[order[i]] !== 0) idx.push(i);
  idx.push(n - 1);
  const ct = cumsum(tw);
  const cf = w ? cumsum(fw) : undefined;
  const m = idx.length;
  const tps = new Float64Array(m);
  const fps = new Float64Array(m);
  const thresholds = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    const i = idx[j];
    tps[j] = ct[i];
    fps[j] = cf ? cf[i] : 1 + i - ct[i];
    thresholds[j] = s[order[i]];
  }
  return { fps, tps, thresholds };
}
