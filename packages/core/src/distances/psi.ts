/**
 * Population Stability Index between a reference and a current binned distribution, with
 * Evidently's smoothing of empty bins.
 */
import { checkNumberOption, type NumericInput } from '../validate.js';
import { fillZeros, toProportionPair } from './weights.js';

/** Options of {@link psi}. */
export interface PsiOptions {
  /**
   * Proportion given to empty bins (default 0.0001, Evidently's). Applied to each side
   * separately, after scaling to proportions: that side's zero proportions become `epsilon`,
   * or that side's smallest non-zero proportion / 10⁶ when that is ≤ `epsilon`; the vector is
   * not re-normalised. With 0 there is no smoothing: a bin empty on one side only makes PSI
   * infinite, a bin empty on both sides adds 0.
   */
  epsilon?: number;
}

/**
 * Population Stability Index of a current binned distribution against a reference one:
 * PSI = Σᵢ (pᵢ − qᵢ)·ln(pᵢ/qᵢ), p the reference's proportions, q the current's (Evidently's
 * `psi` test, `calculations/stattests/psi.py`: reference minus current; every term is ≥ 0 and
 * the sum is symmetric in p and q). Siddiqi, "Credit Risk Scorecards", 2006. Rule of thumb:
 * < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift.
 *
 * Inputs are the two samples' weights bin by bin (counts or proportions, equal length), each
 * scaled to sum 1. For raw numbers, bin them with `binNumeric(reference, current, { bins })`:
 * inner edges at the reference's quantiles k/bins (k = 1 … bins − 1) by NumPy's default
 * 'linear' quantile (Hyndman & Fan type 7, `np.quantile`); equal edges collapse into one
 * (`np.unique`), so a column with few distinct values gets fewer bins; bins are right-closed,
 * (−∞, e₁], (e₁, e₂], …, (e_m, +∞), the outer ones open, so a current value below or above the
 * reference's range is counted in the first or last bin, never dropped. For categories,
 * `binCategorical` counts both samples over the union of their categories. (Evidently bins
 * numbers at Sturges edges over both samples instead; only its formula and smoothing are
 * reproduced here.)
 *
 * Empty bins: each side's zero proportions are replaced before the sum, as Evidently's
 * `get_binned_data(…, feel_zeroes=True)` does (see {@link PsiOptions.epsilon}: 0.0001, or the
 * side's smallest non-zero proportion / 10⁶ when that is ≤ 0.0001, no re-normalisation).
 *
 * @example
 * psi([0.25, 0.25, 0.5], [0.2, 0.3, 0.5]); // 0.020273255405408214
 */
export function psi(
  reference: NumericInput,
  current: NumericInput,
  { epsilon = 0.0001 }: PsiOptions = {},
): number {
  const fn = 'psi';
  checkNumberOption(fn, 'epsilon', epsilon, { min: 0, max: 1 });
  const [r, c] = toProportionPair(fn, reference, current, ['reference', 'current']);
  fillZeros(r, epsilon);
  fillZeros(c, epsilon);
  let s = 0;
  for (let i = 0; i < r.length; i++) {
    const p = r[i];
    const q = c[i];
    // Skipping equal proportions also makes a bin empty on both sides (epsilon 0) add 0.
    if (p === q) continue;
    s += (p - q) * Math.log(p / q);
  }
  return s;
}
