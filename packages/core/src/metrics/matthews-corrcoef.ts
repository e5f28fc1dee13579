/** Matthews correlation coefficient, binary and multiclass (Gorodkin's R_K). */
import type { NumericInput } from '../validate.js';
import { toTargets } from './class-counts.js';
import { countMatrix } from './confusion-matrix.js';
import type { Label } from './labels.js';
import { npSum } from './sums.js';

/**
 * MCC = (c·s − Σ p_k t_k) / √((s² − Σ p_k²)(s² − Σ t_k²)) over the confusion matrix, with c
 * correct, s all samples, t_k true and p_k predicted totals of class k (Gorodkin, Comput.
 * Biol. Chem. 28, 2004), as sklearn's `matthews_corrcoef`; 0 when either factor is 0.
 *
 * @example
 * matthewsCorrcoef([1, 1, 1, 0], [1, 0, 1, 1]); // -0.3333333333333333
 */
export function matthewsCorrcoef(
  yTrue: ArrayLike<Label>,
  yPred: ArrayLike<Label>,
  options: { sampleWeight?: NumericInput } = {},
): number {
  const t = toTargets('matthewsCorrcoef', yTrue, yPred, options.sampleWeight);
  const m = countMatrix(t.yTrue, t.yPred, t.present, t.weight);
  const k = m.length;
  const tSum = m.map((row) => npSum(row));
  const pSum = new Array<number>(k).fill(0);
  let correct = 0;
  for (let i = 0; i < k; i++) {
    correct += m[i][i];
    for (let j = 0; j < k; j++) pSum[j] += m[i][j];
  }
  const n = npSum(pSum);
  let tp = 0;
  let pp = 0;
  let tt = 0;
  for (let i = 0; i < k; i++) {
    tp += tSum[i] * pSum[i];
    pp += pSum[i] * pSum[i];
    tt += tSum[i] * tSum[i];
  }
  const covYtYp = correct * n - tp;
  const covYpYp = n * n - pp;
  const covYtYt = n * n - tt;
  if (covYpYp * covYtYt === 0) return 0;
  return covYtYp / Math.sqrt(covYtYt * covYpYp);
}
