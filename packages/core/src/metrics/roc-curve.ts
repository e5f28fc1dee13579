/** The receiver operating characteristic curve. */
import { gather } from '../arrays.js';
import type { NumericInput } from '../validate.js';
import { binaryClfCurve, toRankingInputs } from './binary-clf-curve.js';
import type { Label } from './labels.js';

/** Options of {@link rocCurve}. */
export interface RocCurveOptions {
  /** The positive class (default 1, with yTrue in {0, 1} or {-1, 1}). */
  posLabel?: Label;
  sampleWeight?: NumericInput;
  /** Drop points on straight segments, which leave the area unchanged (default true). */
  dropIntermediate?: boolean;
}

/** False and true positive rates at decreasing thresholds. */
export interface RocCurveResult {
  fpr: Float64Array;
  tpr: Float64Array;
  thresholds: Float64Array;
}

/**
 * ROC curve as sklearn 1.2's `roc_curve`: (fpr, tpr) at every distinct score, from (0, 0)
 * at threshold max + 1 (sklearn 1.2's convention; 1.3 uses +∞) to (1, 1). Without negatives
 * (positives) in yTrue, fpr (tpr) is all NaN, as sklearn returns with a warning.
 *
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]).tpr; // Float64Array [0, 0.5, 0.5, 1, 1]
 */
export function rocCurve(
  yTrue: ArrayLike<Label>,
  yScore: NumericInput,
  options: RocCurveOptions = {},
): RocCurveResult {
  const fn = 'rocCurve';
  const { y, score, weight } = toRankingInputs(fn, yTrue, yScore, options.sampleWeight);
  return rocFromCurve(
    binaryClfCurve(fn, y, score, weight, options.posLabel),
    options.dropIntermediate ?? true,
  );
}

/** The ROC points of a cumulative-count curve. */
export function rocFromCurve(
  c: { fps: Float64Array; tps: Float64Array; thresholds: Float64Array },
  dropIntermediate: boolean,
): RocCurveResult {
  let { fps, tps, thresholds } = c;
  const m = fps.length;
  if (dropIntermediate && m > 2) {
    // Keep the ends and every point where either count's second difference is non-zero.
    const keep = [0];
    for (let i = 0; i + 2 < m; i++) {
      const d2f = fps[i + 2] - fps[i + 1] - (fps[i + 1] - fps[i]);
      const d2t = tps[i + 2] - tps[i + 1] - (tps[i + 1] - tps[i]);
      if (d2f !== 0 || d2t !== 0) keep.push(i + 1);
    }
    keep.push(m - 1);
    fps = gather(c.fps, keep);
    tps = gather(c.tps, keep);
    thresholds = gather(c.thresholds, keep);
  }
  const k = fps.length + 1;
  const fpr = new Float64Array(k);
  const tpr = new Float64Array(k);
  const th = new Float64Array(k);
  th[0] = thresholds[0] + 1;
  th.set(thresholds, 1);
  const fLast = fps[k - 2];
  const tLast = tps[k - 2];
  for (let i = 1; i < k; i++) {
    fpr[i] = fLast <= 0 ? Number.NaN : fps[i - 1] / fLast;
    tpr[i] = tLast <= 0 ? Number.NaN : tps[i - 1] / tLast;
  }
  if (fLast <= 0) fpr[0] = Number.NaN;
  if (tLast <= 0) tpr[0] = Number.NaN;
  return { fpr, tpr, thresholds: th };
}
