/**
 * Average precision from a class's stored scores (`outcome-scores.ts`): the positives' and the
 * negatives' scores, each sorted, walked together from the highest score down. It is
 * @tend/core's `averagePrecisionScore` (scikit-learn's `average_precision_score`) without a
 * row object or an argsort: thresholds at the distinct scores in decreasing order, at each
 * the cumulative true positives tpₙ and false positives fpₙ (integers, exact), Rₙ = tpₙ/P,
 * Pₙ = tpₙ/(tpₙ + fpₙ), and
 *
 *   AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ,  R₋₁ = 0,
 *
 * each term computed with the same floating-point operations as there; the terms (all ≥ 0)
 * are summed with Neumaier's compensation, where @tend/core sums them pairwise as NumPy does,
 * so the two agree to a few ulps (the relative error of either sum is below 1e-14).
 */
import { TendInputError } from '@tend/core';

/**
 * Average precision of the scores `positives` (rows of the positive class) and `negatives`
 * (the others), both sorted in increasing order; 0 when there is no positive, as
 * `averagePrecisionScore` gives. Throws when both are empty, as the rows' metric does.
 *
 * @example
 * averagePrecisionSorted(Float64Array.of(0.35, 0.8), Float64Array.of(0.1, 0.4)); // 0.8333333333333333
 */
export function averagePrecisionSorted(positives: Float64Array, negatives: Float64Array): number {
  const total = positives.length;
  if (total + negatives.length === 0) {
    throw new TendInputError('averagePrecision', 'yTrue', 'empty', 'must hold at least one value');
  }
  let i = positives.length - 1;
  let j = negatives.length - 1;
  let tp = 0;
  let fp = 0;
  let before = 0;
  let sum = 0;
  let compensation = 0;
  while (i >= 0) {
    // The next threshold down: the larger of the two next scores.
    const x = j >= 0 && negatives[j] > positives[i] ? negatives[j] : positives[i];
    const tp0 = tp;
    while (i >= 0 && positives[i] === x) {
      tp++;
      i--;
    }
    while (j >= 0 && negatives[j] === x) {
      fp++;
      j--;
    }
    // A threshold of negatives only adds (Rₙ − Rₙ₋₁) = 0; once the positives are all counted,
    // every later term is 0 too.
    if (tp === tp0) continue;
    const recall = tp / total;
    const term = (recall - before) * (tp / (tp + fp));
    before = recall;
    const t = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
  }
  return sum + compensation;
}
