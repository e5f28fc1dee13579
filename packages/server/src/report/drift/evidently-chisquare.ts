/**
 * Evidently's "chisquare" drift test, which is not the two-sample chi-square test of
 * homogeneity that @tend/core's registry runs under that name: it is a goodness-of-fit test
 * of the current counts against the reference's proportions scaled to the current size,
 * `scipy.stats.chisquare(f_obs, f_exp)` (evidentlyai/evidently,
 * src/evidently/calculations/stattests/chisquare_stattest.py, `_chi_stat_test`). It treats
 * the reference as the true distribution, so its p-values are smaller than the homogeneity
 * test's; `--preset evidently` uses it to reproduce Evidently's decisions.
 */
import { alignCounts, type CategoricalInput, chi2 } from '@tend/core';

/** The statistic and p-value of {@link evidentlyChiSquare}. */
export interface EvidentlyChiSquareResult {
  /** X² = Σ (O − E)²/E over the categories of either sample; +∞ when a category is new. */
  statistic: number;
  /** P(χ²_{k−1} ≥ X²); 1 when both samples hold one and the same category (k = 1). */
  pValue: number;
}

/**
 * Goodness-of-fit chi-square of the current counts O against E = reference count × n_cur/n_ref
 * over the union of both samples' categories, p from χ² with k − 1 degrees of freedom. A
 * category absent from the reference has E = 0, so X² = +∞ and p = 0, as in SciPy. With one
 * category SciPy's p is NaN (0 degrees of freedom); here it is 1, since the samples agree.
 *
 * @example
 * evidentlyChiSquare(['a', 'a', 'b', 'b'], ['a', 'b', 'b', 'b']).pValue; // 0.3173105078629141 (SciPy: 0.31731050786291115)
 */
export function evidentlyChiSquare(
  reference: CategoricalInput,
  current: CategoricalInput,
): EvidentlyChiSquareResult {
  const aligned = alignCounts(reference, current);
  const k = aligned.categories.length;
  let nRef = 0;
  let nCur = 0;
  for (let j = 0; j < k; j++) {
    nRef += aligned.reference[j];
    nCur += aligned.current[j];
  }
  if (k === 1) return { statistic: 0, pValue: 1 };
  // Evidently scales by k_norm = n_cur / n_ref first, then multiplies; same rounding here.
  const kNorm = nCur / nRef;
  let statistic = 0;
  for (let j = 0; j < k; j++) {
    const expected = aligned.reference[j] * kNorm;
    statistic += (aligned.current[j] - expected) ** 2 / expected;
  }
  return { statistic, pValue: chi2.sf(statistic, k - 1) };
}
