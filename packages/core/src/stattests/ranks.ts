/**
 * Average ranks with their tie term, shared by the rank tests (Mann–Whitney U,
 * Cramér–von Mises). Ranks follow `scipy.stats.rankdata(a, method='average')`.
 */
import { sortNumbers } from '../sort-numbers.js';
import { type NumericInput, toSample } from '../validate.js';

/** Average ranks of a sample and the tie term of its groups of equal values. */
export interface AverageRanks {
  /** Rank of each value in input order, 1-based; tied values share their mean rank. */
  ranks: Float64Array;
  /** Σ (t³ − t) over the groups of t equal values (0 when all values differ). */
  tieTerm: number;
}

/**
 * Average ranks of `a` (SciPy's `rankdata(a, 'average')`) and the tie term Σ(t³ − t).
 *
 * A value v ranks (#{x < v} + 1 + #{x ≤ v}) / 2: the mean of the positions its group
 * occupies in the sorted sample. Computed with one typed-array sort and two binary searches
 * per value, O(n log n).
 *
 * @example
 * averageRanks([10, 20, 10, 30]); // { ranks: Float64Array [1.5, 3, 1.5, 4], tieTerm: 6 }
 */
export function averageRanks(a: NumericInput): AverageRanks {
  const x = toSample('averageRanks', 'a', a);
  const sorted = sortNumbers(x.slice());
  const n = x.length;
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    const below = lowerBound(sorted, v);
    const atMost = upperBound(sorted, v, below);
    ranks[i] = (below + 1 + atMost) / 2;
  }
  return { ranks, tieTerm: tieTerm(sorted) };
}

/**
 * Σ (t³ − t) over the runs of t equal values of an ascending sample.
 *
 * @example
 * tieTerm(Float64Array.of(1, 1, 2, 3, 3, 3)); // 30
 */
export function tieTerm(sorted: Float64Array): number {
  let total = 0;
  const n = sorted.length;
  let i = 0;
  while (i < n) {
    const v = sorted[i];
    let j = i + 1;
    while (j < n && sorted[j] === v) j++;
    const t = j - i;
    if (t > 1) total += t * t * t - t;
    i = j;
  }
  return total;
}

/** Rank sum of the first of two samples in their pooled average ranks. */
export interface RankSum {
  /** Σ of the average ranks, in the pooled sample, of the values of `xSorted`. */
  rankSumX: number;
  /** Σ (t³ − t) over the groups of t equal values of the pooled sample. */
  tieTerm: number;
}

/**
 * Rank sum of `xSorted` in the pooled sample with `ySorted`, and the pooled tie term, by one
 * merge walk over the two ascending samples (O(n₁ + n₂), no pooled sort).
 *
 * A group of t equal pooled values occupying positions p+1 … p+t has average rank
 * p + (t + 1) / 2; each of its values from x adds that rank.
 *
 * @example
 * mergedRankSum(Float64Array.of(1, 3), Float64Array.of(2, 3)); // { rankSumX: 4.5, tieTerm: 6 }
 */
export function mergedRankSum(xSorted: Float64Array, ySorted: Float64Array): RankSum {
  const n1 = xSorted.length;
  const n2 = ySorted.length;
  let i = 0;
  let j = 0;
  let rankSumX = 0;
  let ties = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && xSorted[i] <= ySorted[j]) ? xSorted[i] : ySorted[j];
    const i0 = i;
    const j0 = j;
    while (i < n1 && xSorted[i] === v) i++;
    while (j < n2 && ySorted[j] === v) j++;
    const cx = i - i0;
    const t = cx + (j - j0);
    // Positions before this group: i0 + j0; its average rank: i0 + j0 + (t + 1) / 2.
    if (cx > 0) rankSumX += cx * (i0 + j0 + (t + 1) / 2);
    if (t > 1) ties += t * t * t - t;
  }
  return { rankSumX, tieTerm: ties };
}

/** First index of `sorted` whose value is ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index (searching from `from`) of `sorted` whose value is > v. */
function upperBound(sorted: Float64Array, v: number, from: number): number {
  let lo = from;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
