/**
 * Distances between two binned distributions, for drift on numerical and categorical columns.
 *
 * Inputs. Every distance takes two weight vectors of equal length, bin by bin (counts or
 * probabilities), each ≥ 0, finite, not all zero, and scales each to sum 1 first, as SciPy's
 * `jensenshannon` and `entropy` do; anything else throws `TendInputError`.
 *
 * Bins. `binNumeric` puts inner edges at the reference's quantiles k/bins (k = 1 … bins − 1,
 * NumPy's default 'linear' quantile) and merges duplicate edges, so a column with few distinct
 * values gets fewer bins. Bins are right-closed and the outer ones open:
 * (−∞, e₁], (e₁, e₂], …, (e_m, +∞); a current value beyond the reference's range is counted in
 * an outer bin, never dropped. `binCategorical` counts both samples over the union of their
 * categories: the reference's in first-seen order, then those new in the current sample.
 * (Evidently bins numbers differently, at Sturges edges over both samples; only its
 * smoothing is reproduced here.)
 *
 * Smoothing of empty bins. `psi` (always, `epsilon` = 0.0001 by default) and `klDivergence`
 * (when given `epsilon` > 0) replace each side's zero proportions as Evidently's
 * `get_binned_data` does: by `epsilon`, or by that side's smallest non-zero proportion / 10⁶
 * when that is ≤ `epsilon`. `psi` then uses the proportions as they are; `klDivergence`
 * re-normalises them, as `scipy.stats.entropy` does inside Evidently's `kl_div`. The other
 * distances need no smoothing: they are finite with empty bins.
 */
export {
  type BinNumericOptions,
  binCategorical,
  binNumeric,
  histogram,
  type NumericBins,
  quantileBinEdges,
} from './binning.js';
export { hellingerDistance } from './hellinger-distance.js';
export {
  type JensenShannonDistanceOptions,
  jensenShannonDistance,
} from './jensen-shannon-distance.js';
export { type KlDivergenceOptions, klDivergence } from './kl-divergence.js';
export { lInfinityDistance } from './l-infinity-distance.js';
export { type PsiOptions, psi } from './psi.js';
export { totalVariationDistance } from './total-variation-distance.js';
