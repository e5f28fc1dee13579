/**
 * Binning of two samples into aligned count vectors for the distances: numbers into bins
 * at the reference's quantiles, categories over the union of both samples' categories.
 */
import { ascending } from '../arrays.js';
import { TendInputError } from '../errors.js';
import { quantileSorted } from '../metrics/quantile.js';
import { type AlignedCounts, alignCounts, type CategoricalInput } from '../stattests/categories.js';
import { checkNumberOption, type NumericInput, toSample } from '../validate.js';

/** Options of {@link binNumeric}. */
export interface BinNumericOptions {
  /** Number of reference quantile bins before duplicate edges are merged (default 10). */
  bins?: number;
}

/** Counts of two numerical samples in the same bins. */
export interface NumericBins {
  /** Inner bin edges, strictly increasing; there are `edges.length + 1` bins. */
  edges: Float64Array;
  /** Reference count in each bin. */
  reference: Float64Array;
  /** Current count in each bin. */
  current: Float64Array;
}

function edgesOfSorted(sorted: Float64Array, bins: number): Float64Array {
  const edges = new Float64Array(bins - 1);
  let m = 0;
  for (let k = 1; k < bins; k++) {
    const e = quantileSorted(sorted, k / bins);
    if (m === 0 || e > edges[m - 1]) edges[m++] = e;
  }
  return edges.slice(0, m);
}

/**
 * Inner bin edges at the reference's quantiles k/bins (k = 1 … bins − 1), NumPy's default
 * 'linear' quantile (`np.quantile`), duplicates removed. With edges e₁ < … < e_m the bins are
 * right-closed and the outer ones open: (−∞, e₁], (e₁, e₂], …, (e_m, +∞), so every value of
 * another sample, even outside the reference's range, falls in a bin.
 *
 * @example
 * quantileBinEdges([1, 2, 3, 4, 5], 4); // Float64Array [2, 3, 4]
 */
export function quantileBinEdges(reference: NumericInput, bins = 10): Float64Array {
  const fn = 'quantileBinEdges';
  checkNumberOption(fn, 'bins', bins, { min: 1, integer: true });
  const sorted = ascending(toSample(fn, 'reference', reference));
  return edgesOfSorted(sorted, bins);
}

function countInto(values: Float64Array, edges: Float64Array, counts: Float64Array): void {
  const m = edges.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    // Bin index = number of edges strictly below v (right-closed bins).
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
}

/**
 * Count `values` in the bins of strictly increasing inner `edges` (e₁ < … < e_m): m + 1 bins
 * (−∞, e₁], (e₁, e₂], …, (e_m, +∞), right-closed with open outer bins. O(n log m).
 *
 * @example
 * histogram([0, 1, 1.5, 2, 9], [1, 2]); // Float64Array [2, 2, 1]
 */
export function histogram(values: NumericInput, edges: NumericInput): Float64Array {
  const fn = 'histogram';
  const x = toSample(fn, 'values', values, { minLength: 0 });
  const e = toSample(fn, 'edges', edges, { minLength: 0 });
  for (let i = 1; i < e.length; i++) {
    if (!(e[i] > e[i - 1])) {
      throw new TendInputError(
        fn,
        'edges',
        'out_of_range',
        `[${i}] is ${e[i]}, not above [${i - 1}] = ${e[i - 1]}; edges must increase strictly`,
      );
    }
  }
  const counts = new Float64Array(e.length + 1);
  countInto(x, e, counts);
  return counts;
}

/**
 * Bin two numerical samples at the reference's quantiles ({@link quantileBinEdges}) and count
 * both in the same bins ({@link histogram}), ready for `psi`, `klDivergence` and the others.
 *
 * @example
 * binNumeric([1, 2, 3, 4], [3, 4, 5, 6], { bins: 2 }); // edges [2.5], reference [2, 2], current [0, 4]
 */
export function binNumeric(
  reference: NumericInput,
  current: NumericInput,
  { bins = 10 }: BinNumericOptions = {},
): NumericBins {
  const fn = 'binNumeric';
  checkNumberOption(fn, 'bins', bins, { min: 1, integer: true });
  const ref = ascending(toSample(fn, 'reference', reference));
  const cur = toSample(fn, 'current', current);
  const edges = edgesOfSorted(ref, bins);
  const r = new Float64Array(edges.length + 1);
  const c = new Float64Array(edges.length + 1);
  countInto(ref, edges, r);
  countInto(cur, edges, c);
  return { edges, reference: r, current: c };
}

/**
 * Count two categorical samples over the union of their categories (reference's first, in
 * first-seen order, then the new ones), ready for the distances; see `alignCounts`.
 *
 * @example
 * binCategorical(['a', 'b', 'a'], ['b', 'c']); // categories ['a', 'b', 'c'], reference [2, 1, 0], current [0, 1, 1]
 */
export function binCategorical(
  reference: CategoricalInput,
  current: CategoricalInput,
): AlignedCounts {
  return alignCounts(reference, current, 'binCategorical');
}
