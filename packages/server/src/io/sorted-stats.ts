/**
 * What a report says about one numerical column on its own, from its sorted non-missing
 * values in two passes: pandas' `describe` (count, mean, std with ddof 1, min, quartiles by
 * linear interpolation, max) and how spread the values are (distinct values, the most frequent
 * one's share). Computed where the file was read (`prepareFrame`), so both files' columns are
 * described at the same time on the two cores.
 */
import { quantileAt, quantileSorted } from '@tend/core';
import type { ColumnSummary } from '../report/report-types.js';

/** Statistics of sorted non-missing values: the report's numerical summary, and the spread. */
export interface SortedStats extends Omit<ColumnSummary, 'top'> {
  distinct: number;
  /** Share of the values equal to the most frequent one (0 when there are none). */
  mostFrequentShare: number;
}

/**
 * The statistics of ascending, NaN-free values.
 *
 * @example
 * sortedStats(Float64Array.of(1, 2, 2, 4)); // { count: 4, mean: 2.25, …, distinct: 3, mostFrequentShare: 0.5 }
 */
export function sortedStats(sorted: Float64Array): SortedStats {
  const n = sorted.length;
  if (n === 0) return { count: 0, distinct: 0, mostFrequentShare: 0 };
  // One pass for the sum and the runs of equal values, one for squares about the mean.
  let sum = sorted[0];
  let distinct = 1;
  let run = 1;
  let top = 1;
  for (let i = 1; i < n; i++) {
    const v = sorted[i];
    sum += v;
    if (v === sorted[i - 1]) {
      run++;
      if (run > top) top = run;
    } else {
      distinct++;
      run = 1;
    }
  }
  const mean = sum / n;
  const ss = squaresAbout(sorted, 0, mean);
  return {
    count: n,
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN,
    min: sorted[0],
    q25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    q75: quantileSorted(sorted, 0.75),
    max: sorted[n - 1],
    distinct,
    mostFrequentShare: top / n,
  };
}

/**
 * {@link sortedStats} of ascending scaled integers `ints[start…]` read as `k / 10^places`
 * (a compact column, `NumberStore`), without turning them into doubles first. Distinct
 * integers are distinct doubles and keep their order, so the runs, extremes and quartiles
 * are the same. The sum of up to 2^22 (4.2 million) integers below 2^31 is exact in a double,
 * so the mean and standard deviation are within an ulp or two of the exact ones, as close to
 * pandas' as its own pairwise sums.
 *
 * @example
 * scaledSortedStats(Int32Array.of(100, 200, 200, 400), 0, 2).mean; // 2.25
 */
export function scaledSortedStats(ints: Int32Array, start: number, places: number): SortedStats {
  const n = ints.length - start;
  if (n === 0) return { count: 0, distinct: 0, mostFrequentShare: 0 };
  const power = 10 ** places;
  // sortedStats's pass, over integers. One function over both kinds of array would load its
  // elements polymorphically, which V8 runs at half the speed on a million values.
  let sum = ints[start];
  let distinct = 1;
  let run = 1;
  let top = 1;
  for (let i = start + 1; i < ints.length; i++) {
    const k = ints[i];
    sum += k;
    if (k === ints[i - 1]) {
      run++;
      if (run > top) top = run;
    } else {
      distinct++;
      run = 1;
    }
  }
  const meanUnits = sum / n;
  const ss = squaresAbout(ints, start, meanUnits);
  const at = (j: number) => ints[start + j] / power;
  return {
    count: n,
    mean: sum / n / power,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) / power : Number.NaN,
    min: at(0),
    q25: quantileAt(n, 0.25, at),
    median: quantileAt(n, 0.5, at),
    q75: quantileAt(n, 0.75, at),
    max: at(n - 1),
    distinct,
    mostFrequentShare: top / n,
  };
}

/**
 * Σ (values[i] − mean)² over i ≥ start, as NumPy sums: blocks of 128 on eight accumulators
 * (sixteen terms each), the block totals added with Neumaier's compensation. A plain running
 * sum over a million sorted values drifts by ~1e-12; this stays within ~1e-15.
 */
function squaresAbout(values: Int32Array | Float64Array, start: number, mean: number): number {
  let total = 0;
  let compensation = 0;
  let i = start;
  const end = values.length;
  while (i < end) {
    const stop = Math.min(i + 128, end);
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    let a7 = 0;
    for (; i + 7 < stop; i += 8) {
      const d0 = values[i] - mean;
      const d1 = values[i + 1] - mean;
      const d2 = values[i + 2] - mean;
      const d3 = values[i + 3] - mean;
      const d4 = values[i + 4] - mean;
      const d5 = values[i + 5] - mean;
      const d6 = values[i + 6] - mean;
      const d7 = values[i + 7] - mean;
      a0 += d0 * d0;
      a1 += d1 * d1;
      a2 += d2 * d2;
      a3 += d3 * d3;
      a4 += d4 * d4;
      a5 += d5 * d5;
      a6 += d6 * d6;
      a7 += d7 * d7;
    }
    for (; i < stop; i++) a0 += (values[i] - mean) ** 2;
    const block = a0 + a1 + (a2 + a3) + (a4 + a5 + (a6 + a7));
    const t = total + block;
    compensation += Math.abs(total) >= Math.abs(block) ? total - t + block : block - t + total;
    total = t;
  }
  return total + compensation;
}
