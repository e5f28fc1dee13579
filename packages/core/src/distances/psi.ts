/**
 * Population Stability Index between a reference and a current binned distribution, with
 * Evidently's smoothing of empty bins.
 */
import { checkNumberOption, type NumericInput } from '../validate.js';
import { fillZeros, toProportionPair } from './weights.js';

/** Options of {@link psi}. */
export interface PsiOptions {
  /**
   * Proportion given to empty bins (default 0.0001, Evidently's): each side's zero proportions
   * become `epsilon`, or that side's smallest non-zero proportion / 10⁶ when that is
   * ≤ `epsilon`; no re-normalisation. With 0, a bin empty on one side only makes PSI infinite
   * and a bin empty on both sides counts 0.
   */
  epsilon?: number;
}

/**
 * Population Stability Index PSI = Σ (cᵢ − rᵢ)·ln(cᵢ/rᵢ) over bins, r and c the reference's and
 * the current's proportions (weights scaled to sum 1), empty bins smoothed as Evidently's
 * `psi` test does (evidentlyai/evidently, `calculations/stattests/psi.py` over
 * `get_binned_data` in `calculations/stattests/utils.py`); Siddiqi, "Credit Risk Scorecards",
 * 2006. Rule of thumb: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift.
 *
 * @example
 * psi([0.25, 0.25, 0.5], [0.2, 0.3, 0.5]); // 0.02027325540540821
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
    const x = r[i];
    const y = c[i];
    if (x === y) continue;
    s += (x - y) * Math.log(x / y);
  }
  return s;
}
